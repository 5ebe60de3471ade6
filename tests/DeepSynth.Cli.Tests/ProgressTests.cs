using DeepSynth.Cli.Progress;
using DeepSynth.Cli.Tests.Solutions;
using DeepSynth.TestSupport;
using Spectre.Console;

namespace DeepSynth.Cli.Tests;

/// <summary>
/// Long steps show progress on a terminal (restore, load, analyse: what, how many of how many, elapsed time) and nothing
/// when output is redirected: a real project checked through the progress display, and the real CLI process with its
/// output captured.
/// </summary>
public sealed class ProgressTests
{
    [Fact]
    public async Task On_a_terminal_each_step_shows_what_it_does_its_count_and_elapsed_time()
    {
        using var solution = new TestSolution();
        var project = solution.AddProject("Chat", web: false, string.Empty, ("Bot.cs", StorySources.AnnotatedBot));
        var screen = new StringWriter();
        var terminal = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(screen),
            Ansi = AnsiSupport.Yes,
            ColorSystem = ColorSystemSupport.Standard,
            Interactive = InteractionSupport.Yes,
        });

        var (loaded, run) = await StepProgress.RunAsync(terminal, progress => SolutionArguments.LoadAndCheckAsync(project, restore: true, progress, CancellationToken.None));
        loaded.Dispose();

        var shown = screen.ToString();
        Assert.True(shown.Contains("\u001b[", StringComparison.Ordinal), shown);
        Assert.Contains("Restored Chat.csproj", shown);
        Assert.Contains("Loaded Chat.csproj", shown);
        Assert.Contains("Analysed 1 project(s), 3 finding(s)", shown);
        Assert.Contains("1/1", shown);
        Assert.Matches(@"\d\d:\d\d:\d\d", shown);
        Assert.Contains(run.Result.Findings, f => f.RuleId == "DSYN001");
    }

    [Fact]
    public async Task Redirected_output_of_the_real_cli_has_the_report_and_no_progress_or_ANSI_codes()
    {
        using var solution = new TestSolution();
        var project = solution.AddProject("Chat", web: false, string.Empty, ("Bot.cs", StorySources.AnnotatedBot));

        var (exit, stdout, stderr) = await RunCliAsync("check", project, "--fail-on", "never");

        Assert.True(exit == 0, stdout + stderr);
        Assert.Contains("Verdict: ", stdout);
        Assert.Contains("DSYN001", stdout);
        foreach (var text in new[] { stdout, stderr })
        {
            Assert.False(text.Contains('\u001b'), text);
            Assert.DoesNotContain("Restoring", text);
            Assert.DoesNotContain("Loading", text);
            Assert.DoesNotContain("Analysing", text);
        }

        Assert.Equal(string.Empty, stderr.Trim());
    }

    /// <summary>The CLI as built, started as `dotnet DeepSynth.Cli.dll`, its standard output and error redirected.</summary>
    private static Task<(int ExitCode, string Stdout, string Stderr)> RunCliAsync(params string[] arguments) =>
        DotnetCli.RunSeparatelyAsync(
            AppContext.BaseDirectory,
            new Dictionary<string, string> { ["DOTNET_CLI_UI_LANGUAGE"] = "en", ["LC_ALL"] = "C.UTF-8" },
            new[] { Path.Combine(AppContext.BaseDirectory, "DeepSynth.Cli.dll") }.Concat(arguments).ToArray());
}
