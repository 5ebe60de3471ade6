namespace DeepSynth.Analyzers.Tests.Metadata;

/// <summary>Files that derive from the rule table are current (see <see cref="RuleFileGenerator"/> for how to regenerate them).</summary>
public class GeneratedFilesTests
{
    public static TheoryData<string> Files()
    {
        var data = new TheoryData<string>();
        foreach (var region in RuleFileGenerator.Regions)
        {
            data.Add(region.RelativePath);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Generated_file_is_current(string relativePath)
    {
        var region = RuleFileGenerator.Regions.Single(r => r.RelativePath == relativePath);
        var expected = RuleFileGenerator.Expected(region);
        if (Environment.GetEnvironmentVariable(RuleFileGenerator.RegenerateVariable) == "1")
        {
            File.WriteAllText(region.FullPath, expected);
        }

        Assert.True(File.Exists(region.FullPath), relativePath + " is missing; regenerate with " + RuleFileGenerator.RegenerateVariable + "=1");
        Assert.True(expected == File.ReadAllText(region.FullPath),
            relativePath + " is stale: it no longer matches the rule table. Run " + RuleFileGenerator.RegenerateVariable +
            "=1 dotnet test tests/DeepSynth.Analyzers.Tests --filter GeneratedFilesTests");
    }
}
