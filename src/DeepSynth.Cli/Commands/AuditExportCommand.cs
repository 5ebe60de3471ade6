using System;
using System.CommandLine;
using System.IO;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using DeepSynth.Compliance.Audit;

namespace DeepSynth.Cli
{
    /// <summary>
    /// <c>deepsynth audit export &lt;log-dir&gt; [--subject u_…] [--since T] [--until T] [--type T] [-o file]</c>: the
    /// selected records as JSON Lines; and <c>deepsynth audit keygen</c>: a new checkpoint key.
    /// </summary>
    internal static class AuditExportCommand
    {
        public static Command Create()
        {
            var folder = new Argument<DirectoryInfo>("log-dir") { Description = "The audit log folder." };
            var subject = new Option<string?>("--subject") { Description = "Only this user's records, by pseudonym (u_…)." };
            var since = new Option<DateTimeOffset?>("--since") { Description = "Only records at or after this time (ISO 8601, UTC if no offset)." };
            var until = new Option<DateTimeOffset?>("--until") { Description = "Only records before this time." };
            var type = new Option<string?>("--type") { Description = "Only records of this type (generation, review, …)." };
            var output = new Option<FileInfo?>("--output", "-o") { Description = "Where to write the JSON Lines (default: standard output)." };
            var command = new Command("export", "Export records as JSON Lines, exactly as the log holds them (users as pseudonyms). 按用户或时间段导出记录。");
            command.Arguments.Add(folder);
            foreach (var option in new Option[] { subject, since, until, type, output })
            {
                command.Options.Add(option);
            }

            command.SetAction((result, cancellationToken) => Task.FromResult(Export(
                result.GetValue(folder)!,
                new AuditExportQuery { Subject = result.GetValue(subject), From = result.GetValue(since), To = result.GetValue(until), Type = result.GetValue(type) },
                result.GetValue(output), result.InvocationConfiguration.Output, result.InvocationConfiguration.Error, cancellationToken)));
            return command;
        }

        public static Command CreateKeygen()
        {
            var algorithm = new Option<string>("--algorithm") { Description = "ecdsa-p256 (default) or sm2.", DefaultValueFactory = _ => "ecdsa-p256" };
            var command = new Command("keygen", "Make a checkpoint signing key: the private key for Audit:CheckpointPrivateKey, the public key to publish. 生成检查点签名密钥。");
            command.Options.Add(algorithm);
            command.SetAction(result =>
            {
                try
                {
                    var signer = AuditCheckpointSigner.Generate(result.GetValue(algorithm)!);
                    result.InvocationConfiguration.Output.WriteLine("private: " + signer.ExportPrivateKey());
                    result.InvocationConfiguration.Output.WriteLine("public:  " + signer.PublicKey);
                    return 0;
                }
                catch (FormatException ex)
                {
                    result.InvocationConfiguration.Error.WriteLine($"deepsynth audit keygen: {ex.Message}");
                    return 2;
                }
            });
            return command;
        }

        public static int Export(DirectoryInfo folder, AuditExportQuery query, FileInfo? output, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
        {
            try
            {
                if (output is null)
                {
                    AuditLogExport.Export(folder.FullName, query, stdout, cancellationToken);
                    return 0;
                }

                using var writer = new StreamWriter(output.FullName, false, new UTF8Encoding(false));
                var count = AuditLogExport.Export(folder.FullName, query, writer, cancellationToken);
                stdout.WriteLine($"{output.FullName}: {count} records");
                return 0;
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                stderr.WriteLine($"deepsynth audit export: {ex.Message}");
                return 2;
            }
        }
    }
}
