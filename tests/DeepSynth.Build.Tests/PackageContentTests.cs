using System.IO.Compression;
using DeepSynth.TestSupport;

namespace DeepSynth.Build.Tests;

/// <summary>What the build gate needs from the package: the task, the targets that wire it, and the manifest's schema for editors.</summary>
public class PackageContentTests
{
    [Fact]
    public async Task Package_ships_the_task_its_targets_and_the_manifest_schema()
    {
        var package = await PackedPackage.GetAsync();
        using var zip = ZipFile.OpenRead(package.NupkgPath);

        Assert.NotNull(zip.GetEntry("tasks/DeepSynth.Build.dll"));
        var targets = await new StreamReader(zip.GetEntry("buildTransitive/DeepSynth.targets")!.Open()).ReadToEndAsync();
        Assert.Contains("DeepSynth.Build.ComplianceReportTask", targets);
        Assert.Contains("TaskFactory=\"TaskHostFactory\"", targets);
        var schema = await new StreamReader(zip.GetEntry("buildTransitive/deepsynth.schema.json")!.Open()).ReadToEndAsync();
        Assert.Equal(await File.ReadAllTextAsync(RepositoryPaths.Combine("src", "DeepSynth.Package", "buildTransitive", "deepsynth.schema.json")), schema);
    }

    [Theory]
    [InlineData("none")]
    [InlineData("default")]
    [InlineData("strict")]
    public async Task Package_ships_each_severity_preset_where_the_targets_look_for_it(string preset)
    {
        var package = await PackedPackage.GetAsync();
        using var zip = ZipFile.OpenRead(package.NupkgPath);

        var entry = zip.GetEntry($"buildTransitive/presets/deepsynth.{preset}.globalconfig");
        Assert.NotNull(entry);
        var shipped = await new StreamReader(entry.Open()).ReadToEndAsync();
        Assert.Equal(await File.ReadAllTextAsync(RepositoryPaths.Combine("src", "DeepSynth.Package", "buildTransitive", "presets", $"deepsynth.{preset}.globalconfig")), shipped);
        var targets = await new StreamReader(zip.GetEntry("buildTransitive/DeepSynth.targets")!.Open()).ReadToEndAsync();
        Assert.Contains("presets/deepsynth.$(_DeepSynthPresetName).globalconfig", targets);
    }
}
