using System.Security.Claims;
using DeepSynth.Compliance;
using DeepSynth.Compliance.Consent;
using Microsoft.AspNetCore.Mvc;

namespace HeldOut.FaceStudio;

public interface IFaceSwapEngine
{
    [BiometricEditor]
    Task<byte[]> SwapAsync(byte[] photo, byte[] template, CancellationToken ct);
}

public interface IVoiceCloner
{
    [BiometricEditor]
    Task<byte[]> CloneVoiceAsync(byte[] sample, string script, CancellationToken ct);
}

public sealed record SwapForm(string SubjectId, string PhotoBase64, string TemplateBase64);

[ApiController]
[Route("api/face")]
[RequireRealName]
public sealed class FaceController(IFaceSwapEngine engine, IBiometricConsentVerifier consent) : ControllerBase
{
    // H1: no consent at all.
    [HttpPost("swap")]
    public async Task<IActionResult> Swap(SwapForm form, CancellationToken ct)
    {
        var photo = Convert.FromBase64String(form.PhotoBase64);
        var result = await engine.SwapAsync(photo, Convert.FromBase64String(form.TemplateBase64), ct); // expect: DSYN006
        return File(result, "image/png");
    }

    // H2: consent for a face edit first.
    [HttpPost("swap-consented")]
    public async Task<IActionResult> SwapConsented(SwapForm form, CancellationToken ct)
    {
        await consent.EnsureConsentAsync(form.SubjectId, BiometricKind.Face, "avatar", ct);
        var result = await engine.SwapAsync(Convert.FromBase64String(form.PhotoBase64), Convert.FromBase64String(form.TemplateBase64), ct);
        return File(result, "image/png");
    }

    // H3: voice consent does not cover a face edit.
    [HttpPost("swap-wrong-kind")]
    public async Task<IActionResult> SwapWrongKind(SwapForm form, CancellationToken ct)
    {
        await consent.EnsureConsentAsync(form.SubjectId, BiometricKind.Voice, "avatar", ct);
        var result = await engine.SwapAsync(Convert.FromBase64String(form.PhotoBase64), Convert.FromBase64String(form.TemplateBase64), ct); // expect: DSYN006
        return File(result, "image/png");
    }

    // H4: consent checked after the edit.
    [HttpPost("swap-late")]
    public async Task<IActionResult> SwapLate(SwapForm form, CancellationToken ct)
    {
        var result = await engine.SwapAsync(Convert.FromBase64String(form.PhotoBase64), Convert.FromBase64String(form.TemplateBase64), ct); // expect: DSYN006
        await consent.EnsureConsentAsync(form.SubjectId, BiometricKind.Face, "avatar", ct);
        return File(result, "image/png");
    }
}

[ApiController]
[Route("api/voice")]
[RequireRealName]
public sealed class VoiceController(IVoiceCloner cloner, IBiometricConsentVerifier consent) : ControllerBase
{
    // H5: bool check acted on.
    [HttpPost("clone")]
    public async Task<IActionResult> Clone(string subjectId, string script, IFormFile sample, CancellationToken ct)
    {
        if (!await consent.HasConsentAsync(subjectId, BiometricKind.Voice, "dubbing", ct))
        {
            return Forbid();
        }

        using var buffer = new MemoryStream();
        await sample.CopyToAsync(buffer, ct);
        var audio = await cloner.CloneVoiceAsync(buffer.ToArray(), script, ct);
        return File(audio, "audio/wav");
    }

    // H6: the consent check's result is dropped.
    [HttpPost("clone-dropped")]
    public async Task<IActionResult> CloneDropped(string subjectId, string script, IFormFile sample, CancellationToken ct)
    {
        await consent.HasConsentAsync(subjectId, BiometricKind.Voice, "dubbing", ct); // expect: DSYN008
        using var buffer = new MemoryStream();
        await sample.CopyToAsync(buffer, ct);
        var audio = await cloner.CloneVoiceAsync(buffer.ToArray(), script, ct);
        return File(audio, "audio/wav");
    }
}
