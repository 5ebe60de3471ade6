using DeepSynth.Compliance;
using DeepSynth.Compliance.Consent;
using Microsoft.AspNetCore.Mvc;

namespace HeldOut.Avatars;

public sealed class PortraitEditor
{
    [BiometricEditor]
    public byte[] ReplaceFace(byte[] photo, byte[] face) => photo;
}

/// <summary>A service layer: one method leaves consent to its callers, one checks it itself.</summary>
public sealed class AvatarStudio(PortraitEditor editor, IBiometricConsentVerifier consent)
{
    public byte[] MakeAvatar(byte[] photo, byte[] face) => editor.ReplaceFace(photo, face);

    public async Task<byte[]> MakeConsentedAvatarAsync(string subjectId, byte[] photo, byte[] face, CancellationToken ct)
    {
        await consent.EnsureConsentAsync(subjectId, BiometricKind.Face, "avatar", ct);
        return editor.ReplaceFace(photo, face);
    }
}

[ApiController]
[Route("api/avatars")]
[RequireRealName]
public sealed class AvatarController(AvatarStudio studio) : ControllerBase
{
    // H7: the helper edits, nobody checked consent.
    [HttpPost]
    public IActionResult Create(byte[] photo, byte[] face)
    {
        var avatar = studio.MakeAvatar(photo, face); // expect: DSYN006
        return File(avatar, "image/png");
    }

    // H8: the helper checks consent itself.
    [HttpPost("consented")]
    public async Task<IActionResult> CreateConsented(string subjectId, byte[] photo, byte[] face, CancellationToken ct)
    {
        var avatar = await studio.MakeConsentedAvatarAsync(subjectId, photo, face, ct);
        return File(avatar, "image/png");
    }
}
