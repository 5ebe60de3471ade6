using System.CommandLine;
using System.Text.Json;
using DeepSynth.Compliance.Audit;
using SkiaSharp;

namespace DeepSynth.Cli.Tests;

/// <summary>The SDK verbs: label, inspect, audit verify/prove/export/keygen, run through the real command line parser.</summary>
public sealed class ComplianceCommandsTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "deepsynth-cli-tests", Guid.NewGuid().ToString("N"));

    public ComplianceCommandsTests() => Directory.CreateDirectory(_folder);

    [Fact]
    public void Label_then_inspect_shows_the_producer_and_exits_0()
    {
        File.WriteAllBytes(PathOf("in.png"), Png());

        var label = Run("label", PathOf("in.png"), "-o", PathOf("out.png"), "--producer", "ACME-001", "--visible");
        Assert.Equal(0, label.Exit);
        Assert.Contains("with explicit label", label.Output);

        var inspect = Run("inspect", PathOf("out.png"));
        Assert.Equal(0, inspect.Exit);
        using var report = JsonDocument.Parse(inspect.Output);
        Assert.Equal("ACME-001", report.RootElement.GetProperty("metadata").GetProperty("AIGC").GetProperty("ContentProducer").GetString());
        Assert.True(report.RootElement.GetProperty("conformant").GetBoolean());
    }

    [Fact]
    public void Inspect_exits_1_without_a_label_and_2_for_a_broken_file()
    {
        File.WriteAllBytes(PathOf("plain.png"), Png());
        File.WriteAllBytes(PathOf("broken.png"), Png()[..50]);

        Assert.Equal(1, Run("inspect", PathOf("plain.png")).Exit);
        var broken = Run("inspect", PathOf("broken.png"));
        Assert.Equal(2, broken.Exit);
        Assert.Contains("Truncated PNG", broken.Error);
    }

    [Fact]
    public void Label_reports_what_it_cannot_do()
    {
        File.WriteAllBytes(PathOf("a.mp3"), Mp3());
        var visibleMp3 = Run("label", PathOf("a.mp3"), "-o", PathOf("b.mp3"), "--producer", "ACME", "--visible");
        Assert.Equal(2, visibleMp3.Exit);
        Assert.Contains("re-encoding", visibleMp3.Error);

        var badCode = Run("label", PathOf("a.mp3"), "-o", PathOf("b.mp3"), "--producer", "阿克米");
        Assert.Equal(2, badCode.Exit);
        Assert.Contains("printable ASCII", badCode.Error);
        // Worded for the user: no internal parameter name.
        Assert.DoesNotContain("(Parameter", badCode.Error);
        Assert.StartsWith("deepsynth label: a.mp3: ", badCode.Error);

        Assert.Equal(0, Run("label", PathOf("a.mp3"), "-o", PathOf("b.mp3"), "--producer", "ACME").Exit);
        Assert.Equal(0, Run("inspect", PathOf("b.mp3")).Exit);
    }

    [Fact]
    public async Task Audit_verify_exits_0_for_an_intact_log_and_1_with_the_first_broken_record()
    {
        var logFolder = PathOf("audit");
        using (var log = new SynthesisAuditLog(new AuditLogOptions { Directory = logFolder, PseudonymKey = Convert.ToBase64String(new byte[32]) }))
        {
            for (var i = 0; i < 3; i++)
            {
                await log.RecordAsync("text " + i, new GenerationRecord { UserId = "u" });
            }
        }

        var intact = Run("audit", "verify", logFolder);
        Assert.Equal(0, intact.Exit);
        Assert.Contains("intact: 3 records", intact.Output);

        var file = Directory.GetFiles(logFolder, "*.jsonl").Single();
        var lines = File.ReadAllLines(file);
        File.WriteAllText(file, string.Join("\n", lines[0], lines[2]) + "\n");
        var broken = Run("audit", "verify", logFolder);
        Assert.Equal(1, broken.Exit);
        Assert.Contains(":2 (seq 3)", broken.Output);

        Assert.Equal(2, Run("audit", "verify", PathOf("missing")).Exit);
    }

    [Fact]
    public async Task Audit_prove_then_verify_proof_needs_only_the_public_key_and_verify_finds_a_cut_off_end()
    {
        var logFolder = PathOf("signed");
        var keygen = Run("audit", "keygen", "--algorithm", "sm2");
        Assert.Equal(0, keygen.Exit);
        var privateKey = keygen.Output.Split('\n')[0]["private: ".Length..].Trim();
        var publicKey = keygen.Output.Split('\n')[1]["public: ".Length..].Trim();
        File.WriteAllText(PathOf("key.pub"), publicKey);
        var options = new AuditLogOptions { Directory = logFolder, PseudonymKey = Convert.ToBase64String(new byte[32]), CheckpointPrivateKey = privateKey, CheckpointInterval = TimeSpan.Zero, CheckpointCopyDirectory = PathOf("offhost") };
        using (var log = new SynthesisAuditLog(options))
        {
            for (var i = 0; i < 5; i++)
            {
                await log.RecordAsync("text " + i, new GenerationRecord { UserId = i % 2 == 0 ? "even" : "odd" });
            }
        }

        Assert.Equal(0, Run("audit", "prove", logFolder, "--record", "3", "-o", PathOf("inclusion.json")).Exit);
        Assert.Equal(0, Run("audit", "prove", logFolder, "--from", "2", "--to", "5", "-o", PathOf("consistency.json")).Exit);
        Directory.Delete(logFolder, recursive: true); // the proofs stand alone
        var inclusion = Run("audit", "verify", "--proof", PathOf("inclusion.json"), "--public-key", PathOf("key.pub"));
        Assert.Equal(0, inclusion.Exit);
        Assert.Contains("valid: record 3 is in the log of 5 records", inclusion.Output);
        Assert.Equal(0, Run("audit", "verify", "--proof", PathOf("consistency.json"), "--public-key", publicKey).Exit);
        Assert.Equal(1, Run("audit", "verify", "--proof", PathOf("inclusion.json"), "--public-key", Run("audit", "keygen").Output.Split('\n')[1]["public: ".Length..].Trim()).Exit);
        Assert.Equal(2, Run("audit", "prove", PathOf("offhost"), "--record", "1").Exit);
    }

    [Fact]
    public async Task Audit_verify_with_the_off_host_checkpoints_reports_truncation_and_export_writes_json_lines()
    {
        var logFolder = PathOf("cut");
        var signer = AuditCheckpointSigner.Generate();
        var options = new AuditLogOptions { Directory = logFolder, PseudonymKey = Convert.ToBase64String(new byte[32]), CheckpointSigner = signer, CheckpointInterval = TimeSpan.Zero, CheckpointCopyDirectory = PathOf("copy") };
        string subject;
        using (var log = new SynthesisAuditLog(options))
        {
            subject = log.PseudonymOf("bob");
            for (var i = 0; i < 4; i++)
            {
                await log.RecordAsync("text " + i, new GenerationRecord { UserId = i < 3 ? "alice" : "bob" });
            }
        }

        var exported = Run("audit", "export", logFolder, "--subject", subject);
        Assert.Equal(0, exported.Exit);
        Assert.Contains("\"seq\":4", Assert.Single(exported.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries)));

        var file = Directory.GetFiles(logFolder, "audit-*.jsonl").Single();
        File.WriteAllLines(file, File.ReadAllLines(file).Take(2));
        File.Delete(AuditCheckpointFile.PathIn(logFolder));
        var verify = Run("audit", "verify", logFolder, "--public-key", signer.PublicKey.ToString(), "--checkpoints", AuditCheckpointFile.PathIn(PathOf("copy")));
        Assert.Equal(1, verify.Exit);
        Assert.Contains("Truncated", verify.Output);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string PathOf(string name) => Path.Combine(_folder, name);

    private static (int Exit, string Output, string Error) Run(params string[] args)
    {
        var root = new RootCommand();
        root.Subcommands.Add(LabelCommand.Create());
        root.Subcommands.Add(InspectCommand.Create());
        root.Subcommands.Add(AuditCommand.Create());
        var output = new StringWriter();
        var error = new StringWriter();
        var exit = root.Parse(args).Invoke(new InvocationConfiguration { Output = output, Error = error });
        return (exit, output.ToString(), error.ToString());
    }

    private static byte[] Png()
    {
        using var bitmap = new SKBitmap(320, 200);
        bitmap.Erase(new SKColor(30, 60, 90));
        using var data = bitmap.Encode(SKEncodedImageFormat.Png, 100);
        return data.ToArray();
    }

    /// <summary>Silent MPEG-1 Layer III frames (128 kbit/s, 44.1 kHz).</summary>
    private static byte[] Mp3() => Enumerable.Range(0, 20).SelectMany(_ => new byte[] { 0xFF, 0xFB, 0x90, 0x00 }.Concat(new byte[413])).ToArray();
}
