using System.Security.Claims;
using System.Text;
using ClipForge.Ai;
using ClipForge.Contracts;
using ClipForge.Domain;
using ClipForge.Storage;
using DeepSynth.Compliance;
using DeepSynth.Compliance.Audio;
using DeepSynth.Compliance.Audit;
using DeepSynth.Compliance.Labeling;
using DeepSynth.Compliance.Metadata;
using DeepSynth.Compliance.Review;

namespace ClipForge.Endpoints;

public static class MediaEndpoints
{
    public static IEndpointRouteBuilder MapMediaEndpoints(this IEndpointRouteBuilder app)
    {
        var covers = app.MapGroup("/api/covers").RequireAuthorization().WithTags("Covers");
        covers.MapPost("/", GenerateCoverAsync).RequireRealName();
        covers.MapGet("/{id}", GetCoverInfoAsync);
        covers.MapGet("/{id}/thumbnail", GetThumbnailAsync);

        var voice = app.MapGroup("/api/voiceovers").RequireAuthorization().WithTags("Voice-over");
        voice.MapPost("/", GenerateVoiceOverAsync);

        var subtitles = app.MapGroup("/api/subtitles").RequireAuthorization().WithTags("Subtitles");
        subtitles.MapPost("/", CreateSubtitlesAsync);
        subtitles.MapGet("/{id}/download", DownloadSubtitlesAsync);
        subtitles.MapPost("/{id}/translate", TranslateSubtitlesAsync).RequireRealName();

        return app;
    }

    private static async Task<IResult> GenerateCoverAsync(
        CoverRequest request,
        ClaimsPrincipal user,
        ICoverGenerator generator,
        IImageStore store,
        IMediaRepository media,
        IContentReviewer review,
        IAigcFileLabeler fileLabeler,
        ISynthesisAuditLog audit,
        CancellationToken ct)
    {
        var prompt = await review.EnsureAllowedAsync(request.Prompt, ReviewStage.Input, ct);
        var cover = await generator.GenerateAsync(prompt, request.Style, ct);

        var png = await review.EnsureMediaAllowedAsync(cover.Png, "image/png", ReviewStage.Output, ct);
        var labeled = fileLabeler.Label(png, new FileLabelRequest { AddExplicitLabel = true, FileName = "cover.png" }, ct);

        var asset = new CoverAsset
        {
            OwnerId = user.GetUserId(),
            ScriptId = request.ScriptId,
            Prompt = request.Prompt,
            RevisedPrompt = cover.RevisedPrompt,
            Width = cover.Width,
            Height = cover.Height,
            SizeBytes = labeled.Length,
            Model = cover.Model
        };
        asset.ObjectKey = $"covers/{asset.OwnerId}/{asset.Id}.png";

        await store.PutAsync(asset.ObjectKey, labeled, "image/png", ct);
        await media.InsertCoverAsync(asset, ct);
        await audit.RecordAsync(labeled, new GenerationRecord
        {
            UserId = asset.OwnerId,
            Model = cover.Model,
            ContentId = asset.Id,
            Kind = GeneratedMediaKind.Image,
            Labeled = true
        }, ct);

        var url = await store.GetPresignedUrlAsync(asset.ObjectKey, ct);
        return Results.Created($"/api/covers/{asset.Id}",
            new CoverResponse(asset.Id, url, $"/api/covers/{asset.Id}/thumbnail", asset.Width, asset.Height));
    }

    private static async Task<IResult> GetCoverInfoAsync(string id, ClaimsPrincipal user, IMediaRepository media, CancellationToken ct)
    {
        var cover = await media.FindCoverAsync(user.GetUserId(), id, ct);
        return cover is null
            ? Results.NotFound()
            : Results.Ok(new CoverInfo(cover.Id, cover.ScriptId, cover.Width, cover.Height, cover.SizeBytes, cover.Model, cover.CreatedAt));
    }

    private static async Task<IResult> GetThumbnailAsync(
        string id,
        int? size,
        ClaimsPrincipal user,
        IMediaRepository media,
        IImageStore store,
        IThumbnailRenderer thumbnails,
        CancellationToken ct)
    {
        var cover = await media.FindCoverAsync(user.GetUserId(), id, ct);
        if (cover is null)
        {
            return Results.NotFound();
        }

        var edge = Math.Clamp(size ?? 320, 64, 720);
        var thumbKey = $"thumbs/{cover.OwnerId}/{cover.Id}_{edge}.jpg";
        var cached = await store.GetAsync(thumbKey, ct);
        if (cached is null)
        {
            var original = await store.GetAsync(cover.ObjectKey, ct);
            if (original is null)
            {
                return Results.Problem("Cover file is missing from storage.", statusCode: StatusCodes.Status410Gone);
            }
            cached = thumbnails.RenderJpeg(original, edge);
            await store.PutAsync(thumbKey, cached, "image/jpeg", ct);
        }

        return Results.File(cached, "image/jpeg", enableRangeProcessing: false);
    }

    private static async Task<IResult> GenerateVoiceOverAsync(
        VoiceOverRequest request,
        ClaimsPrincipal user,
        IScriptRepository scripts,
        IVoiceOverSynthesizer synthesizer,
        IAudioStore audioStore,
        IMediaRepository media,
        IContentReviewer review,
        IAudioLabeler audioLabeler,
        IAigcFileLabeler fileLabeler,
        CancellationToken ct)
    {
        var ownerId = user.GetUserId();
        var script = await scripts.FindAsync(ownerId, request.ScriptId, ct);
        if (script is null)
        {
            return Results.NotFound();
        }

        var narration = ExtractNarration(script.PolishedBody ?? script.Body);
        var wav = await synthesizer.SynthesizeWavAsync(narration, request.Voice, ct);
        wav = await review.EnsureMediaAllowedAsync(wav, "audio/wav", ReviewStage.Output, ct);

        var labeled = fileLabeler.Label(audioLabeler.LabelWav(wav, ct), new FileLabelRequest { FileName = "voiceover.wav" }, ct);

        var record = new VoiceOver
        {
            OwnerId = ownerId,
            ScriptId = script.Id,
            Voice = request.Voice,
            SizeBytes = labeled.Length,
            Model = synthesizer.Model
        };
        record.BlobName = $"{ownerId}/{record.Id}.wav";

        var url = await audioStore.UploadAsync(record.BlobName, labeled, "audio/wav", ct);
        await media.InsertVoiceOverAsync(record, ct);

        return Results.Created($"/api/voiceovers/{record.Id}", new VoiceOverResponse(record.Id, url, record.SizeBytes));
    }

    private static async Task<IResult> CreateSubtitlesAsync(
        SubtitleRequest request,
        ClaimsPrincipal user,
        IMediaRepository media,
        IAudioStore audioStore,
        ISubtitleTranscriber transcriber,
        CancellationToken ct)
    {
        var ownerId = user.GetUserId();
        var voice = await media.FindVoiceOverAsync(ownerId, request.VoiceOverId, ct);
        if (voice is null)
        {
            return Results.NotFound();
        }

        var audio = await audioStore.DownloadAsync(voice.BlobName, ct);
        if (audio is null)
        {
            return Results.Problem("Voice-over audio is no longer available.", statusCode: StatusCodes.Status410Gone);
        }

        var format = request.Format == "vtt" ? "vtt" : "srt";
        var content = await transcriber.TranscribeAsync(audio, Path.GetFileName(voice.BlobName), format, request.Language, ct);

        var track = new SubtitleTrack
        {
            OwnerId = ownerId,
            VoiceOverId = voice.Id,
            Language = request.Language,
            Format = format,
            Content = content,
            CueCount = SubtitleFormat.CountCues(content, format),
            Model = transcriber.Model
        };
        await media.InsertSubtitleAsync(track, ct);

        return Results.Created($"/api/subtitles/{track.Id}", new SubtitleCreated(track.Id, track.Format, track.CueCount));
    }

    private static async Task<IResult> DownloadSubtitlesAsync(string id, ClaimsPrincipal user, IMediaRepository media, CancellationToken ct)
    {
        var track = await media.FindSubtitleAsync(user.GetUserId(), id, ct);
        if (track is null)
        {
            return Results.NotFound();
        }

        return Results.File(Encoding.UTF8.GetBytes(track.Content), SubtitleFormat.ContentType(track.Format),
            fileDownloadName: $"clipforge-{track.Id}.{track.Language}.{track.Format}");
    }

    private static async Task<IResult> TranslateSubtitlesAsync(
        string id,
        TranslateSubtitleRequest request,
        ClaimsPrincipal user,
        IMediaRepository media,
        ILocalRewriter rewriter,
        IAigcTextLabeler label,
        CancellationToken ct)
    {
        var ownerId = user.GetUserId();
        var source = await media.FindSubtitleAsync(ownerId, id, ct);
        if (source is null)
        {
            return Results.NotFound();
        }
        if (source.Format != "srt")
        {
            return Results.Problem("Only SRT tracks can be translated.", statusCode: StatusCodes.Status400BadRequest);
        }

        var translated = await rewriter.TranslateSubtitlesAsync(source.Content, request.TargetLanguage, ct);
        var track = new SubtitleTrack
        {
            OwnerId = ownerId,
            VoiceOverId = source.VoiceOverId,
            Language = request.TargetLanguage,
            Format = "srt",
            Content = translated,
            CueCount = SubtitleFormat.CountCues(translated, "srt"),
            TranslatedFromId = source.Id,
            Model = rewriter.ModelName
        };
        await media.InsertSubtitleAsync(track, ct);

        return Results.Ok(new TranslatedSubtitleResponse(track.Id, track.Language, label.Label(translated)));
    }

    private static string ExtractNarration(string script)
    {
        // Keep only the spoken lines ("台词") of each shot.
        var lines = script.Split('\n')
            .Select(l => l.Contains('/') ? l[(l.IndexOf('/') + 1)..] : l)
            .Select(l => l.Replace("台词", string.Empty).Trim(' ', '：', ':'))
            .Where(l => l.Length > 0);
        return string.Join('\n', lines);
    }
}
