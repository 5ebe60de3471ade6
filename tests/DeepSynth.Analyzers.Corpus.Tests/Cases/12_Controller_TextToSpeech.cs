using DeepSynth.Compliance;
using DeepSynth.Compliance.Audio;
using DeepSynth.Compliance.Audit;
using DeepSynth.Compliance.Review;
using Microsoft.AspNetCore.Mvc;
using OpenAI.Audio;

namespace Narrator.Api.Controllers;

public record SpeakRequest(string Text, string Voice = "alloy");

public static class SpeechTools
{
    /// <summary>Runs the synthesized audio through ASR plus keyword screening (our moderation vendor).</summary>
    [ContentReviewer]
    public static Task EnsureSpokenContentAllowedAsync(byte[] wav, CancellationToken ct) => Task.CompletedTask;
}

[ApiController, Route("api/speech"), RequireRealName]
public class SpeechController(AudioClient audio, IContentReviewer reviewer, IAudioLabeler audioLabeler, ISynthesisAuditLog audit) : ControllerBase
{
    private static readonly SpeechGenerationOptions Wav = new() { ResponseFormat = GeneratedSpeechFormat.Wav, SpeedRatio = 1.0f };

    // Input reviewed, audible label added, recorded: but nobody checks what was actually synthesized.
    [HttpPost]
    public async Task<IActionResult> Speak(SpeakRequest request, CancellationToken ct)
    {
        var text = await reviewer.EnsureAllowedAsync(request.Text, ReviewStage.Input, ct);
        BinaryData speech = await audio.GenerateSpeechAsync(text, GeneratedSpeechVoice.Alloy, Wav, ct);
        var labeled = audioLabeler.LabelWav(speech.ToArray(), ct);
        await audit.RecordAsync(labeled, new GenerationRecord { Kind = GeneratedMediaKind.Audio, Model = "gpt-4o-mini-tts" }, ct);
        return File(labeled, "audio/wav"); // expect: DSYN003
    }

    [HttpPost("checked")]
    public async Task<IActionResult> SpeakChecked(SpeakRequest request, CancellationToken ct)
    {
        var text = await reviewer.EnsureAllowedAsync(request.Text, ReviewStage.Input, ct);
        BinaryData speech = await audio.GenerateSpeechAsync(text, GeneratedSpeechVoice.Shimmer, Wav, ct);
        var wav = speech.ToArray();
        await SpeechTools.EnsureSpokenContentAllowedAsync(wav, ct);
        var labeled = audioLabeler.LabelWav(wav, ct);
        await audit.RecordAsync(labeled, new GenerationRecord { Kind = GeneratedMediaKind.Audio }, ct);
        return File(labeled, "audio/wav", "speech.wav");
    }

    // The "fast path" for the mobile app: MP3, straight through.
    [HttpGet("quick")]
    public async Task<IActionResult> Quick([FromQuery] string text)
    {
        var result = await audio.GenerateSpeechAsync(text, GeneratedSpeechVoice.Nova); // expect: DSYN004
        return File(result.Value.ToStream(), "audio/mpeg"); // expect: DSYN001, DSYN003, DSYN005
    }
}
