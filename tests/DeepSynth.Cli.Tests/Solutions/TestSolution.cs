namespace DeepSynth.Cli.Tests.Solutions;

/// <summary>
/// A solution a test writes to a temporary folder: real SDK-style projects against the real packages (restored from the
/// package feed), listed in a .slnx file, deleted afterwards.
/// </summary>
public sealed class TestSolution : IDisposable
{
    public const string AiAbstractions = """<PackageReference Include="Microsoft.Extensions.AI.Abstractions" Version="10.11.0" />""";

    private readonly List<string> _projects = new();

    public TestSolution() => Directory.CreateDirectory(Root);

    public string Root { get; } = Path.Combine(Path.GetTempPath(), "deepsynth-cli-tests", Guid.NewGuid().ToString("N"));

    /// <summary>A class library or web project (<paramref name="web"/>) with the given items and source files.</summary>
    public string AddProject(string name, bool web, string items, params (string File, string Source)[] sources)
    {
        var sdk = web ? "Microsoft.NET.Sdk.Web" : "Microsoft.NET.Sdk";
        return AddRawProject(name, $"""
            <Project Sdk="{sdk}">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <ImplicitUsings>enable</ImplicitUsings>
              </PropertyGroup>
              <ItemGroup>
                {items}
              </ItemGroup>
            </Project>
            """, sources);
    }

    /// <summary>A project file exactly as given (for projects MSBuild cannot load).</summary>
    public string AddRawProject(string name, string projectXml, params (string File, string Source)[] sources)
    {
        var path = Write($"{name}/{name}.csproj", projectXml);
        foreach (var (file, source) in sources)
        {
            Write($"{name}/{file}", source);
        }

        _projects.Add($"{name}/{name}.csproj");
        return path;
    }

    public static string ReferenceTo(string project) => $"""<ProjectReference Include="../{project}/{project}.csproj" />""";

    /// <summary>Writes the .slnx listing every project added so far.</summary>
    public string WriteSolution(string name) =>
        Write(name + ".slnx", "<Solution>\n" + string.Concat(_projects.Select(p => $"  <Project Path=\"{p}\" />\n")) + "</Solution>\n");

    public string Write(string relativePath, string content)
    {
        var path = PathOf(relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
        return path;
    }

    public string PathOf(string relativePath) => Path.Combine(Root, relativePath.Replace('/', Path.DirectorySeparatorChar));

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A build server may still hold a file for a moment; the folder is under the temp directory.
        }
    }
}
