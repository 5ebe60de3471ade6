using System;
using System.CommandLine;
using System.IO;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using DeepSynth.Cli.Findings;
using DeepSynth.Cli.Loading;
using DeepSynth.Cli.Progress;
using DeepSynth.Cli.Reports;
using DeepSynth.Findings;
using Microsoft.CodeAnalysis;

namespace DeepSynth.Cli
{
    /// <summary>
    /// <c>deepsynth check [path] [--format console|sarif|json|md|html] [--output file] [--fail-on error|warning|note|never]
    /// [--baseline file] [--no-restore]</c>: analyses a whole solution, following content across its projects. Exit 0: no
    /// new finding at or above --fail-on; 1: some; 2: nothing could be analysed, or wrong arguments.
    /// </summary>
    internal static class CheckCommand
    {
        public static readonly string[] Formats = { "console", "sarif", "json", "md", "html" };

        public static Command Create()
        {
            var command = new Command("check", "Check a solution, project or folder for compliance findings, following generated content across projects (exit 0 clean, 1 findings, 2 error).");
            var target = new SolutionArguments(command);
            var format = new Option<string>("--format", "-f") { Description = "Report format: console (default), sarif, json, md or html.", DefaultValueFactory = _ => "console" };
            format.CompletionSources.Add(Formats);
            var output = new Option<string?>("--output", "-o") { Description = "Write the report to this file (the console summary is still printed)." };
            var failOn = new Option<string>("--fail-on") { Description = "Lowest severity of a new finding that fails the check: error, warning (default), note or never.", DefaultValueFactory = _ => "warning" };
            failOn.CompletionSources.Add(SeverityNames.FailOnChoices);
            var baseline = new Option<string?>("--baseline") { Description = $"A baseline for every project; by default each project's own {BaselineDocument.FileName}, as in the build." };
            command.Options.Add(format);
            command.Options.Add(output);
            command.Options.Add(failOn);
            command.Options.Add(baseline);
            command.SetAction((result, cancellationToken) =>
            {
                var stderr = result.InvocationConfiguration.Error;
                var chosenFormat = SolutionArguments.Choice(result.GetValue(format) ?? "console", Formats, "--format", "check", stderr);
                var chosenFailOn = SolutionArguments.Choice(result.GetValue(failOn) ?? "warning", SeverityNames.FailOnChoices, "--fail-on", "check", stderr);
                if (chosenFormat == null || chosenFailOn == null || !SolutionArguments.CheckNoExtraTokens(result, stderr, "check"))
                {
                    return Task.FromResult(ExitCodes.ToolError);
                }

                var settings = new CheckSettings(target.Path(result), target.Restore(result), chosenFormat, result.GetValue(output), SeverityNames.Threshold(chosenFailOn), result.GetValue(baseline));
                return RunAsync(settings, result.InvocationConfiguration.Output, stderr, cancellationToken);
            });
            return command;
        }

        public static async Task<int> RunAsync(CheckSettings settings, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
        {
            try
            {
                var (loaded, run) = await StepProgress.RunAsync(stderr, progress => SolutionArguments.LoadAndCheckAsync(settings.Path, settings.Restore, progress, cancellationToken)).ConfigureAwait(false);
                loaded.Dispose();
                var result = Baselines.Apply(run.Result, settings.Baseline, path => stderr.WriteLine($"Using the baseline {path}"));
                Report(result, settings, stdout);
                return result.Fails(settings.FailOn) ? ExitCodes.Findings : ExitCodes.Clean;
            }
            catch (Exception e) when (e is LoadException or InvalidDataException or IOException or UnauthorizedAccessException)
            {
                stderr.WriteLine($"deepsynth check: {e.Message}");
                return ExitCodes.ToolError;
            }
        }

        /// <summary>The report to standard output, or to the --output file with the console summary on standard output.</summary>
        private static void Report(CheckResult result, CheckSettings settings, TextWriter stdout)
        {
            var report = Render(settings.Format, result, settings.FailOn);
            if (settings.Output == null)
            {
                stdout.Write(report);
                return;
            }

            File.WriteAllText(settings.Output, report, new UTF8Encoding(false));
            if (settings.Format != "console")
            {
                stdout.Write(Render("console", result, settings.FailOn));
            }

            stdout.WriteLine($"Report written to {Path.GetFullPath(settings.Output)}");
        }

        private static string Render(string format, CheckResult result, DiagnosticSeverity? failOn) => format switch
        {
            "console" => ConsoleReport.Render(result, failOn),
            "sarif" => SarifReport.Render(result),
            "json" => JsonReport.Render(result),
            "md" => MarkdownReport.Render(result),
            "html" => HtmlReport.Render(result),
            _ => throw new ArgumentOutOfRangeException(nameof(format), format, "unknown report format"),
        };
    }

    /// <summary>The options of one check.</summary>
    internal sealed record CheckSettings(string Path, bool Restore, string Format, string? Output, DiagnosticSeverity? FailOn, string? Baseline);
}
