using System;
using System.CommandLine;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using DeepSynth.Cli.Findings;
using DeepSynth.Cli.Loading;
using DeepSynth.Cli.Progress;
using DeepSynth.Findings;

namespace DeepSynth.Cli
{
    /// <summary>
    /// <c>deepsynth baseline [path] [--no-restore]</c>: accepts every current finding by writing deepsynth.baseline.json
    /// beside each project that has findings, the files the build task and check honour.
    /// </summary>
    internal static class BaselineCommand
    {
        public static Command Create()
        {
            var command = new Command("baseline", $"Accept every current finding: write {BaselineDocument.FileName} beside each project, so only new findings fail check and the build.");
            var target = new SolutionArguments(command);
            command.SetAction((result, cancellationToken) =>
            {
                var stderr = result.InvocationConfiguration.Error;
                return SolutionArguments.CheckNoExtraTokens(result, stderr, "baseline")
                    ? RunAsync(target.Path(result), target.Restore(result), result.InvocationConfiguration.Output, stderr, cancellationToken)
                    : Task.FromResult(ExitCodes.ToolError);
            });
            return command;
        }

        public static async Task<int> RunAsync(string path, bool restore, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
        {
            try
            {
                var (loaded, run) = await StepProgress.RunAsync(stderr, progress => SolutionArguments.LoadAndCheckAsync(path, restore, progress, cancellationToken)).ConfigureAwait(false);
                loaded.Dispose();
                var baselines = Baselines.PerProject(run.Result);
                foreach (var (file, baseline) in baselines)
                {
                    baseline.Write(file);
                    stdout.WriteLine($"Wrote {baseline.Entries.Count} finding(s) to {file}");
                }

                if (baselines.Count == 0)
                {
                    stdout.WriteLine("No findings: no baseline written.");
                }

                foreach (var problem in run.Result.Problems)
                {
                    stderr.WriteLine($"warning: {problem}");
                }

                return ExitCodes.Clean;
            }
            catch (Exception e) when (e is LoadException or IOException or UnauthorizedAccessException)
            {
                stderr.WriteLine($"deepsynth baseline: {e.Message}");
                return ExitCodes.ToolError;
            }
        }
    }
}
