using System.IO.Compression;
using System.Reflection;
using System.Runtime.Loader;
using System.Xml.Linq;
using DeepSynth.TestSupport;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace DeepSynth.Package.Tests;

/// <summary>The package users install: its layout, that it carries no runtime dependencies, and that its analyzers load and work.</summary>
public class PackageLayoutTests
{
    [Fact]
    public async Task Package_contains_analyzers_satellites_task_and_build_files_and_nothing_the_compiler_ships()
    {
        var package = await PackedPackage.GetAsync();
        using var zip = ZipFile.OpenRead(package.NupkgPath);
        var entries = zip.Entries.Select(e => e.FullName).ToHashSet();

        Assert.Contains("analyzers/dotnet/cs/DeepSynth.Analyzers.dll", entries);
        Assert.Contains("analyzers/dotnet/cs/DeepSynth.CodeFixes.dll", entries);
        Assert.Contains("analyzers/dotnet/cs/zh-Hans/DeepSynth.Analyzers.resources.dll", entries);
        Assert.Contains("tasks/DeepSynth.Build.dll", entries);
        Assert.Contains("buildTransitive/DeepSynth.props", entries);
        Assert.Contains("buildTransitive/DeepSynth.targets", entries);
        Assert.DoesNotContain(entries, e => e.StartsWith("lib/", StringComparison.Ordinal));
        Assert.DoesNotContain(entries, e => e.Contains("Microsoft.CodeAnalysis", StringComparison.Ordinal) || e.Contains("Microsoft.Build.", StringComparison.Ordinal));

        var nuspec = XDocument.Load(zip.Entries.Single(e => e.FullName.EndsWith(".nuspec", StringComparison.Ordinal)).Open());
        var ns = nuspec.Root!.Name.Namespace;
        Assert.Empty(nuspec.Descendants(ns + "dependency"));
        Assert.Equal("true", nuspec.Descendants(ns + "developmentDependency").Single().Value);
    }

    [Fact]
    public async Task Analyzer_loaded_from_the_package_reports_in_a_compilation()
    {
        var package = await PackedPackage.GetAsync();
        var context = new AssemblyLoadContext("package", isCollectible: true);
        try
        {
            Assembly analyzers;
            using (var zip = ZipFile.OpenRead(package.NupkgPath))
            using (var stream = zip.GetEntry("analyzers/dotnet/cs/DeepSynth.Analyzers.dll")!.Open())
            using (var copy = new MemoryStream())
            {
                await stream.CopyToAsync(copy);
                copy.Position = 0;
                analyzers = context.LoadFromStream(copy);
            }

            var instances = analyzers.GetTypes()
                .Where(t => typeof(DiagnosticAnalyzer).IsAssignableFrom(t) && t.GetCustomAttributes<DiagnosticAnalyzerAttribute>().Any())
                .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!)
                .ToList();
            Assert.NotEmpty(instances);

            var compilation = AnalyzerRunner.Compile(new[]
            {
                """
                public class Bot
                {
                    [GeneratedContentSource] public string Generate() => "text";
                    [ContentPublisher] public void Post(string text) { }
                    public void Run() => Post(Generate());
                }
                """,
            });
            var run = await AnalyzerRunner.RunAsync(compilation, instances);
            Assert.Empty(run.Exceptions);
            Assert.Contains(run.Diagnostics, d => d.Id == "DSYN001");
        }
        finally
        {
            context.Unload();
        }
    }
}
