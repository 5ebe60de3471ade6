namespace DeepSynth.TestSupport;

/// <summary>Paths in this repository, found from the test's output directory (tests never depend on the working directory).</summary>
public static class RepositoryPaths
{
    private static readonly Lazy<string> LazyRoot = new(() =>
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory != null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "DeepSynthAnalyzers.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("DeepSynthAnalyzers.sln was not found above " + AppContext.BaseDirectory);
    });

    public static string Root => LazyRoot.Value;

    public static string Combine(params string[] parts) => Path.Combine(new[] { Root }.Concat(parts).ToArray());
}
