using Verifier = DeepSynth.TestSupport.AnalyzerVerifier<DeepSynth.Analyzers.ContentFlowAnalyzer>;

namespace DeepSynth.Analyzers.Tests.Flow;

/// <summary>DSYN006: separate consent of the person edited before a face or voice edit (DSP 14 ¶2), against the real SDK.</summary>
public class ConsentTests
{
    private const string Editors = """
        using DeepSynth.Compliance.Consent;

        public interface IFaceSwap
        {
            [BiometricEditor] Task<byte[]> SwapAsync(byte[] photo, byte[] template, CancellationToken ct = default);
        }

        public interface IVoiceStudio
        {
            [BiometricEditor(Kind = BiometricKind.Voice)] Task<byte[]> ConvertAsync(byte[] recording, CancellationToken ct = default);
            [BiometricEditor] byte[] CloneVoice(byte[] sample, string script);
        }

        """;

    private static Task Verify(string code) => Verifier.VerifyAsync(Editors + code);

    [Fact]
    public async Task Face_edit_without_consent_is_reported_at_the_edit()
    {
        await Verify("""
            [RequireRealName]
            public class FaceController(IFaceSwap swap, IBiometricConsentVerifier consent) : ControllerBase
            {
                public async Task<IActionResult> Swap(string subjectId, byte[] photo, byte[] template, CancellationToken ct)
                {
                    var result = await {|DSYN006:swap.SwapAsync(photo, template, ct)|};
                    return File(result, "image/png");
                }

                public async Task<IActionResult> Consented(string subjectId, byte[] photo, byte[] template, CancellationToken ct)
                {
                    await consent.EnsureConsentAsync(subjectId, BiometricKind.Face, "avatar", ct);
                    var result = await swap.SwapAsync(photo, template, ct);
                    return File(result, "image/png");
                }
            }
            """);
    }

    [Fact]
    public async Task Consent_of_another_kind_or_after_the_edit_does_not_count()
    {
        await Verify("""
            [RequireRealName]
            public class StudioController(IFaceSwap swap, IVoiceStudio voices, IBiometricConsentVerifier consent) : ControllerBase
            {
                public async Task<IActionResult> WrongKind(string subjectId, byte[] photo, CancellationToken ct)
                {
                    await consent.EnsureConsentAsync(subjectId, BiometricKind.Voice, "avatar", ct);
                    return File(await {|DSYN006:swap.SwapAsync(photo, photo, ct)|}, "image/png");
                }

                public async Task<IActionResult> FaceConsentForVoice(string subjectId, byte[] recording, CancellationToken ct)
                {
                    await consent.EnsureConsentAsync(subjectId, BiometricKind.Face, "dubbing", ct);
                    return File(await {|DSYN006:voices.ConvertAsync(recording, ct)|}, "audio/wav");
                }

                public async Task<IActionResult> Late(string subjectId, byte[] photo, CancellationToken ct)
                {
                    var result = await {|DSYN006:swap.SwapAsync(photo, photo, ct)|};
                    await consent.EnsureConsentAsync(subjectId, BiometricKind.Face, "avatar", ct);
                    return File(result, "image/png");
                }

                public async Task<IActionResult> OneBranch(string subjectId, byte[] photo, bool known, CancellationToken ct)
                {
                    if (known)
                    {
                        await consent.EnsureConsentAsync(subjectId, BiometricKind.Face, "avatar", ct);
                    }

                    return File(await {|DSYN006:swap.SwapAsync(photo, photo, ct)|}, "image/png");
                }

                public async Task<IActionResult> VoiceByName(string subjectId, byte[] sample, CancellationToken ct)
                {
                    await consent.EnsureConsentAsync(subjectId, BiometricKind.Voice, "dubbing", ct);
                    return File(voices.CloneVoice(sample, "你好"), "audio/wav");
                }
            }
            """);
    }

    [Fact]
    public async Task A_bool_check_counts_where_it_was_true_and_a_variable_kind_counts_for_both()
    {
        await Verify("""
            [RequireRealName]
            public class StudioController(IFaceSwap swap, IBiometricConsentVerifier consent) : ControllerBase
            {
                public async Task<IActionResult> Checked(string subjectId, byte[] photo, CancellationToken ct)
                {
                    if (!await consent.HasConsentAsync(subjectId, BiometricKind.Face, "avatar", ct))
                    {
                        return Forbid();
                    }

                    return File(await swap.SwapAsync(photo, photo, ct), "image/png");
                }

                public async Task<IActionResult> Inverted(string subjectId, byte[] photo, CancellationToken ct)
                {
                    if (await consent.HasConsentAsync(subjectId, BiometricKind.Face, "avatar", ct))
                    {
                        return Ok();
                    }

                    return File(await {|DSYN006:swap.SwapAsync(photo, photo, ct)|}, "image/png");
                }

                public async Task<IActionResult> AnyKind(string subjectId, BiometricKind kind, byte[] photo, CancellationToken ct)
                {
                    await consent.EnsureConsentAsync(subjectId, kind, "avatar", ct);
                    return File(await swap.SwapAsync(photo, photo, ct), "image/png");
                }
            }
            """);
    }

    [Fact]
    public async Task A_helper_that_edits_leaves_consent_to_its_callers()
    {
        await Verify("""
            public class AvatarService(IFaceSwap swap, IBiometricConsentVerifier consent)
            {
                public Task<byte[]> MakeAsync(byte[] photo) => swap.SwapAsync(photo, photo);

                public async Task<byte[]> MakeConsentedAsync(string subjectId, byte[] photo)
                {
                    await consent.EnsureConsentAsync(subjectId, BiometricKind.Face, "avatar");
                    return await swap.SwapAsync(photo, photo);
                }
            }

            [RequireRealName]
            public class AvatarController(AvatarService avatars, IBiometricConsentVerifier consent) : ControllerBase
            {
                public async Task<IActionResult> Unchecked(byte[] photo) => File(await {|DSYN006:avatars.MakeAsync(photo)|}, "image/png");

                public async Task<IActionResult> CheckedHere(string subjectId, byte[] photo)
                {
                    await consent.EnsureConsentAsync(subjectId, BiometricKind.Face, "avatar");
                    return File(await avatars.MakeAsync(photo), "image/png");
                }

                public async Task<IActionResult> CheckedInside(string subjectId, byte[] photo) => File(await avatars.MakeConsentedAsync(subjectId, photo), "image/png");
            }
            """);
    }

    [Fact]
    public async Task Minimal_api_handlers_and_configured_editors()
    {
        var test = Verifier.Create(new[]
        {
            Editors + """
            public class Portraits
            {
                public byte[] Restyle(byte[] face) => face;
                public void RequireConsent(string subjectId) { }
            }

            public static class Routes
            {
                public static void Map(WebApplication app)
                {
                    app.MapPost("/restyle", (Portraits portraits, byte[] face) => Results.File({|DSYN006:portraits.Restyle(face)|}, "image/png")).RequireRealName();
                    app.MapPost("/restyle-consented", (Portraits portraits, string subjectId, byte[] face) =>
                    {
                        portraits.RequireConsent(subjectId);
                        return Results.File(portraits.Restyle(face), "image/png");
                    }).RequireRealName();
                }
            }
            """,
        });
        test.SkipConcurrentCopies("deepsynth.json names the members by their full names, which the copies' namespaces change");
        test.TestState.AdditionalFiles.Add(("/0/deepsynth.json", """
            { "catalogue": { "biometricEditors": [ "Portraits.Restyle" ], "consentVerifiers": [ "Portraits.RequireConsent" ] } }
            """));
        await test.RunAsync();
    }

    [Fact]
    public async Task Text_to_speech_and_code_without_editors_are_not_edits()
    {
        await Verifier.VerifyAsync("""
            using OpenAI.Audio;

            [RequireRealName]
            public class SpeechController(AudioClient audio, DeepSynth.Compliance.Metadata.IAigcFileLabeler labeler) : ControllerBase
            {
                public IActionResult Speak()
                {
                    var speech = audio.GenerateSpeech("你好", GeneratedSpeechVoice.Alloy);
                    return {|DSYN003:{|DSYN005:File(labeler.Label(speech.Value.ToArray()), "audio/mpeg")|}|};
                }
            }
            """);
    }
}
