using DeepSynth.TestSupport;

namespace DeepSynth.Build.Tests;

/// <summary>
/// A project that installs the packed package from a local feed, built with the real `dotnet build`:
/// the analyzers report and the build task runs and writes its summary.
/// </summary>
public class ConsumerBuildTests
{
    private const string ConsumerCode = """
        namespace DeepSynth.Compliance
        {
            // The consumer declares its own copies: the analyzers match the attributes by full name.
            [System.AttributeUsage(System.AttributeTargets.Method)] internal sealed class GeneratedContentSourceAttribute : System.Attribute { }
            [System.AttributeUsage(System.AttributeTargets.Method)] internal sealed class ContentPublisherAttribute : System.Attribute { }
        }

        public class Bot
        {
            [DeepSynth.Compliance.GeneratedContentSource] public string Generate() => "text";
            [DeepSynth.Compliance.ContentPublisher] public void Post(string text) { }
            public void Run() => Post(Generate());
        }
        """;

    [Fact]
    public async Task Package_consumer_gets_the_diagnostics_and_the_task_summary()
    {
        var package = await PackedPackage.GetAsync();
        var project = Directory.CreateTempSubdirectory("deepsynth-consumer-").FullName;
        await File.WriteAllTextAsync(Path.Combine(project, "Consumer.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <ManagePackageVersionsCentrally>false</ManagePackageVersionsCentrally>
                <RestoreAdditionalProjectSources>{package.FeedDirectory}</RestoreAdditionalProjectSources>
                <NoWarn>$(NoWarn);NU1603</NoWarn>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="{package.Id}" Version="{package.Version}" PrivateAssets="all" />
              </ItemGroup>
            </Project>
            """);
        await File.WriteAllTextAsync(Path.Combine(project, "Bot.cs"), ConsumerCode);
        // Keep the consumer out of this repository's Directory.*.props.
        await File.WriteAllTextAsync(Path.Combine(project, "Directory.Build.props"), "<Project />");
        await File.WriteAllTextAsync(Path.Combine(project, "Directory.Packages.props"), "<Project />");

        var build = await DotnetCli.RunAsync(project, "build", "Consumer.csproj", "-nologo");

        build.EnsureSuccess("consumer build");
        Assert.Contains("warning DSYN001", build.Output);
        Assert.Matches(@"DeepSynth: 3 compliance finding\(s\) in Consumer \(DSYN001 x1, DSYN003 x1, DSYN005 x1\)", build.Output);
        var summary = Directory.GetFiles(Path.Combine(project, "obj"), "deepsynth-summary.txt", SearchOption.AllDirectories).Single();
        var text = await File.ReadAllTextAsync(summary);
        Assert.Contains("DSYN001: 1", text);
        Assert.Contains("Bot.cs(12)", text);
    }
}
