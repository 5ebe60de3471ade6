using System;
using System.CommandLine;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using DeepSynth.Compliance.Audit;

namespace DeepSynth.Cli
{
    /// <summary>
    /// <c>deepsynth audit verify|prove|export|keygen</c>: checks an audit log folder against its hash chain and signed
    /// checkpoints, checks a proof with only the public key, builds proofs, exports records and makes checkpoint keys.
    /// Exit 0 intact or valid, 1 broken or invalid, 2 error.
    /// </summary>
    internal static class AuditCommand
    {
        public static Command Create()
        {
            var command = new Command("audit", "Work with DeepSynth.Compliance audit logs. 审计日志：校验、证明、导出。");
            command.Subcommands.Add(CreateVerify());
            command.Subcommands.Add(AuditProveCommand.Create());
            command.Subcommands.Add(AuditExportCommand.Create());
            command.Subcommands.Add(AuditExportCommand.CreateKeygen());
            return command;
        }

        /// <summary>The value of --public-key: the key text itself, or a file holding it.</summary>
        public static AuditPublicKey ReadKey(string value) =>
            AuditPublicKey.Parse(File.Exists(value) ? File.ReadAllText(value).Trim() : value);

        private static Command CreateVerify()
        {
            var folder = new Argument<DirectoryInfo?>("log-dir") { Description = "The audit log folder (daily *.jsonl files and audit.checkpoints.jsonl).", Arity = ArgumentArity.ZeroOrOne };
            var key = new Option<string?>("--public-key") { Description = "The published checkpoint key (ecdsa-p256:… or sm2:…), or a file holding it." };
            var checkpoints = new Option<FileInfo[]>("--checkpoints") { Description = "Checkpoint files kept off the host, to compare the log with. Repeatable.", AllowMultipleArgumentsPerToken = true };
            var proof = new Option<FileInfo?>("--proof") { Description = "Check this inclusion or consistency proof instead of a folder (needs --public-key)." };
            var verify = new Command("verify", "Check every record's hash, link and sequence and every checkpoint, or check a proof (exit 0 intact, 1 broken, 2 error). 校验日志或证明。");
            verify.Arguments.Add(folder);
            verify.Options.Add(key);
            verify.Options.Add(checkpoints);
            verify.Options.Add(proof);
            verify.SetAction((result, cancellationToken) =>
            {
                var stdout = result.InvocationConfiguration.Output;
                var stderr = result.InvocationConfiguration.Error;
                if (result.GetValue(proof) is { } proofFile)
                {
                    return Task.FromResult(AuditProveCommand.VerifyProof(proofFile, result.GetValue(key), stdout, stderr));
                }

                if (result.GetValue(folder) is not { } directory)
                {
                    stderr.WriteLine("deepsynth audit verify: give a log folder, or --proof with --public-key. 请指定日志目录或证明文件。");
                    return Task.FromResult(2);
                }

                return Task.FromResult(Verify(directory, result.GetValue(key), result.GetValue(checkpoints) ?? Array.Empty<FileInfo>(), stdout, stderr, cancellationToken));
            });
            return verify;
        }

        public static int Verify(DirectoryInfo folder, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken) =>
            Verify(folder, null, Array.Empty<FileInfo>(), stdout, stderr, cancellationToken);

        public static int Verify(DirectoryInfo folder, string? publicKey, FileInfo[] checkpointFiles, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
        {
            AuditVerificationResult result;
            try
            {
                var options = new AuditVerificationOptions { TrustedKey = publicKey is null ? null : ReadKey(publicKey) };
                foreach (var file in checkpointFiles)
                {
                    options.CheckpointFiles.Add(file.FullName);
                }

                result = AuditLogVerifier.Verify(folder.FullName, options, cancellationToken);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or FormatException)
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
                foreach (var problem in result.Breaks)
                {
                    stdout.WriteLine($"BROKEN at {problem}");
                }

                stdout.WriteLine($"{result.RecordCount} records before the first break verified; {result.CheckpointsMatched} checkpoints matched.");
                return 1;
            }

            stdout.WriteLine($"intact: {result.RecordCount} records in {result.Files.Count} files, {result.CheckpointsMatched} checkpoints matched");
            foreach (var head in result.Heads.OrderBy(h => h.Key, StringComparer.Ordinal))
            {
                stdout.WriteLine($"head {head.Key}: {head.Value}");
            }

            return 0;
        }
    }
}
