using LinguaPath.Data;
using LinguaPath.Models;
using Microsoft.Extensions.AI;
using OpenAI.Audio;
using OpenAI.Images;
using ImageGenerationOptions = OpenAI.Images.ImageGenerationOptions;

namespace LinguaPath.Services;

public interface IMediaGenerationService
{
    Task<FlashcardDto> CreateFlashcardAsync(FlashcardRequest request, CancellationToken ct = default);
    Task<BinaryData> SpeakAsync(string text, string? voice, float speed, CancellationToken ct = default);
}

public sealed class MediaGenerationService(
    ImageClient imageClient,
    AudioClient audioClient,
    IChatClient chatClient,
    TutorDbContext db,
    IWebHostEnvironment env,
    TimeProvider clock,
    ILogger<MediaGenerationService> logger) : IMediaGenerationService
{
    public async Task<FlashcardDto> CreateFlashcardAsync(FlashcardRequest request, CancellationToken ct = default)
    {
        var translationResponse = await chatClient.GetResponseAsync(
            $"Translate the {request.Language} word \"{request.Word}\" into English" +
            (string.IsNullOrWhiteSpace(request.Context) ? "" : $" as used in: \"{request.Context}\"") +
            ". Reply with the translation only.",
            cancellationToken: ct);
        var translation = translationResponse.Text.Trim();

        GeneratedImage image = await imageClient.GenerateImageAsync(
            $"A simple, colourful flat illustration for a vocabulary flashcard showing \"{translation}\". " +
            "White background, no text, child-friendly.",
            new ImageGenerationOptions
            {
                Size = GeneratedImageSize.W1024xH1024,
                Quality = GeneratedImageQuality.High,
            },
            ct);

        var imageUrl = await SaveAsync("flashcards", ".png", image.ImageBytes, ct);

        BinaryData audio = await SpeakAsync(request.Word, null, 0.9f, ct);
        var audioUrl = await SaveAsync("pronunciation", ".mp3", audio, ct);

        var card = new Flashcard
        {
            StudentId = request.StudentId,
            Word = request.Word,
            Translation = translation,
            ImageUrl = imageUrl,
            AudioUrl = audioUrl,
            CreatedAt = clock.GetUtcNow(),
        };
        db.Flashcards.Add(card);
        await db.SaveChangesAsync(ct);

        logger.LogInformation("Flashcard {CardId} created for student {StudentId}", card.Id, request.StudentId);
        return new FlashcardDto(card.Id, card.Word, card.Translation, card.ImageUrl, card.AudioUrl);
    }

    public async Task<BinaryData> SpeakAsync(string text, string? voice, float speed, CancellationToken ct = default)
    {
        var speechVoice = voice?.ToLowerInvariant() switch
        {
            "nova" => GeneratedSpeechVoice.Nova,
            "echo" => GeneratedSpeechVoice.Echo,
            "shimmer" => GeneratedSpeechVoice.Shimmer,
            _ => GeneratedSpeechVoice.Alloy,
        };

        var result = await audioClient.GenerateSpeechAsync(
            text,
            speechVoice,
            new SpeechGenerationOptions
            {
                ResponseFormat = GeneratedSpeechFormat.Mp3,
                SpeedRatio = Math.Clamp(speed, 0.5f, 1.5f),
            },
            ct);

        return result.Value;
    }

    private async Task<string> SaveAsync(string folder, string extension, BinaryData data, CancellationToken ct)
    {
        var webRoot = env.WebRootPath ?? Path.Combine(env.ContentRootPath, "wwwroot");
        var directory = Path.Combine(webRoot, "media", folder);
        Directory.CreateDirectory(directory);

        var fileName = $"{Guid.NewGuid():N}{extension}";
        await File.WriteAllBytesAsync(Path.Combine(directory, fileName), data.ToArray(), ct);

        return $"/media/{folder}/{fileName}";
    }
}
