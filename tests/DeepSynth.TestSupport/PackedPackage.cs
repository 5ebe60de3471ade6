namespace DeepSynth.TestSupport;

/// <summary>
/// The DeepSynth NuGet package, packed once per test process from the projects the test run already built
/// (dotnet pack --no-build), under a version unique to this run so NuGet's cache never serves stale bits.
/// </summary>
public static class PackedPackage
{
    private static readonly Lazy<Task<PackageInfo>> LazyPackage = new(PackAsync);

    public static Task<PackageInfo> GetAsync() => LazyPackage.Value;

    private static async Task<PackageInfo> PackAsync()
    {
        var version = $"0.0.0-test.{DateTime.UtcNow:yyyyMMddHHmmss}.{Environment.ProcessId}";
        var feed = Directory.CreateTempSubdirectory("deepsynth-feed-").FullName;
        var configuration = BuildConfiguration();
        var result = await DotnetCli.RunAsync(RepositoryPaths.Root,
            "pack", RepositoryPaths.Combine("src", "DeepSynth.Package", "DeepSynth.Package.csproj"),
            "--no-build", "-c", configuration, "-o", feed, "-p:Version=" + version);
        result.EnsureSuccess("dotnet pack");
        return new PackageInfo("DeepSynth", version, feed, Path.Combine(feed, $"DeepSynth.{version}.nupkg"));
    }

    /// <summary>The configuration the tests were built in (bin/Debug/... or bin/Release/...).</summary>
    public static string BuildConfiguration() =>
        AppContext.BaseDirectory.Replace('\\', '/').Contains("/bin/Release/", StringComparison.Ordinal) ? "Release" : "Debug";
}

/// <summary>A packed package in a local folder feed.</summary>
public sealed record PackageInfo(string Id, string Version, string FeedDirectory, string NupkgPath);
