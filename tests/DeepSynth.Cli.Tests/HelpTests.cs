using DeepSynth.Cli.Tests.Solutions;
using DeepSynth.TestSupport;

namespace DeepSynth.Cli.Tests;

/// <summary>Help names the command users type, whatever the executable is called (DeepSynth.Cli under dotnet run).</summary>
public sealed class HelpTests
{
    [Fact]
    public async Task Help_says_deepsynth_and_has_no_text_about_passing_arguments_on()
    {
        var (exit, output, _) = await CliRun.RunAsync("check", "--help");

        Assert.Equal(0, exit);
        Assert.Contains("deepsynth check [<path>] [options]", output);
        Assert.DoesNotContain("DeepSynth.Cli", output);
        Assert.DoesNotContain("Arguments passed to the application", output);
        Assert.DoesNotContain("additional arguments", output);
    }

    [Fact]
    public async Task The_built_program_started_as_dotnet_DeepSynth_Cli_dll_says_deepsynth_too()
    {
        var (exit, output, error) = await DotnetCli.RunSeparatelyAsync(AppContext.BaseDirectory, new Dictionary<string, string>(),
            Path.Combine(AppContext.BaseDirectory, "DeepSynth.Cli.dll"), "check", "--help");

        Assert.True(exit == 0, error);
        Assert.Contains("deepsynth check [<path>] [options]", output);
        Assert.DoesNotContain("DeepSynth.Cli", output);
        Assert.DoesNotContain("Arguments passed to the application", output);
    }

    [Fact]
    public async Task A_token_nothing_takes_exits_2_with_the_reason_and_where_help_is()
    {
        // One path at most: the second is a parse error (exit 1 in System.CommandLine, 2 here: a wrong invocation).
        var (exit, _, error) = await CliRun.RunAsync("check", "first.sln", "second.sln");

        Assert.Equal(2, exit);
        var line = Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries)).TrimEnd('\r');
        Assert.StartsWith("deepsynth check: ", line);
        Assert.Contains("second.sln", line);
        Assert.EndsWith(" See 'deepsynth check --help'.", line);
    }
}
