using System.CommandLine;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using DeepSynth.Compliance.Audit;

namespace DeepSynth.Cli
{
    /// <summary><c>deepsynth audit verify &lt;log-dir&gt;</c>: checks the hash chain of an audit log folder (exit 0 intact, 1 broken, 2 error).</summary>
    internal static class AuditCommand
    {
        public static Command Create()
        {
            var folder = new Argument<DirectoryInfo>("log-dir") { Description = "The audit log folder (daily *.jsonl files)." };
            var verify = new Command("verify", "Check every record's hash, link and sequence; print the first broken record (exit 0 intact, 1 broken, 2 error).");
            verify.Arguments.Add(folder);
            verify.SetAction((result, cancellationToken) => Task.FromResult(Verify(result.GetValue(folder)!, result.InvocationConfiguration.Output, result.InvocationConfiguration.Error, cancellationToken)));

            var command = new Command("audit", "Work with DeepSynth.Compliance audit logs.");
            command.Subcommands.Add(verify);
            return command;
        }

        public static int Verify(DirectoryInfo folder, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
        {
            AuditVerificationResult result;
            try
            {
                result = AuditLogVerifier.Verify(folder.FullName, cancellationToken);
            }
            catch (IOException ex)
            {
                stderr.WriteLine($"deepsynth audit verify: {ex.Message}");
                return 2;
            }

            foreach (var note in result.Notes)
            {
                stdout.WriteLine($"note: {note}");
            }

            if (!result.IsIntact)
            {
                stdout.WriteLine($"BROKEN at {result.FirstBreak}");
                stdout.WriteLine($"{result.RecordCount} records before it verified.");
                return 1;
            }

            stdout.WriteLine($"intact: {result.RecordCount} records in {result.Files.Count} files");
            foreach (var head in result.Heads.OrderBy(h => h.Key, System.StringComparer.Ordinal))
            {
                stdout.WriteLine($"head {head.Key}: {head.Value}");
            }

            return 0;
        }
    }
}
