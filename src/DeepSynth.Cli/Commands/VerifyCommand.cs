using System;
using System.Collections.Generic;
using System.CommandLine;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using DeepSynth.Cli.Labels;
using DeepSynth.Compliance.Metadata;

namespace DeepSynth.Cli
{
    /// <summary>
    /// <c>deepsynth verify &lt;files or folders&gt; [--format text|json|sarif]</c>: checks each file's GB 45438 implicit label
    /// (format, sites, fields, verdict, the clause behind each check). Exit 0: every file compliant; 1: a label is
    /// missing or noncompliant; 2: a file could not be checked (not identified, damaged, unreadable) or nothing to check.
    /// In folders, files of formats the SDK does not know are skipped; a file named on the command line is never skipped.
    /// </summary>
    internal static class VerifyCommand
    {
        public const int AllCompliant = 0;
        public const int Noncompliant = 1;
        public const int Inconclusive = 2;

        public static Command Create()
        {
            var paths = new Argument<string[]>("paths") { Description = "Files or folders (searched recursively).", Arity = ArgumentArity.OneOrMore };
            var format = new Option<string>("--format") { Description = "text (default), json or sarif.", DefaultValueFactory = _ => "text" };
            format.AcceptOnlyFromAmong("text", "json", "sarif");
            var command = new Command("verify", "Check files' AIGC implicit labels against GB 45438 and the TC260 placement guides (exit 0 compliant, 1 noncompliant or missing, 2 not checkable).");
            command.Arguments.Add(paths);
            command.Options.Add(format);
            command.SetAction((result, cancellationToken) => RunAsync(result.GetValue(paths)!, result.GetValue(format)!, result.InvocationConfiguration.Output, result.InvocationConfiguration.Error, cancellationToken));
            return command;
        }

        public static async Task<int> RunAsync(IReadOnlyList<string> paths, string format, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
        {
            var files = new List<VerifiedFile>();
            var skipped = 0;
            foreach (var path in paths)
            {
                if (Directory.Exists(path))
                {
                    foreach (var file in Directory.EnumerateFiles(path, "*", SearchOption.AllDirectories).OrderBy(f => f, StringComparer.Ordinal))
                    {
                        var verified = await InspectAsync(file, cancellationToken).ConfigureAwait(false);
                        if (verified.Inspection is { IsIdentified: false })
                        {
                            skipped++;
                            continue;
                        }

                        files.Add(verified);
                    }
                }
                else
                {
                    files.Add(await InspectAsync(path, cancellationToken).ConfigureAwait(false));
                }
            }

            await stdout.WriteAsync(format switch
            {
                "json" => LabelVerifyReport.Json(files),
                "sarif" => LabelVerifyReport.Sarif(files),
                _ => LabelVerifyReport.Text(files),
            }).ConfigureAwait(false);
            if (skipped > 0)
            {
                await stderr.WriteLineAsync($"deepsynth verify: skipped {skipped} files of formats that carry no known AIGC site (跳过 {skipped} 个无法识别格式的文件).").ConfigureAwait(false);
            }

            if (files.Count == 0)
            {
                await stderr.WriteLineAsync("deepsynth verify: no file to check (没有可检查的文件).").ConfigureAwait(false);
                return Inconclusive;
            }

            if (files.Any(f => f.Verdict is AigcVerdict.Noncompliant or AigcVerdict.NotFound))
            {
                return Noncompliant;
            }

            return files.Any(f => f.Verdict == AigcVerdict.Inconclusive) ? Inconclusive : AllCompliant;
        }

        internal static async Task<VerifiedFile> InspectAsync(string path, CancellationToken cancellationToken)
        {
            var display = Path.GetRelativePath(Directory.GetCurrentDirectory(), Path.GetFullPath(path)).Replace('\\', '/');
            try
            {
                var content = await File.ReadAllBytesAsync(path, cancellationToken).ConfigureAwait(false);
                return new VerifiedFile(path, display, AigcLabelInspector.Inspect(content, Path.GetFileName(path)), null);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                return new VerifiedFile(path, display, null, ex.Message);
            }
        }
    }
}
