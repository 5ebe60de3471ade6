// kind: program
// Media endpoints in a minimal API: speech and images returned with Results.File / TypedResults.File.
using DeepSynth.Compliance;
using DeepSynth.Compliance.Audio;
using DeepSynth.Compliance.Audit;
using DeepSynth.Compliance.Imaging;
using DeepSynth.Compliance.Metadata;
using DeepSynth.Compliance.Review;
using OpenAI;
using OpenAI.Audio;
using OpenAI.Images;

var builder = WebApplication.CreateBuilder(args);
var openAi = new OpenAIClient(builder.Configuration["OpenAI:ApiKey"]!);
builder.Services.AddSingleton(openAi.GetAudioClient("gpt-4o-mini-tts"));
builder.Services.AddSingleton(openAi.GetImageClient("gpt-image-1"));
builder.Services.AddSingleton<MediaModeration>();
builder.Services.AddDeepSynthCompliance(o => builder.Configuration.GetSection("DeepSynth").Bind(o));
var app = builder.Build();

var media = app.MapGroup("/media").RequireRealName();

media.MapPost("/avatar", async (AvatarRequest req, ImageClient images, IContentReviewer reviewer, MediaModeration moderation,
    IVisibleImageLabeler visible, IAigcFileLabeler files, ISynthesisAuditLog audit, CancellationToken ct) =>
{
    var description = await reviewer.EnsureAllowedAsync(req.Description, ReviewStage.Input, ct);
    GeneratedImage avatar = await images.GenerateImageAsync($"卡通头像：{description}", new ImageGenerationOptions { Size = GeneratedImageSize.W1024xH1024 }, ct);
    var bytes = avatar.ImageBytes.ToArray();
    await moderation.CheckImageAsync(bytes, ct);
    var labeled = files.Label(bytes, new FileLabelRequest { AddExplicitLabel = true }, ct);
    await audit.RecordAsync(labeled, new GenerationRecord { Kind = GeneratedMediaKind.Image }, ct);
    return TypedResults.File(labeled, "image/png", "avatar.png");
});

media.MapPost("/sticker", async (AvatarRequest req, ImageClient images, IContentReviewer reviewer, MediaModeration moderation,
    IVisibleImageLabeler visible, ISynthesisAuditLog audit, CancellationToken ct) =>
{
    var description = await reviewer.EnsureAllowedAsync(req.Description, ReviewStage.Input, ct);
    GeneratedImage sticker = await images.GenerateImageAsync($"表情包：{description}", new ImageGenerationOptions(), ct);
    var bytes = sticker.ImageBytes.ToArray();
    await audit.RecordAsync(bytes, new GenerationRecord { Kind = GeneratedMediaKind.Image }, ct);
    var labeled = visible.Label(bytes, ct);
    return Results.File(labeled, "image/png"); // expect: DSYN003
});

media.MapPost("/greeting", async (GreetingRequest req, AudioClient audio, IContentReviewer reviewer, MediaModeration moderation,
    IAudioLabeler audioLabeler, ISynthesisAuditLog audit, CancellationToken ct) =>
{
    var text = await reviewer.EnsureAllowedAsync($"{req.Name}，祝你生日快乐！", ReviewStage.Input, ct);
    BinaryData wav = await audio.GenerateSpeechAsync(text, GeneratedSpeechVoice.Coral, new SpeechGenerationOptions { ResponseFormat = GeneratedSpeechFormat.Wav }, ct);
    var bytes = wav.ToArray();
    await moderation.CheckAudioAsync(bytes, ct);
    await audit.RecordAsync(bytes, new GenerationRecord { Kind = GeneratedMediaKind.Audio }, ct);
    return Results.File(bytes, "audio/wav"); // expect: DSYN001
});

app.Run();

record AvatarRequest(string Description);

record GreetingRequest(string Name);

sealed class MediaModeration
{
    [ContentReviewer]
    public Task CheckImageAsync(byte[] image, CancellationToken ct) => Task.CompletedTask;

    [ContentReviewer]
    public Task CheckAudioAsync(byte[] audio, CancellationToken ct) => Task.CompletedTask;
}
