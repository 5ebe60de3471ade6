using System.Text;
using Microsoft.AspNetCore.Mvc;
using OpenAI.Chat;
using StudyBuddy.Models;

namespace StudyBuddy.Controllers;

[ApiController]
[Route("api/flashcards")]
public class FlashcardsController(ChatClient chat) : ControllerBase
{
    [HttpPost("from-notes")]
    public async Task<ActionResult<List<Flashcard>>> FromNotes(FlashcardRequest request, CancellationToken ct)
    {
        ChatCompletion completion = await chat.CompleteChatAsync(
            [
                new SystemChatMessage($"Turn study notes into at most {request.MaxCards} flashcards. One card per line: question | answer"),
                new UserChatMessage(request.Notes),
            ],
            new ChatCompletionOptions { Temperature = 0.2f },
            ct);

        var cards = new List<Flashcard>();
        foreach (var line in completion.Content[0].Text.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            var parts = line.Split('|', 2, StringSplitOptions.TrimEntries);
            if (parts.Length != 2) continue;

            cards.Add(new Flashcard { Front = parts[0], Back = parts[1], Deck = request.Deck });
        }

        return cards;
    }

    [HttpGet("deck/{deck}/export")]
    public async Task<IActionResult> ExportDeck(string deck, [FromQuery] string topic, CancellationToken ct)
    {
        var completion = await chat.CompleteChatAsync(
            [new UserChatMessage($"Write 10 flashcards about {topic}. One per line: question | answer. No numbering.")],
            cancellationToken: ct);

        var csv = string.Join("\n", ToCsvRows(deck, completion.Value.Content[0].Text));
        return File(Encoding.UTF8.GetBytes(csv), "text/csv", $"{deck}.csv");
    }

    private static IEnumerable<string> ToCsvRows(string deck, string generated)
    {
        yield return "deck,front,back";
        foreach (var line in generated.Split('\n'))
        {
            var parts = line.Split('|');
            if (parts.Length < 2) continue;

            yield return $"{deck},\"{Escape(parts[0])}\",\"{Escape(parts[1])}\"";
        }

        static string Escape(string value) => value.Trim().Replace("\"", "\"\"");
    }
}
