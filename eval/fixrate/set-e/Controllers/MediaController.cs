using Microsoft.AspNetCore.Mvc;
using OpenAI.Audio;
using OpenAI.Chat;
using OpenAI.Images;
using StudyBuddy.Models;

namespace StudyBuddy.Controllers;

[ApiController]
[Route("api/media")]
public class MediaController(ImageClient images, AudioClient audio, ChatClient chat) : ControllerBase
{
    [HttpPost("diagram")]
    public async Task<IActionResult> Diagram(DiagramRequest request, CancellationToken ct)
    {
        var options = new ImageGenerationOptions { Size = GeneratedImageSize.W1024xH1024, ResponseFormat = GeneratedImageFormat.Bytes };
        GeneratedImage image = await images.GenerateImageAsync(
            $"Educational diagram of {request.Concept}, {request.Style}, clearly labelled parts, white background",
            options,
            ct);

        return File(image.ImageBytes.ToArray(), "image/png");
    }

    [HttpPost("read-aloud")]
    public async Task<IActionResult> ReadAloud(ReadAloudRequest request, CancellationToken ct)
    {
        var options = new SpeechGenerationOptions { SpeedRatio = request.Slow ? 0.8f : 1.0f };
        BinaryData speech = await audio.GenerateSpeechAsync(request.Text, GeneratedSpeechVoice.Nova, options, ct);
        return File(speech.ToArray(), "audio/mpeg", "notes.mp3");
    }

    // A two-minute spoken recap of a chapter, for listening on the way to school.
    [HttpGet("recap/{chapter}")]
    public async Task<IActionResult> AudioRecap(string chapter, [FromQuery] string course, CancellationToken ct)
    {
        ChatCompletion script = await chat.CompleteChatAsync(
            [
                new SystemChatMessage("Write a friendly spoken recap script of about 250 words. No headings, no lists."),
                new UserChatMessage($"Course: {course}. Chapter: {chapter}."),
            ],
            cancellationToken: ct);

        var speech = await audio.GenerateSpeechAsync(script.Content[0].Text, GeneratedSpeechVoice.Alloy, cancellationToken: ct);
        return File(speech.Value.ToStream(), "audio/mpeg", $"recap-{chapter}.mp3");
    }
}
