using DeepSynth.Compliance.Audit;

namespace DeepSynth.Compliance.Tests.Audit;

/// <summary>A log that signs a checkpoint after every record and copies each to a second folder (the "other host").</summary>
public abstract class CheckpointedLogTestBase : AuditLogTestBase
{
    internal static readonly AuditCheckpointSigner Signer = AuditCheckpointSigner.Generate();

    /// <summary>The folder checkpoints are copied to, standing in for storage on another host (a subfolder, so it is cleaned up).</summary>
    protected string CopyFolder => Path.Combine(Folder.Path, "offhost");

    protected string CheckpointFile => AuditCheckpointFile.PathIn(Folder.Path);

    protected string CopiedCheckpointFile => AuditCheckpointFile.PathIn(CopyFolder);

    protected override void Configure(AuditLogOptions options)
    {
        options.CheckpointSigner = Signer;
        options.CheckpointInterval = TimeSpan.Zero;
        options.CheckpointCopyDirectory = Path.Combine(options.Directory!, "offhost");
    }

    protected AuditVerificationResult VerifyTrusted(params string[] checkpointFiles)
    {
        var options = new AuditVerificationOptions { TrustedKey = Signer.PublicKey };
        foreach (var file in checkpointFiles)
        {
            options.CheckpointFiles.Add(file);
        }

        return AuditLogVerifier.Verify(Folder.Path, options);
    }

    /// <summary>Rewrites the day's file line by line, as someone with write access to the host would.</summary>
    protected void EditLines(Action<List<string>> change)
    {
        var file = Files().Single();
        var lines = File.ReadAllLines(file).ToList();
        change(lines);
        File.WriteAllText(file, string.Join("\n", lines) + (lines.Count > 0 ? "\n" : string.Empty));
    }
}
