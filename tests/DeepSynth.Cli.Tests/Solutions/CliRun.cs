using System.CommandLine;

namespace DeepSynth.Cli.Tests.Solutions;

/// <summary>Runs the CLI's solution verbs through the real command-line parser, capturing what they print.</summary>
public static class CliRun
{
    public static async Task<(int Exit, string Output, string Error)> RunAsync(params string[] args)
    {
        var root = CommandLineRoot.Create("deepsynth (test)");
        root.Subcommands.Add(CheckCommand.Create());
        root.Subcommands.Add(FixCommand.Create());
        root.Subcommands.Add(BaselineCommand.Create());
        var output = new StringWriter();
        var error = new StringWriter();
        var exit = await CommandLineRoot.InvokeAsync(root, args, new InvocationConfiguration { Output = output, Error = error });
        return (exit, output.ToString(), error.ToString());
    }
}
