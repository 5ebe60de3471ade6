using DeepSynth.TestSupport;

namespace DeepSynth.Build.Tests.Consumers;

/// <summary>
/// A folder of projects that install the packed DeepSynth package from its local feed, built with the real
/// `dotnet build`. Consumers declare their own copies of the DeepSynth.Compliance attributes (matched by full name),
/// so a restore only needs the package itself.
/// </summary>
internal sealed class ConsumerSolution
{
    /// <summary>The annotation attributes the consumers use, declared the way a project without the SDK would.</summary>
    public const string Attributes = """
        namespace DeepSynth.Compliance
        {
            [System.AttributeUsage(System.AttributeTargets.Method)] internal sealed class GeneratedContentSourceAttribute : System.Attribute { }
            [System.AttributeUsage(System.AttributeTargets.Method)] internal sealed class ContentPublisherAttribute : System.Attribute { }
            [System.AttributeUsage(System.AttributeTargets.Method)] internal sealed class AigcLabelerAttribute : System.Attribute { }
            [System.AttributeUsage(System.AttributeTargets.Method)] internal sealed class ContentReviewerAttribute : System.Attribute { }
            [System.AttributeUsage(System.AttributeTargets.Method)] internal sealed class SynthesisAuditorAttribute : System.Attribute { }
        }
        """;

    private readonly PackageInfo _package;

    private ConsumerSolution(string directory, PackageInfo package)
    {
        Directory = directory;
        _package = package;
    }

    public string Directory { get; }

    public static async Task<ConsumerSolution> CreateAsync(string name)
    {
        var package = await PackedPackage.GetAsync();
        var directory = System.IO.Directory.CreateTempSubdirectory("deepsynth-" + name + "-").FullName;
        // Keep the consumers out of this repository's Directory.*.props.
        await File.WriteAllTextAsync(Path.Combine(directory, "Directory.Build.props"), "<Project />");
        await File.WriteAllTextAsync(Path.Combine(directory, "Directory.Packages.props"), "<Project />");
        return new ConsumerSolution(directory, package);
    }

    /// <summary>
    /// Adds a project that references the package, with its files (paths relative to the project folder): a class library
    /// by default, or another SDK (Microsoft.NET.Sdk.Web) and properties (&lt;OutputType&gt;Exe&lt;/OutputType&gt;).
    /// </summary>
    public async Task AddProjectAsync(string name, IReadOnlyDictionary<string, string> files, string sdk = "Microsoft.NET.Sdk", string properties = "")
    {
        await WriteAsync(Path.Combine(name, name + ".csproj"), $"""
            <Project Sdk="{sdk}">
              <PropertyGroup>
                {properties}
                <TargetFramework>net10.0</TargetFramework>
                <ManagePackageVersionsCentrally>false</ManagePackageVersionsCentrally>
                <RestoreAdditionalProjectSources>{_package.FeedDirectory}</RestoreAdditionalProjectSources>
                <NoWarn>$(NoWarn);NU1603;CA1050;CA1822</NoWarn>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="{_package.Id}" Version="{_package.Version}" PrivateAssets="all" />
              </ItemGroup>
            </Project>
            """);
        await WriteAsync(Path.Combine(name, "Attributes.cs"), Attributes);
        foreach (var file in files)
        {
            await WriteAsync(Path.Combine(name, file.Key), file.Value);
        }
    }

    public Task WriteAsync(string relativePath, string text)
    {
        var path = Path.Combine(Directory, relativePath);
        System.IO.Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        return File.WriteAllTextAsync(path, text);
    }

    public string PathOf(params string[] parts) => Path.Combine(new[] { Directory }.Concat(parts).ToArray());

    /// <summary>`dotnet build` of a project or solution as a developer would run it locally, or as CI does.</summary>
    public Task<CommandResult> BuildAsync(string target, bool ci, params string[] arguments) =>
        DotnetCli.RunAsync(Directory, new[]
        {
            "build", target, "-nologo",
            // Decide local or CI explicitly: the test process itself may run under CI=true.
            "-p:CI=" + (ci ? "true" : "false"), "-p:ContinuousIntegrationBuild=false", "-p:TF_BUILD=",
            // Rule titles in the reports are in the build's UI language.
            "-p:PreferredUILang=en-US",
        }.Concat(arguments).ToArray());
}
