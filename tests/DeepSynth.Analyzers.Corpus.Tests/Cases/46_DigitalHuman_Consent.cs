using DeepSynth.Compliance;
using DeepSynth.Compliance.Consent;
using Microsoft.AspNetCore.Mvc;

namespace Studio.DigitalHumans;

/// <summary>The vendor SDK wrapper the team annotated: a face driven by a pose video, and a voice cloned from a sample.</summary>
public interface IAvatarEngine
{
    [BiometricEditor]
    Task<byte[]> AnimatePortraitAsync(byte[] portrait, byte[] poseVideo, CancellationToken ct);

    [BiometricEditor(Kind = BiometricKind.Voice)]
    Task<byte[]> CloneVoiceAsync(byte[] sample, string script, CancellationToken ct);
}

public sealed record AvatarJob(string PersonId, string PortraitBase64, string PoseBase64, string SampleBase64, string Script);

/// <summary>Renders a talking avatar: face and voice of a real person.</summary>
public sealed class AvatarRenderer(IAvatarEngine engine, IBiometricConsentVerifier consent)
{
    public async Task<(byte[] Video, byte[] Audio)> RenderAsync(AvatarJob job, CancellationToken ct)
    {
        await consent.EnsureConsentAsync(job.PersonId, BiometricKind.Face, "digital-human", ct);
        await consent.EnsureConsentAsync(job.PersonId, BiometricKind.Voice, "digital-human", ct);
        var video = await engine.AnimatePortraitAsync(Convert.FromBase64String(job.PortraitBase64), Convert.FromBase64String(job.PoseBase64), ct);
        var audio = await engine.CloneVoiceAsync(Convert.FromBase64String(job.SampleBase64), job.Script, ct);
        return (video, audio);
    }

    /// <summary>The preview path skipped the voice check when it was split out of RenderAsync.</summary>
    public async Task<byte[]> PreviewVoiceAsync(AvatarJob job, CancellationToken ct)
    {
        await consent.EnsureConsentAsync(job.PersonId, BiometricKind.Face, "digital-human", ct);
        return await engine.CloneVoiceAsync(Convert.FromBase64String(job.SampleBase64), job.Script, ct);
    }

    public Task<byte[]> AnimateAsync(AvatarJob job, CancellationToken ct) =>
        engine.AnimatePortraitAsync(Convert.FromBase64String(job.PortraitBase64), Convert.FromBase64String(job.PoseBase64), ct);
}

[ApiController]
[Route("api/avatars")]
[RequireRealName]
public sealed class AvatarsController(AvatarRenderer renderer, IBiometricConsentVerifier consent) : ControllerBase
{
    [HttpPost("render")]
    public async Task<IActionResult> Render(AvatarJob job, CancellationToken ct)
    {
        var (video, _) = await renderer.RenderAsync(job, ct);
        return File(video, "video/mp4");
    }

    [HttpPost("preview-voice")]
    public async Task<IActionResult> PreviewVoice(AvatarJob job, CancellationToken ct)
    {
        var audio = await renderer.PreviewVoiceAsync(job, ct); // expect: DSYN006
        return File(audio, "audio/wav");
    }

    [HttpPost("animate")]
    public async Task<IActionResult> Animate(AvatarJob job, CancellationToken ct)
    {
        if (!await consent.HasConsentAsync(job.PersonId, BiometricKind.Face, "digital-human", ct))
        {
            return StatusCode(StatusCodes.Status403Forbidden, "该人员尚未同意人脸编辑");
        }

        return File(await renderer.AnimateAsync(job, ct), "video/mp4");
    }

    [HttpPost("animate-quick")]
    public async Task<IActionResult> AnimateQuick(AvatarJob job, CancellationToken ct)
    {
        var consented = await consent.HasConsentAsync(job.PersonId, BiometricKind.Face, "digital-human", ct); // expect: DSYN008
        return File(await renderer.AnimateAsync(job, ct), "video/mp4");
    }

    [HttpPost("animate-unchecked")]
    public async Task<IActionResult> AnimateUnchecked(AvatarJob job, CancellationToken ct) =>
        File(await renderer.AnimateAsync(job, ct), "video/mp4"); // expect: DSYN006
}
