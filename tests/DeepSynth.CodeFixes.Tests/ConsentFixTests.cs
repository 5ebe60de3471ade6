using DeepSynth.Analyzers;
using DeepSynth.CodeFixes.Fixes;
using DeepSynth.TestSupport;
using Microsoft.CodeAnalysis;

namespace DeepSynth.CodeFixes.Tests;

/// <summary>DSYN006: the fix verifies the edited person's consent before the edit, for the kind of the edit; Fix All over a controller and a minimal API.</summary>
public class ConsentFixTests
{
    private const string Editors = """
        using DeepSynth.Compliance;
        using DeepSynth.Compliance.Consent;

        public interface IFaceSwap { [BiometricEditor] Task<byte[]> SwapAsync(byte[] photo, CancellationToken ct = default); }
        public interface IVoiceStudio { [BiometricEditor(Kind = BiometricKind.Voice)] byte[] Convert(byte[] recording); }
        public sealed record SwapForm(string SubjectId, byte[] Photo);
        """;

    private const string Controller = """
        using DeepSynth.Compliance;
        using Microsoft.AspNetCore.Mvc;

        [ApiController, RequireRealName]
        public class StudioController(IFaceSwap swap, IVoiceStudio voices) : ControllerBase
        {
            [HttpPost("face")]
            public async Task<IActionResult> Face(SwapForm form)
            {
                var result = await swap.SwapAsync(form.Photo);
                return File(result, "image/png");
            }

            [HttpPost("voice")]
            public IActionResult Voice(string personId, byte[] recording) => File(voices.Convert(recording), "audio/wav");
        }
        """;

    private const string MinimalApi = """
        using DeepSynth.Compliance;

        public static class Routes
        {
            public static void Map(WebApplication app)
            {
                app.MapPost("/swap", async (IFaceSwap swap, byte[] photo) => Results.File(await swap.SwapAsync(photo), "image/png")).RequireRealName();
            }
        }
        """;

    private static readonly CodeFixRunner Runner = new(new ContentFlowAnalyzer(), new VerifyConsentFixProvider());

    private static Project Project(string code) => CodeFixRunner.CreateProject(new Dictionary<string, string>
    {
        ["Editors.cs"] = Editors,
        ["Code.cs"] = code,
        ["GlobalUsings.g.cs"] = WebSdk.ImplicitUsings,
    });

    [Theory]
    [InlineData(Controller, 2)]
    [InlineData(MinimalApi, 1)]
    public async Task Fix_all_verifies_consent_of_the_right_kind_before_each_edit_and_compiles(string code, int findings)
    {
        var project = Project(code);
        Assert.Equal(findings, (await Runner.AnalyzeAsync(project)).Count(d => d.Id == "DSYN006"));

        project = await Runner.FixAllAsync(project, "DSYN006", "DSYN006.Consent");

        var compilation = await project.GetCompilationAsync();
        Assert.Empty(compilation!.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).Select(d => d.ToString()));
        Assert.DoesNotContain(await Runner.AnalyzeAsync(project), d => d.Id == "DSYN006");
        var text = (await project.Documents.Single(d => d.Name == "Code.cs").GetTextAsync()).ToString();
        Assert.Contains("EnsureConsentAsync(", text, StringComparison.Ordinal);
        if (code == Controller)
        {
            Assert.Contains("await consent.EnsureConsentAsync(form.SubjectId, BiometricKind.Face, \"swap\", HttpContext.RequestAborted);", text, StringComparison.Ordinal);
            Assert.Contains("await consent.EnsureConsentAsync(personId, BiometricKind.Voice, \"convert\", HttpContext.RequestAborted);", text, StringComparison.Ordinal);
            Assert.Contains("IBiometricConsentVerifier consent", text, StringComparison.Ordinal);
        }
        else
        {
            Assert.Contains("String subjectId", text, StringComparison.Ordinal);
            Assert.Contains("BiometricKind.Face", text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task No_fix_is_offered_where_no_person_can_be_named()
    {
        var project = Project("""
            using DeepSynth.Compliance;
            using Microsoft.AspNetCore.Mvc;

            [ApiController, RequireRealName]
            public class StudioController(IFaceSwap swap) : ControllerBase
            {
                [HttpPost("face")]
                public async Task<IActionResult> Face(byte[] photo) => File(await swap.SwapAsync(photo), "image/png");
            }
            """);
        var diagnostic = (await Runner.AnalyzeAsync(project)).Single(d => d.Id == "DSYN006");
        Assert.Empty(await Runner.OfferedAsync(project, diagnostic));
    }

    [Theory]
    [InlineData("SwapFaceAsync", "swap-face")]
    [InlineData("Convert", "convert")]
    public void Purpose_is_named_after_the_edit(string method, string purpose) => Assert.Equal(purpose, VerifyConsentFixProvider.Purpose(method));
}
