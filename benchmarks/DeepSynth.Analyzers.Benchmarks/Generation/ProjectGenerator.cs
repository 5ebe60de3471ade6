using System.Globalization;

namespace DeepSynth.Analyzers.Benchmarks.Generation;

/// <summary>
/// Generates a realistic web service: controllers, minimal-API endpoint groups, SignalR hubs, services behind interfaces
/// and DTOs. A configurable share of files uses AI SDKs (compliant and non-compliant flows, service layers, streaming);
/// the rest is ordinary business code of the same size. Deterministic for a seed.
/// </summary>
public static partial class ProjectGenerator
{
    private static readonly Func<int, string>[] AiTemplates =
    {
        AiTemplates_.ControllerWithService,
        AiTemplates_.MinimalApiGroup,
        AiTemplates_.StreamingHub,
        AiTemplates_.CompliantController,
        AiTemplates_.SemanticKernelWriter,
    };

    private static readonly Func<int, string>[] PlainTemplates =
    {
        PlainTemplates_.OrderController,
        PlainTemplates_.InventoryService,
        PlainTemplates_.ReportBuilder,
        PlainTemplates_.CustomerEndpoints,
        PlainTemplates_.PricingRules,
    };

    public static IReadOnlyList<GeneratedFile> Generate(ProjectShape shape)
    {
        var random = new Random(shape.Seed);
        var files = new List<GeneratedFile>(shape.Files + 2)
        {
            new("GlobalUsings.cs", DeepSynth.TestSupport.WebSdk.ImplicitUsings + Environment.NewLine + Usings, false),
            new("Steps.cs", Steps, false),
        };
        for (var i = 0; i < shape.Files; i++)
        {
            var usesAi = random.NextDouble() < shape.AiShare;
            var templates = usesAi ? AiTemplates : PlainTemplates;
            var text = templates[random.Next(templates.Length)](i);
            files.Add(new GeneratedFile($"Feature{i.ToString(CultureInfo.InvariantCulture)}.cs", text, usesAi));
        }

        files.Add(new GeneratedFile("Program.cs", ProgramFor(files), false));
        return files;
    }

    /// <summary>The host, as a real app has it: services registered, every endpoint group, hub and controller mapped.</summary>
    private static string ProgramFor(IReadOnlyList<GeneratedFile> files)
    {
        var program = new System.Text.StringBuilder("""
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddControllers();
            builder.Services.AddSignalR();
            var app = builder.Build();
            app.MapControllers();

            """);
        foreach (var file in files)
        {
            foreach (System.Text.RegularExpressions.Match match in MappedExtension().Matches(file.Text))
            {
                program.Append("Generated.").Append(match.Groups[1].Value).Append(".").Append(match.Groups[2].Value).AppendLine("(app);");
            }

            foreach (System.Text.RegularExpressions.Match match in HubClass().Matches(file.Text))
            {
                program.Append("app.MapHub<Generated.").Append(match.Groups[1].Value).Append(">(\"/").Append(match.Groups[1].Value.ToLowerInvariant()).AppendLine("\");");
            }
        }

        program.AppendLine("app.Run();");
        return program.ToString();
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"public static class (\w+)\s*\{\s*public static \w+ (Map\w+)\(this IEndpointRouteBuilder")]
    private static partial System.Text.RegularExpressions.Regex MappedExtension();

    [System.Text.RegularExpressions.GeneratedRegex(@"public sealed class (\w+)\([^)]*\) : Hub\b")]
    private static partial System.Text.RegularExpressions.Regex HubClass();

    /// <summary>
    /// Writes the files and a project file that builds them with or without the DeepSynth analyzers, and with or without
    /// Security Code Scan (the paired run of <c>scs-paired.sh</c>).
    /// </summary>
    public static void WriteProject(ProjectShape shape, string directory, string repositoryRoot)
    {
        Directory.CreateDirectory(directory);
        foreach (var file in Generate(shape))
        {
            File.WriteAllText(Path.Combine(directory, file.Path), file.Text);
        }

        File.WriteAllText(Path.Combine(directory, "Directory.Build.props"), "<Project />");
        File.WriteAllText(Path.Combine(directory, "Directory.Packages.props"), "<Project />");
        File.WriteAllText(Path.Combine(directory, "Generated.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk.Web">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>disable</Nullable>
                <ImplicitUsings>disable</ImplicitUsings>
                <NoWarn>$(NoWarn);NU1603;CS1998</NoWarn>
                <OutputType>Exe</OutputType>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="OpenAI" Version="2.15.0" />
                <PackageReference Include="Microsoft.Extensions.AI" Version="10.11.0" />
                <PackageReference Include="Microsoft.Extensions.AI.OpenAI" Version="10.11.0" />
                <PackageReference Include="Microsoft.SemanticKernel" Version="1.82.0" />
                <ProjectReference Include="{repositoryRoot}/src/DeepSynth.Compliance/DeepSynth.Compliance.csproj" />
              </ItemGroup>
              <ItemGroup Condition="'$(WithSecurityCodeScan)' == 'true'">
                <PackageReference Include="SecurityCodeScan.VS2019" Version="5.6.7" PrivateAssets="all" />
              </ItemGroup>
              <ItemGroup Condition="'$(WithDeepSynth)' == 'true'">
                <ProjectReference Include="{repositoryRoot}/src/DeepSynth.Analyzers/DeepSynth.Analyzers.csproj" OutputItemType="Analyzer" ReferenceOutputAssembly="false" />
              </ItemGroup>
            </Project>
            """);
    }

    private const string Usings = """
        global using Microsoft.AspNetCore.Mvc;
        global using Microsoft.AspNetCore.SignalR;
        global using Microsoft.Extensions.AI;
        global using DeepSynth.Compliance;
        """;

    /// <summary>The team's compliance helpers, as annotated methods (so generated code needs no DI setup).</summary>
    private const string Steps = """
        namespace Generated;

        public static class Steps
        {
            [AigcLabeler] public static string Label(string text) => "AI生成：" + text;
            [ContentReviewer] public static void EnsureAllowed(string text) { }
            [SynthesisAuditor] public static void Record(string content) { }
            [IdentityVerifier] public static void EnsureRealName(HttpContext context) { }
        }

        public sealed record Question(string Text, string Topic);
        public sealed record Answer(string Text, long? Tokens);
        """;
}
