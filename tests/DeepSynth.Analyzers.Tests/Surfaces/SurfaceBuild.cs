using System.Text.RegularExpressions;
using DeepSynth.TestSupport;

namespace DeepSynth.Analyzers.Tests.Surfaces;

/// <summary>
/// A Web SDK project built with the real `dotnet build` (its source generators and build tools included: Razor, protoc),
/// with this build's ContentFlowAnalyzer as an analyzer, in a temporary folder outside the repository.
/// </summary>
internal static partial class SurfaceBuild
{
    /// <summary>Builds the project and returns its flow findings (DSYN001-009; the project duties are not the point) as "File.ext:line DSYN00n", distinct and sorted.</summary>
    public static async Task<IReadOnlyList<string>> FindingsAsync(string items, IReadOnlyDictionary<string, string> files)
    {
        var root = Directory.CreateTempSubdirectory("deepsynth-surface-").FullName;
        try
        {
            // Keep the project out of any Directory.*.props above the temporary folder.
            await File.WriteAllTextAsync(Path.Combine(root, "Directory.Build.props"), "<Project />");
            await File.WriteAllTextAsync(Path.Combine(root, "Directory.Packages.props"), "<Project />");
            await File.WriteAllTextAsync(Path.Combine(root, "App.csproj"), $"""
                <Project Sdk="Microsoft.NET.Sdk.Web">
                  <PropertyGroup>
                    <TargetFramework>net10.0</TargetFramework>
                    <Nullable>enable</Nullable>
                    <ImplicitUsings>enable</ImplicitUsings>
                    <RootNamespace>App</RootNamespace>
                    <NoWarn>$(NoWarn);NU1603</NoWarn>
                  </PropertyGroup>
                  <ItemGroup>
                    <PackageReference Include="Microsoft.Extensions.AI.Abstractions" Version="10.11.0" />
                    <Analyzer Include="{typeof(ContentFlowAnalyzer).Assembly.Location}" />
                    {items}
                  </ItemGroup>
                </Project>
                """);
            foreach (var (path, text) in files)
            {
                Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(root, path))!);
                await File.WriteAllTextAsync(Path.Combine(root, path), text);
            }

            var build = await DotnetCli.RunAsync(root, "build", "App.csproj", "-nologo", "-m:1", "-p:PreferredUILang=en-US", "-clp:NoSummary");
            build.EnsureSuccess("dotnet build");
            return Finding().Matches(build.Output)
                .Select(m => $"{m.Groups["file"].Value}:{m.Groups["line"].Value} {m.Groups["id"].Value}")
                .Distinct().Order(StringComparer.Ordinal).ToList();
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    /// <summary>Compliance steps declared the way a project without the SDK would (the attributes matched by full name).</summary>
    public const string Steps = """
        namespace DeepSynth.Compliance
        {
            [System.AttributeUsage(System.AttributeTargets.Method | System.AttributeTargets.Property)] internal sealed class AigcLabelerAttribute : System.Attribute { }
            [System.AttributeUsage(System.AttributeTargets.Method)] internal sealed class ContentReviewerAttribute : System.Attribute { }
            [System.AttributeUsage(System.AttributeTargets.Method)] internal sealed class SynthesisAuditorAttribute : System.Attribute { }
            [System.AttributeUsage(System.AttributeTargets.Class | System.AttributeTargets.Method)] public sealed class RequireRealNameAttribute : System.Attribute { }
        }

        public static class Steps
        {
            [DeepSynth.Compliance.AigcLabeler] public static string Label(string text) => "AI生成：" + text;
            [DeepSynth.Compliance.ContentReviewer] public static void EnsureAllowed(string text) { }
            [DeepSynth.Compliance.SynthesisAuditor] public static void Record(string text) { }
        }
        """;

    [GeneratedRegex(@"(?<file>[\w.]+)\((?<line>\d+),\d+\): warning (?<id>DSYN00\d)")]
    private static partial Regex Finding();
}
