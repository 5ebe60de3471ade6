using System.Diagnostics;

namespace DeepSynth.Compliance.Tests.Support;

/// <summary>Independent command-line readers (exiftool, ffprobe, ffmpeg), run when installed.</summary>
internal static class ExternalTool
{
    public static bool Exists(string tool) =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator)
            .Any(folder => File.Exists(Path.Combine(folder, tool)));

    /// <summary>Why a test needing <paramref name="tools"/> is skipped, or <c>null</c> when all are installed.</summary>
    public static string? SkipReason(string[] tools)
    {
        var missing = tools.Where(t => !Exists(t)).ToArray();
        return missing.Length == 0
            ? null
            : $"{string.Join(", ", missing)} not installed (apt-get install libimage-exiftool-perl ffmpeg); the hand-built tests cover the same format without it.";
    }

    /// <summary>Runs <paramref name="tool"/> and returns its exit code, standard output and standard error.</summary>
    public static (int Exit, string Output, string Error) Run(string tool, params string[] arguments)
    {
        var start = new ProcessStartInfo(tool) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(60_000))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{tool} did not finish in 60 s.");
        }

        return (process.ExitCode, output.Result, error.Result);
    }
}

/// <summary>A fact that is skipped, saying why, when the independent tool it needs is not installed.</summary>
public sealed class ToolFactAttribute : FactAttribute
{
    public ToolFactAttribute(params string[] tools) => Skip = ExternalTool.SkipReason(tools);
}

/// <summary>A theory that is skipped, saying why, when the independent tool it needs is not installed.</summary>
public sealed class ToolTheoryAttribute : TheoryAttribute
{
    public ToolTheoryAttribute(params string[] tools) => Skip = ExternalTool.SkipReason(tools);
}
