using System;
using System.Collections.Generic;
using System.CommandLine;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using DeepSynth.Cli.Fixing;
using DeepSynth.Cli.Loading;
using DeepSynth.Cli.Progress;

namespace DeepSynth.Cli
{
    /// <summary>
    /// <c>deepsynth fix [path] [--diagnostics DSYN004 DSYN001 ...] [--no-restore]</c>: applies the code fixes (Fix All) of the
    /// given rules, all fixable ones by default, compiles the result and writes the files that still compile. Exit 0: none
    /// of those findings is left; 1: some could not be fixed, or a fix broke the build and was undone; 2: nothing could be
    /// analysed, or wrong arguments.
    /// </summary>
    internal static class FixCommand
    {
        public static Command Create()
        {
            var command = new Command("fix", "Apply the DeepSynth code fixes to a solution, project or folder and write the changed files (exit 0 all fixed, 1 some left or undone, 2 error).");
            var target = new SolutionArguments(command);
            var rules = new Option<string[]>("--diagnostics", "-d")
            {
                Description = $"The rules to fix ({string.Join(", ", ComplianceFixes.Order)}); all of them by default. They are applied in that order.",
                AllowMultipleArgumentsPerToken = true,
            };
            rules.CompletionSources.Add(ComplianceFixes.Order.ToArray());
            command.Options.Add(rules);
            command.SetAction((result, cancellationToken) =>
            {
                var stderr = result.InvocationConfiguration.Error;
                var requested = result.GetValue(rules) is { Length: > 0 } given ? given.Select(r => r.ToUpperInvariant()).ToList() : ComplianceFixes.Order.ToList();
                var unknown = requested.Where(r => !ComplianceFixes.Order.Contains(r)).ToList();
                if (unknown.Count > 0)
                {
                    stderr.WriteLine($"deepsynth fix: no code fix for {string.Join(", ", unknown)}; fixable rules: {string.Join(", ", ComplianceFixes.Order)}.");
                    return Task.FromResult(ExitCodes.ToolError);
                }

                return SolutionArguments.CheckNoExtraTokens(result, stderr, "fix")
                    ? RunAsync(target.Path(result), target.Restore(result), requested, result.InvocationConfiguration.Output, stderr, cancellationToken)
                    : Task.FromResult(ExitCodes.ToolError);
            });
            return command;
        }

        public static async Task<int> RunAsync(string path, bool restore, IReadOnlyCollection<string> rules, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
        {
            try
            {
                var (loaded, outcomes) = await StepProgress.RunAsync(stderr, async progress =>
                {
                    var (loaded, run) = await SolutionArguments.LoadAndCheckAsync(path, restore, progress, cancellationToken).ConfigureAwait(false);
                    try
                    {
                        return (loaded, await SolutionFixer.FixAsync(loaded, run, rules, progress, cancellationToken).ConfigureAwait(false));
                    }
                    catch
                    {
                        loaded.Dispose();
                        throw;
                    }
                }).ConfigureAwait(false);
                using (loaded)
                {
                    FixReport.Write(outcomes, stdout);
                    return outcomes.Any(o => o.After > 0 || o.Undone.Count > 0) ? ExitCodes.Findings : ExitCodes.Clean;
                }
            }
            catch (Exception e) when (e is LoadException or IOException or UnauthorizedAccessException)
            {
                stderr.WriteLine($"deepsynth fix: {e.Message}");
                return ExitCodes.ToolError;
            }
        }
    }
}
