using System.CommandLine;
using System.IO;
using System.Linq;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using DeepSynth.Cli.Labels;
using DeepSynth.Compliance.Metadata;

namespace DeepSynth.Cli
{
    /// <summary>
    /// <c>deepsynth diff &lt;before&gt; &lt;after&gt; [--format text|json]</c>: did a pipeline step (re-encode, resize, upload)
    /// keep the implicit label? Exit 0: kept, propagated, or no label before; 1: lost, changed, duplicated or moved to a
    /// non-standard site (DSP Art. 18, LM Art. 10); 2: a file could not be read or checked.
    /// </summary>
    internal static class DiffCommand
    {
        public static Command Create()
        {
            var before = new Argument<string>("before") { Description = "The file as it went into the step." };
            var after = new Argument<string>("after") { Description = "The file the step produced." };
            var format = new Option<string>("--format") { Description = "text (default) or json.", DefaultValueFactory = _ => "text" };
            format.AcceptOnlyFromAmong("text", "json");
            var command = new Command("diff", "Compare the AIGC label before and after a processing step (exit 0 kept, 1 lost/changed/duplicated, 2 error).");
            command.Arguments.Add(before);
            command.Arguments.Add(after);
            command.Options.Add(format);
            command.SetAction((result, cancellationToken) => RunAsync(result.GetValue(before)!, result.GetValue(after)!, result.GetValue(format)!, result.InvocationConfiguration.Output, result.InvocationConfiguration.Error, cancellationToken));
            return command;
        }

        public static async Task<int> RunAsync(string beforePath, string afterPath, string format, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
        {
            var before = await VerifyCommand.InspectAsync(beforePath, cancellationToken).ConfigureAwait(false);
            var after = await VerifyCommand.InspectAsync(afterPath, cancellationToken).ConfigureAwait(false);
            foreach (var unreadable in new[] { before, after }.Where(f => f.Inspection is null))
            {
                await stderr.WriteLineAsync($"deepsynth diff: {unreadable.DisplayPath}: {unreadable.ReadError}").ConfigureAwait(false);
            }

            if (before.Inspection is null || after.Inspection is null)
            {
                return VerifyCommand.Inconclusive;
            }

            var diff = AigcLabelDiff.Compare(before.Inspection, after.Inspection);
            await stdout.WriteAsync(format == "json" ? Json(diff, before, after) : Text(diff, before, after)).ConfigureAwait(false);
            if (diff.IsViolation)
            {
                return VerifyCommand.Noncompliant;
            }

            return diff.Change == AigcLabelChange.Inconclusive ? VerifyCommand.Inconclusive : VerifyCommand.AllCompliant;
        }

        private static string Text(AigcLabelDiff diff, VerifiedFile before, VerifiedFile after)
        {
            var lines = new System.Text.StringBuilder();
            lines.AppendLine($"{LabelVerdictNames.Of(diff.Change)} / {LabelVerdictNames.Chinese(diff.Change)}: {before.DisplayPath} -> {after.DisplayPath}");
            foreach (var (name, file) in new[] { ("before", before), ("after", after) })
            {
                var sites = file.Inspection!.Labels.Select(l => l.Site.Location).DefaultIfEmpty(file.Reason ?? "no label");
                lines.AppendLine($"  {name}: {file.Inspection.Format}, {string.Join("; ", sites)}");
            }

            foreach (var field in diff.ChangedFields)
            {
                lines.AppendLine($"  {field}: {diff.Before.Label![field]} -> {diff.After.Label![field]}");
            }

            return lines.ToString();
        }

        private static string Json(AigcLabelDiff diff, VerifiedFile before, VerifiedFile after)
        {
            var report = new
            {
                change = LabelVerdictNames.Of(diff.Change),
                changeZh = LabelVerdictNames.Chinese(diff.Change),
                violation = diff.IsViolation,
                before = new { file = before.DisplayPath, sites = diff.Before.Labels.Select(l => l.Site.Location), label = diff.Before.Label?.ToPayloadJson() },
                after = new { file = after.DisplayPath, sites = diff.After.Labels.Select(l => l.Site.Location), label = diff.After.Label?.ToPayloadJson() },
                changedFields = diff.ChangedFields,
            };
            return JsonSerializer.Serialize(report, new JsonSerializerOptions { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }) + "\n";
        }
    }
}
