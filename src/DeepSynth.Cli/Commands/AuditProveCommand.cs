using System;
using System.CommandLine;
using System.IO;
using System.Threading.Tasks;
using DeepSynth.Compliance.Audit;

namespace DeepSynth.Cli
{
    /// <summary>
    /// <c>deepsynth audit prove &lt;log-dir&gt; --record N [--size S]</c> (inclusion) or <c>--from S1 [--to S2]</c>
    /// (consistency): writes a proof that <c>deepsynth audit verify --proof</c> checks with only the public key.
    /// </summary>
    internal static class AuditProveCommand
    {
        public static Command Create()
        {
            var folder = new Argument<DirectoryInfo>("log-dir") { Description = "The audit log folder." };
            var record = new Option<long?>("--record") { Description = "Prove that this record (its seq) is in the log." };
            var size = new Option<long?>("--size") { Description = "Against the checkpoint of this many records (default: the latest)." };
            var from = new Option<long?>("--from") { Description = "Prove the checkpoint of this many records is a prefix of a later one." };
            var to = new Option<long?>("--to") { Description = "The later checkpoint's size (default: the latest)." };
            var checkpoints = new Option<FileInfo?>("--checkpoints") { Description = "The checkpoint file to take checkpoints from (default: the folder's audit.checkpoints.jsonl)." };
            var output = new Option<FileInfo?>("--output", "-o") { Description = "Where to write the proof (default: standard output)." };
            var command = new Command("prove", "Write an inclusion proof for one record, or a consistency proof between two checkpoints. 生成包含性或一致性证明。");
            command.Arguments.Add(folder);
            foreach (var option in new Option[] { record, size, from, to, checkpoints, output })
            {
                command.Options.Add(option);
            }

            command.SetAction((result, cancellationToken) => Task.FromResult(Prove(
                result.GetValue(folder)!, result.GetValue(record), result.GetValue(size), result.GetValue(from), result.GetValue(to),
                result.GetValue(checkpoints), result.GetValue(output), result.InvocationConfiguration.Output, result.InvocationConfiguration.Error)));
            return command;
        }

        public static int Prove(DirectoryInfo folder, long? record, long? size, long? from, long? to, FileInfo? checkpointFile, FileInfo? output, TextWriter stdout, TextWriter stderr)
        {
            if ((record is null) == (from is null))
            {
                stderr.WriteLine("deepsynth audit prove: give --record N (inclusion) or --from S (consistency). 请指定 --record 或 --from。");
                return 2;
            }

            try
            {
                var file = checkpointFile?.FullName ?? AuditCheckpointFile.PathIn(folder.FullName);
                var json = record is { } seq
                    ? AuditProofs.ProveInclusion(folder.FullName, seq, AuditCheckpointFile.Find(file, size)).ToJson()
                    : AuditProofs.ProveConsistency(folder.FullName, AuditCheckpointFile.Find(file, from), AuditCheckpointFile.Find(file, to)).ToJson();
                if (output is null)
                {
                    stdout.WriteLine(json);
                }
                else
                {
                    File.WriteAllText(output.FullName, json + "\n");
                    stdout.WriteLine($"{output.FullName}: proof written");
                }

                return 0;
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or InvalidOperationException)
            {
                stderr.WriteLine($"deepsynth audit prove: {ex.Message}");
                return 2;
            }
        }

        /// <summary><c>deepsynth audit verify --proof FILE --public-key KEY</c>: 0 valid, 1 invalid, 2 unreadable.</summary>
        public static int VerifyProof(FileInfo proofFile, string? publicKey, TextWriter stdout, TextWriter stderr)
        {
            if (publicKey is null)
            {
                stderr.WriteLine("deepsynth audit verify: a proof is checked against the published key; give --public-key. 请提供公钥。");
                return 2;
            }

            try
            {
                var key = AuditCommand.ReadKey(publicKey);
                var json = File.ReadAllText(proofFile.FullName);
                AuditProofCheck check;
                string what;
                if (json.Contains(AuditInclusionProof.Format))
                {
                    var proof = AuditInclusionProof.Parse(json);
                    check = proof.Verify(key);
                    what = $"record {proof.Sequence} is in the log of {proof.Checkpoint.Size} records signed at {proof.Checkpoint.Timestamp:u}";
                }
                else
                {
                    var proof = AuditConsistencyProof.Parse(json);
                    check = proof.Verify(key);
                    what = $"the log of {proof.Newer.Size} records extends the log of {proof.Older.Size} records unchanged";
                }

                stdout.WriteLine(check.IsValid ? $"valid: {what}" : $"INVALID: {check.Problem}");
                return check.IsValid ? 0 : 1;
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or FormatException)
            {
                stderr.WriteLine($"deepsynth audit verify: {ex.Message}");
                return 2;
            }
        }
    }
}
