using System.Diagnostics;

namespace DeepSynth.TestSupport;

/// <summary>The outcome of a dotnet command run by a test.</summary>
public sealed record CommandResult(int ExitCode, string Output)
{
    public void EnsureSuccess(string what)
    {
        if (ExitCode != 0)
        {
            throw new InvalidOperationException($"{what} failed with exit code {ExitCode}:\n{Output}");
        }
    }
}

/// <summary>Runs the dotnet CLI the way a user would, for end-to-end tests of the package and the build task.</summary>
public static class DotnetCli
{
    public static async Task<CommandResult> RunAsync(string workingDirectory, params string[] arguments)
    {
        var (exitCode, stdout, stderr) = await RunSeparatelyAsync(workingDirectory, new Dictionary<string, string>(), arguments);
        return new CommandResult(exitCode, stdout + stderr);
    }

    /// <summary>The same, with standard output and standard error apart (both redirected) and extra environment variables.</summary>
    public static async Task<(int ExitCode, string Stdout, string Stderr)> RunSeparatelyAsync(string workingDirectory, IReadOnlyDictionary<string, string> environment, params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // Child builds must not reuse (or leave behind) build servers, and must not inherit the test host's MSBuild settings.
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        start.Environment["DOTNET_CLI_USE_MSBUILD_SERVER"] = "0";
        start.Environment.Remove("MSBuildSDKsPath");
        start.Environment.Remove("MSBuildExtensionsPath");
        start.Environment.Remove("MSBUILD_EXE_PATH");
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("could not start dotnet");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await stdout, await stderr);
    }
}
