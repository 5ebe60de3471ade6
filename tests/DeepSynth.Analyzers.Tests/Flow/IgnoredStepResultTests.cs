using Verifier = DeepSynth.TestSupport.AnalyzerVerifier<DeepSynth.Analyzers.ContentFlowAnalyzer>;

namespace DeepSynth.Analyzers.Tests.Flow;

/// <summary>DSYN008: results of compliance steps that return their outcome must be acted on; against the SDK and OpenAI moderation.</summary>
public class IgnoredStepResultTests
{
    private const string Usings = """
        using System.Security.Claims;
        using DeepSynth.Compliance.Audit;
        using DeepSynth.Compliance.Consent;
        using DeepSynth.Compliance.Labeling;
        using DeepSynth.Compliance.RealName;
        using DeepSynth.Compliance.Review;
        using Microsoft.Extensions.Logging;
        using OpenAI.Moderations;

        public record Ask(string Question);

        """;

    private static Task Verify(string code) => Verifier.VerifyAsync(Usings + code);

    /// <summary>A controller with every other duty done, so each action shows only what it does with one result.</summary>
    private static string Controller(string actions) => """
        [RequireRealName]
        public class AnswersController(IChatClient chat, IContentReviewer reviewer, IAigcTextLabeler labeler, ISynthesisAuditLog audit,
            ModerationClient moderation, ILogger<AnswersController> logger) : ControllerBase
        {
            private async Task<string> GenerateAsync(Ask ask, CancellationToken ct)
            {
                var question = await reviewer.EnsureAllowedAsync(ask.Question, ReviewStage.Input, ct);
                var response = await chat.GetResponseAsync(question, cancellationToken: ct);
                return response.Text;
            }

        """ + actions + """
        }
        """;

    [Fact]
    public async Task Discarded_labeled_copy_is_reported_once_at_the_labeler()
    {
        await Verify(Controller("""
                public async Task<IActionResult> Discarded(Ask ask, CancellationToken ct)
                {
                    var text = await reviewer.EnsureAllowedAsync(await GenerateAsync(ask, ct), ReviewStage.Output, ct);
                    await audit.RecordAsync(text, new GenerationRecord(), ct);
                    {|DSYN008:labeler.Label(text)|};
                    return Ok(text);
                }

                public async Task<IActionResult> NeverRead(Ask ask, CancellationToken ct)
                {
                    var text = await reviewer.EnsureAllowedAsync(await GenerateAsync(ask, ct), ReviewStage.Output, ct);
                    await audit.RecordAsync(text, new GenerationRecord(), ct);
                    var labeled = {|DSYN008:labeler.Label(text)|};
                    return Ok(text);
                }

                public async Task<IActionResult> Used(Ask ask, CancellationToken ct)
                {
                    var text = await reviewer.EnsureAllowedAsync(await GenerateAsync(ask, ct), ReviewStage.Output, ct);
                    await audit.RecordAsync(text, new GenerationRecord(), ct);
                    text = labeler.Label(text);
                    return Ok(text);
                }

                public async Task<IActionResult> OnlyLogged(Ask ask, CancellationToken ct)
                {
                    var text = await reviewer.EnsureAllowedAsync(await GenerateAsync(ask, ct), ReviewStage.Output, ct);
                    await audit.RecordAsync(text, new GenerationRecord(), ct);
                    var labeled = {|DSYN008:labeler.Label(text)|};
                    logger.LogInformation("{Length}", labeled.Length);
                    return Ok(text);
                }

                public async Task<IActionResult> LabeledCopyTestedButOriginalSent(Ask ask, CancellationToken ct)
                {
                    var text = await reviewer.EnsureAllowedAsync(await GenerateAsync(ask, ct), ReviewStage.Output, ct);
                    await audit.RecordAsync(text, new GenerationRecord(), ct);
                    var labeled = labeler.Label(text);
                    if (labeled.Length > 4000)
                    {
                        return BadRequest();
                    }

                    return {|DSYN001:Ok(text)|};
                }
            """));
    }

    [Fact]
    public async Task Review_verdicts_must_be_acted_on()
    {
        await Verify(Controller("""
                public async Task<IActionResult> Ignored(Ask ask, CancellationToken ct)
                {
                    var text = await GenerateAsync(ask, ct);
                    var verdict = await {|DSYN008:reviewer.ReviewAsync(text, ReviewStage.Output, ct)|};
                    await audit.RecordAsync(text, new GenerationRecord(), ct);
                    return Ok(labeler.Label(text));
                }

                public async Task<IActionResult> Logged(Ask ask, CancellationToken ct)
                {
                    var text = await GenerateAsync(ask, ct);
                    var verdict = await {|DSYN008:reviewer.ReviewAsync(text, ReviewStage.Output, ct)|};
                    logger.LogInformation($"review: {verdict.Decision}");
                    await audit.RecordAsync(text, new GenerationRecord(), ct);
                    return Ok(labeler.Label(text));
                }

                public async Task<IActionResult> Dropped(Ask ask, CancellationToken ct)
                {
                    var text = await GenerateAsync(ask, ct);
                    _ = await {|DSYN008:reviewer.ReviewAsync(text, ReviewStage.Output, ct)|};
                    await audit.RecordAsync(text, new GenerationRecord(), ct);
                    return Ok(labeler.Label(text));
                }

                public async Task<IActionResult> ActedOn(Ask ask, CancellationToken ct)
                {
                    var text = await GenerateAsync(ask, ct);
                    var verdict = await reviewer.ReviewAsync(text, ReviewStage.Output, ct);
                    if (!verdict.IsAllowed)
                    {
                        return UnprocessableEntity();
                    }

                    await audit.RecordAsync(text, new GenerationRecord(), ct);
                    return Ok(labeler.Label(text));
                }

                public async Task<IActionResult> Pattern(Ask ask, CancellationToken ct)
                {
                    var text = await GenerateAsync(ask, ct);
                    if (await reviewer.ReviewAsync(text, ReviewStage.Output, ct) is { IsAllowed: false } blocked)
                    {
                        await audit.RecordReviewAsync(text, blocked, cancellationToken: ct);
                        return UnprocessableEntity();
                    }

                    await audit.RecordAsync(text, new GenerationRecord(), ct);
                    return Ok(labeler.Label(text));
                }

                public async Task<IActionResult> Throwing(Ask ask, CancellationToken ct)
                {
                    var text = await GenerateAsync(ask, ct);
                    await reviewer.EnsureAllowedAsync(text, ReviewStage.Output, ct);
                    await audit.RecordAsync(text, new GenerationRecord(), ct);
                    return Ok(labeler.Label(text));
                }
            """));
    }

    [Fact]
    public async Task OpenAI_moderation_Flagged_must_be_acted_on()
    {
        await Verify(Controller("""
                public async Task<IActionResult> Ignored(Ask ask, CancellationToken ct)
                {
                    var text = await GenerateAsync(ask, ct);
                    ModerationResult moderated = await {|DSYN008:moderation.ClassifyTextAsync(text, ct)|};
                    await audit.RecordAsync(text, new GenerationRecord(), ct);
                    return Ok(labeler.Label(text));
                }

                public async Task<IActionResult> Checked(Ask ask, CancellationToken ct)
                {
                    var text = await GenerateAsync(ask, ct);
                    var moderated = await moderation.ClassifyTextAsync(text, ct);
                    if (moderated.Value.Flagged)
                    {
                        return BadRequest();
                    }

                    await audit.RecordAsync(text, new GenerationRecord(), ct);
                    return Ok(labeler.Label(text));
                }

                public async Task<IActionResult> Synchronous(Ask ask, CancellationToken ct)
                {
                    var text = await GenerateAsync(ask, ct);
                    if (moderation.ClassifyText(text).Value.Flagged)
                    {
                        return BadRequest();
                    }

                    await audit.RecordAsync(text, new GenerationRecord(), ct);
                    return Ok(labeler.Label(text));
                }

                public async Task<IActionResult> NotModerated(Ask ask, CancellationToken ct)
                {
                    var text = await GenerateAsync(ask, ct);
                    await audit.RecordAsync(text, new GenerationRecord(), ct);
                    return {|DSYN003:Ok(labeler.Label(text))|};
                }
            """));
    }

    [Fact]
    public async Task Identity_and_consent_checks_must_be_tested()
    {
        await Verify("""
            public interface IFaceSwap { [BiometricEditor] byte[] Swap(byte[] photo); }

            public class OpenController(IChatClient chat, IContentReviewer reviewer, IAigcTextLabeler labeler, ISynthesisAuditLog audit,
                IRealNameGate gate, IFaceSwap swap, IBiometricConsentVerifier consent) : ControllerBase
            {
                public async Task<IActionResult> Dropped(Ask ask, CancellationToken ct)
                {
                    var id = User.FindFirstValue(ClaimTypes.NameIdentifier) ?? "";
                    await {|DSYN008:gate.IsVerifiedAsync(id, ct)|};
                    var question = await reviewer.EnsureAllowedAsync(ask.Question, ReviewStage.Input, ct);
                    var text = await reviewer.EnsureAllowedAsync((await chat.GetResponseAsync(question, cancellationToken: ct)).Text, ReviewStage.Output, ct);
                    await audit.RecordAsync(text, new GenerationRecord(), ct);
                    return Ok(labeler.Label(text));
                }

                public async Task<IActionResult> Tested(Ask ask, CancellationToken ct)
                {
                    var id = User.FindFirstValue(ClaimTypes.NameIdentifier) ?? "";
                    var verified = await gate.IsVerifiedAsync(id, ct);
                    if (!verified)
                    {
                        return Forbid();
                    }

                    var question = await reviewer.EnsureAllowedAsync(ask.Question, ReviewStage.Input, ct);
                    var text = await reviewer.EnsureAllowedAsync((await chat.GetResponseAsync(question, cancellationToken: ct)).Text, ReviewStage.Output, ct);
                    await audit.RecordAsync(text, new GenerationRecord(), ct);
                    return Ok(labeler.Label(text));
                }

                [RequireRealName]
                public async Task<IActionResult> ConsentDropped(string subjectId, byte[] photo, CancellationToken ct)
                {
                    await {|DSYN008:consent.HasConsentAsync(subjectId, BiometricKind.Face, "avatar", ct)|};
                    return File(swap.Swap(photo), "image/png");
                }

                [RequireRealName]
                public async Task<IActionResult> ConsentThrows(string subjectId, byte[] photo, CancellationToken ct)
                {
                    await consent.EnsureConsentAsync(subjectId, BiometricKind.Face, "avatar", ct);
                    return File(swap.Swap(photo), "image/png");
                }
            }
            """);
    }
}
