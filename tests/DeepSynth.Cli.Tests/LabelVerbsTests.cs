using System.CommandLine;
using System.Text.Json;
using DeepSynth.Compliance.Metadata;
using SkiaSharp;

namespace DeepSynth.Cli.Tests;

/// <summary><c>deepsynth verify</c> and <c>deepsynth diff</c>, run through the real command line parser on real files.</summary>
public sealed class LabelVerbsTests : IDisposable
{
    private const string Label = """{"Label":"1","ContentProducer":"ACME","ProduceID":"p-1","ReservedCode1":"","ContentPropagator":"ACME","PropagateID":"p-1","ReservedCode2":""}""";
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "deepsynth-cli-tests", Guid.NewGuid().ToString("N"));

    public LabelVerbsTests() => Directory.CreateDirectory(_folder);

    [Fact]
    public void Verify_a_compliant_file_prints_site_fields_and_each_clause_and_exits_0()
    {
        File.WriteAllBytes(PathOf("out.png"), new AigcFileLabeler("ACME").Label(Png()));

        var run = Run("verify", PathOf("out.png"));

        Assert.Equal(0, run.Exit);
        Assert.Contains("Png  compliant / 合规", run.Output);
        Assert.Contains("site: PNG iTXt XML:com.adobe.xmp > XMP TC260:AIGC element (standard, TC260-PG-20259A)", run.Output);
        Assert.Contains("ContentProducer=ACME", run.Output);
        Assert.Contains("pass AIGC-SINGLE  The file carries one label, not several / 文件仅含一个隐式标识  [GB 45438-2025 §6.1 c)]", run.Output);
        Assert.Contains("1 file: 1 compliant", run.Output);
    }

    [Fact]
    public void Verify_a_folder_reports_each_known_file_skips_the_rest_and_exits_1_when_a_label_is_missing()
    {
        var sub = Directory.CreateDirectory(PathOf("batch/sub")).FullName;
        File.WriteAllBytes(PathOf("batch/a.png"), new AigcFileLabeler("ACME").Label(Png()));
        File.WriteAllBytes(Path.Combine(sub, "b.png"), Png());
        File.WriteAllText(PathOf("batch/notes.txt"), "not a carrier");

        var run = Run("verify", PathOf("batch"), "--format", "json");

        Assert.Equal(1, run.Exit);
        using var report = JsonDocument.Parse(run.Output);
        var files = report.RootElement.GetProperty("files").EnumerateArray().ToList();
        Assert.Equal(new[] { "compliant", "not found" }, files.Select(f => f.GetProperty("verdict").GetString()));
        Assert.EndsWith("batch/sub/b.png", files[1].GetProperty("file").GetString());
        Assert.Equal("ACME", files[0].GetProperty("sites")[0].GetProperty("fields").GetProperty("ContentProducer").GetString());
        Assert.Contains("skipped 1 files", run.Error);
    }

    [Fact]
    public void Verify_a_named_file_of_unknown_format_is_inconclusive_and_exits_2()
    {
        File.WriteAllText(PathOf("notes.txt"), "plain text");

        var run = Run("verify", PathOf("notes.txt"));

        Assert.Equal(2, run.Exit);
        Assert.Contains("inconclusive / 无法判定", run.Output);
        Assert.Contains("format not identified", run.Output);
    }

    [Fact]
    public void Verify_sarif_has_one_error_per_failed_check_pointing_at_its_rule_and_clause()
    {
        var other = Label.Replace("p-1", "p-2");
        File.WriteAllText(PathOf("two.md"), $"---\nAIGC: {Label}\naigc_label: {other}\n---\nText\n");

        var run = Run("verify", PathOf("two.md"), "--format", "sarif");

        Assert.Equal(1, run.Exit);
        using var sarif = JsonDocument.Parse(run.Output);
        Assert.Equal("2.1.0", sarif.RootElement.GetProperty("version").GetString());
        var runs = sarif.RootElement.GetProperty("runs")[0];
        var rules = runs.GetProperty("tool").GetProperty("driver").GetProperty("rules").EnumerateArray().ToList();
        var results = runs.GetProperty("results").EnumerateArray().ToList();
        Assert.All(results, r => Assert.Equal(r.GetProperty("ruleId").GetString(), rules[r.GetProperty("ruleIndex").GetInt32()].GetProperty("id").GetString()));
        Assert.All(results, r => Assert.Equal("error", r.GetProperty("level").GetString()));
        Assert.All(rules, r => Assert.False(string.IsNullOrEmpty(r.GetProperty("properties").GetProperty("clause").GetString())));
        Assert.Equal(new[] { "AIGC-SITE", "AIGC-SINGLE", "AIGC-AGREE" }, results.Select(r => r.GetProperty("ruleId").GetString()));
        Assert.All(results, r => Assert.EndsWith("two.md", r.GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("artifactLocation").GetProperty("uri").GetString()));
        Assert.Contains("GB 45438-2025 §6.1 c)", results[1].GetProperty("message").GetProperty("text").GetString());
    }

    [Fact]
    public void Diff_exits_1_when_a_step_lost_or_changed_the_label_and_0_when_a_platform_only_propagated_it()
    {
        var original = new AigcFileLabeler("ACME").Label(Png());
        File.WriteAllBytes(PathOf("labeled.png"), original);
        File.WriteAllBytes(PathOf("stripped.png"), Png());
        var propagated = AigcMetadataCarriers.For(original).Embed(original, new AigcMetadataBuilder("PLAT").Build());
        File.WriteAllBytes(PathOf("propagated.png"), propagated);
        File.WriteAllText(PathOf("a.md"), $"---\nAIGC: {Label}\n---\n");
        File.WriteAllText(PathOf("b.md"), $"---\nAIGC: {Label.Replace("\"ACME\",\"ProduceID\"", "\"EVIL\",\"ProduceID\"")}\n---\n");

        var lost = Run("diff", PathOf("labeled.png"), PathOf("stripped.png"));
        Assert.Equal(1, lost.Exit);
        Assert.StartsWith("lost / 标识丢失", lost.Output);

        var platform = Run("diff", PathOf("labeled.png"), PathOf("propagated.png"));
        Assert.Equal(0, platform.Exit);
        Assert.Contains("ContentPropagator: ACME -> PLAT", platform.Output);

        var changed = Run("diff", PathOf("a.md"), PathOf("b.md"), "--format", "json");
        Assert.Equal(1, changed.Exit);
        using var json = JsonDocument.Parse(changed.Output);
        Assert.Equal("changed", json.RootElement.GetProperty("change").GetString());
        Assert.Equal("ContentProducer", json.RootElement.GetProperty("changedFields")[0].GetString());

        Assert.Equal(2, Run("diff", PathOf("labeled.png"), PathOf("missing.png")).Exit);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string PathOf(string name) => Path.Combine(_folder, name);

    private static (int Exit, string Output, string Error) Run(params string[] args)
    {
        var root = new RootCommand();
        root.Subcommands.Add(VerifyCommand.Create());
        root.Subcommands.Add(DiffCommand.Create());
        var output = new StringWriter();
        var error = new StringWriter();
        var exit = root.Parse(args).Invoke(new InvocationConfiguration { Output = output, Error = error });
        return (exit, output.ToString(), error.ToString());
    }

    private static byte[] Png()
    {
        using var bitmap = new SKBitmap(32, 24);
        bitmap.Erase(new SKColor(30, 60, 90));
        using var data = bitmap.Encode(SKEncodedImageFormat.Png, 100);
        return data.ToArray();
    }
}
