using DeepSynth.Compliance.Audit;

namespace DeepSynth.Compliance.Tests.Audit;

/// <summary>Inclusion and consistency proofs from a real log, checked from their JSON with nothing but the public key.</summary>
public class AuditProofTests : CheckpointedLogTestBase
{
    [Fact]
    public async Task Every_record_has_an_inclusion_proof_against_the_latest_checkpoint()
    {
        await AppendAsync(13);
        var latest = AuditCheckpointFile.Find(CheckpointFile, null);
        Assert.Equal(13, latest.Size);

        for (var seq = 1; seq <= 13; seq++)
        {
            var json = AuditProofs.ProveInclusion(Folder.Path, seq, latest).ToJson();
            var check = AuditInclusionProof.Parse(json).Verify(AuditPublicKey.Parse(Signer.PublicKey.ToString()));
            Assert.True(check.IsValid, $"record {seq}: {check}");
        }
    }

    [Fact]
    public async Task An_inclusion_proof_fails_for_a_changed_record_another_key_or_a_changed_path()
    {
        await AppendAsync(6);
        var proof = AuditProofs.ProveInclusion(Folder.Path, 3, AuditCheckpointFile.Find(CheckpointFile, 6)).ToJson();

        var changedRecord = proof.Replace("\\\"model\\\":\\\"m\\\"", "\\\"model\\\":\\\"n\\\"", StringComparison.Ordinal);
        Assert.NotEqual(proof, changedRecord);
        Assert.Contains("damaged", AuditInclusionProof.Parse(changedRecord).Verify(Signer.PublicKey).Problem);
        Assert.Contains("trusted key", AuditInclusionProof.Parse(proof).Verify(AuditCheckpointSigner.Generate().PublicKey).Problem);

        var parsed = AuditInclusionProof.Parse(proof);
        var firstNode = System.Text.Json.JsonDocument.Parse(proof).RootElement.GetProperty("path")[0].GetString()!;
        var changedPath = proof.Replace(firstNode, new string('0', 64), StringComparison.Ordinal);
        Assert.Contains("not in that log", AuditInclusionProof.Parse(changedPath).Verify(Signer.PublicKey).Problem);
        Assert.True(parsed.Verify(Signer.PublicKey).IsValid);
    }

    [Fact]
    public async Task Every_pair_of_checkpoints_has_a_consistency_proof()
    {
        await AppendAsync(9);
        var checkpoints = AuditCheckpointFile.Read(CheckpointFile);
        foreach (var older in checkpoints)
        {
            foreach (var newer in checkpoints.Where(c => c.Size >= older.Size))
            {
                var json = AuditProofs.ProveConsistency(Folder.Path, older, newer).ToJson();
                var check = AuditConsistencyProof.Parse(json).Verify(Signer.PublicKey);
                Assert.True(check.IsValid, $"{older.Size} to {newer.Size}: {check}");
            }
        }
    }

    [Fact]
    public async Task No_proof_is_built_for_a_log_that_no_longer_matches_its_checkpoint()
    {
        await AppendAsync(5);
        var checkpoint = AuditCheckpointFile.Find(CheckpointFile, 5);
        Log.Dispose();
        EditLines(lines => lines.RemoveRange(3, 2));

        var error = Assert.Throws<InvalidOperationException>(() => AuditProofs.ProveInclusion(Folder.Path, 1, checkpoint));
        Assert.Contains("cut off the end", error.Message);
    }

    [Fact]
    public async Task A_consistency_path_is_valid_only_for_the_checkpoints_it_was_built_for()
    {
        await AppendAsync(3);
        var older = AuditCheckpointFile.Find(CheckpointFile, 3);
        await AppendAsync(3);
        var newer = AuditCheckpointFile.Find(CheckpointFile, 6);
        var fromTwo = AuditProofs.ProveConsistency(Folder.Path, AuditCheckpointFile.Find(CheckpointFile, 2), newer);
        Assert.True(fromTwo.Verify(Signer.PublicKey).IsValid);

        // The path from 2 records, presented as proof for the checkpoint of 3: rejected.
        Assert.False(new AuditConsistencyProof(older, newer, fromTwo.Path).Verify(Signer.PublicKey).IsValid);
        Assert.False(new AuditConsistencyProof(newer, older, fromTwo.Path).Verify(Signer.PublicKey).IsValid);
    }
}
