using System;
using System.CommandLine;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using DeepSynth.Cli.Analysis;
using DeepSynth.Cli.Loading;
using DeepSynth.Cli.Progress;

namespace DeepSynth.Cli
{
    /// <summary>The exit codes of check, baseline and fix.</summary>
    internal static class ExitCodes
    {
        public const int Clean = 0;
        public const int Findings = 1;

        /// <summary>Nothing could be analysed, or the arguments are wrong.</summary>
        public const int ToolError = 2;
    }

    /// <summary>
    /// The target argument and options shared by the verbs that load a solution (check, baseline, fix), and how they load
    /// it. Values are validated by the verbs, and parse errors exit 2 (<see cref="CommandLineRoot.InvokeAsync"/>), because
    /// 1 means "findings" here: a pipeline must tell a wrong invocation (2) from a failing check.
    /// </summary>
    internal sealed class SolutionArguments
    {
        private readonly Argument<string> _path = new Argument<string>("path")
        {
            Description = "A solution (.sln, .slnx), a C# project (.csproj), or a folder holding one solution or C# projects.",
            Arity = ArgumentArity.ZeroOrOne,
            DefaultValueFactory = _ => ".",
        };

        private readonly Option<bool> _noRestore = new Option<bool>("--no-restore")
        {
            Description = "Do not run 'dotnet restore' first (the projects are restored already).",
        };

        public SolutionArguments(Command command)
        {
            command.Arguments.Add(_path);
            command.Options.Add(_noRestore);
        }

        public string Path(ParseResult result) => result.GetValue(_path) ?? ".";

        public bool Restore(ParseResult result) => !result.GetValue(_noRestore);

        /// <summary>Writes a usage error and returns false when the command line has tokens no option or argument took.</summary>
        public static bool CheckNoExtraTokens(ParseResult result, TextWriter stderr, string verb)
        {
            if (result.UnmatchedTokens.Count == 0)
            {
                return true;
            }

            stderr.WriteLine($"deepsynth {verb}: unexpected argument(s): {string.Join(" ", result.UnmatchedTokens)}. See 'deepsynth {verb} --help'.");
            return false;
        }

        /// <summary>Resolves, restores, loads and checks the target, each step shown on <paramref name="progress"/>.</summary>
        /// <exception cref="LoadException">Nothing could be loaded.</exception>
        public static async Task<(LoadedSolution Loaded, SolutionCheckRun Run)> LoadAndCheckAsync(string path, bool restore, IStepProgress progress, CancellationToken cancellationToken)
        {
            var clock = Stopwatch.StartNew();
            var target = CheckTarget.Resolve(path);
            var loaded = await SolutionLoader.LoadAsync(target, restore, progress, cancellationToken).ConfigureAwait(false);
            try
            {
                var loadTime = clock.Elapsed;
                var run = await SolutionCheck.RunAsync(loaded, loadTime, progress, cancellationToken).ConfigureAwait(false);
                return (loaded, run);
            }
            catch
            {
                loaded.Dispose();
                throw;
            }
        }

        /// <summary>Validates a named choice; writes the usage error and returns null when the value is not one of them.</summary>
        public static string? Choice(string value, string[] allowed, string option, string verb, TextWriter stderr)
        {
            var match = allowed.FirstOrDefault(a => string.Equals(a, value, StringComparison.OrdinalIgnoreCase));
            if (match == null)
            {
                stderr.WriteLine($"deepsynth {verb}: {option} must be one of {string.Join(", ", allowed)} (was '{value}').");
            }

            return match;
        }
    }
}
