using ListingAssistant.Models;
using Microsoft.Extensions.Options;
using OpenAI.Audio;
using OpenAI.Chat;
using OpenAI.Images;

namespace ListingAssistant.Services;

public sealed class MediaOptions
{
    public const string Section = "Media";
    public string StagingFolder { get; set; } = "wwwroot/staged";
    public string PublicBasePath { get; set; } = "/staged";
    public string DefaultVoice { get; set; } = "nova";
}

public interface IMediaStudio
{
    Task<StagingResultDto> StageRoomAsync(Stream? roomPhoto, string? fileName, string roomType, string style, string? notes, CancellationToken ct = default);
    Task<CaptionDto> CaptionPhotoAsync(string fileName, BinaryData photo, string contentType, string? roomHint, CancellationToken ct = default);
    Task<byte[]> NarrateAsync(string script, string? voice, CancellationToken ct = default);
}

public sealed class MediaStudio(
    ImageClient imageClient,
    AudioClient audioClient,
    ChatClient visionClient,
    IOptions<MediaOptions> options,
    ILogger<MediaStudio> logger) : IMediaStudio
{
    private readonly MediaOptions _options = options.Value;

    public async Task<StagingResultDto> StageRoomAsync(Stream? roomPhoto, string? fileName, string roomType, string style, string? notes, CancellationToken ct = default)
    {
        var prompt =
            $"Virtually stage this empty {roomType} in a {style} interior style with tasteful furniture, rugs, " +
            $"plants and soft natural lighting. Keep walls, windows, floors and layout exactly as they are. {notes}";

        GeneratedImage image;
        if (roomPhoto is not null)
        {
            var edit = await imageClient.GenerateImageEditAsync(roomPhoto, fileName ?? "room.png", prompt,
                new ImageEditOptions { Size = GeneratedImageSize.W1536xH1024 }, ct);
            image = edit.Value;
        }
        else
        {
            var generated = await imageClient.GenerateImageAsync(prompt,
                new ImageGenerationOptions { Size = GeneratedImageSize.W1536xH1024, Quality = GeneratedImageQuality.High }, ct);
            image = generated.Value;
        }

        Directory.CreateDirectory(_options.StagingFolder);
        var outputName = $"{roomType.ToLowerInvariant().Replace(' ', '-')}-{Guid.NewGuid():N}.png";
        var outputPath = Path.Combine(_options.StagingFolder, outputName);
        await File.WriteAllBytesAsync(outputPath, image.ImageBytes.ToArray(), ct);

        logger.LogInformation("Staged {RoomType} saved to {Path}", roomType, outputPath);
        return new StagingResultDto($"{_options.PublicBasePath}/{outputName}", roomType, style);
    }

    public async Task<CaptionDto> CaptionPhotoAsync(string fileName, BinaryData photo, string contentType, string? roomHint, CancellationToken ct = default)
    {
        List<ChatMessage> messages =
        [
            new SystemChatMessage(
                "You caption real-estate photos. Reply with two lines: line 1 a marketing caption under 20 words, " +
                "line 2 a plain alt-text description under 30 words."),
            new UserChatMessage(
                ChatMessageContentPart.CreateTextPart($"Room: {roomHint ?? "unknown"}. Caption this photo."),
                ChatMessageContentPart.CreateImagePart(photo, contentType))
        ];

        var completion = await visionClient.CompleteChatAsync(messages,
            new ChatCompletionOptions { MaxOutputTokenCount = 160, Temperature = 0.5f }, ct);

        var lines = completion.Value.Content[0].Text
            .Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

        var caption = lines.ElementAtOrDefault(0) ?? "";
        var alt = lines.ElementAtOrDefault(1) ?? caption;
        return new CaptionDto(fileName, caption, alt);
    }

    public async Task<byte[]> NarrateAsync(string script, string? voice, CancellationToken ct = default)
    {
        var speechVoice = new GeneratedSpeechVoice(voice ?? _options.DefaultVoice);
        var speech = await audioClient.GenerateSpeechAsync(script, speechVoice,
            new SpeechGenerationOptions { ResponseFormat = GeneratedSpeechFormat.Mp3, SpeedRatio = 1.0f }, ct);

        logger.LogInformation("Narrated {Chars} characters with voice {Voice}", script.Length, speechVoice);
        return speech.Value.ToArray();
    }
}
