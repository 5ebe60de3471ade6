namespace WriterApp.Models;

public sealed record ChatRequest(string Message, string? Tone);

public sealed record ChatReply(string Text, string Model);

public sealed record SummaryRequest(string Document, int MaxWords);

public sealed class DraftResponse
{
    public string Title { get; set; } = "";
    public string Body { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
}

public sealed record TranslationResponse(string Source, string Translation, string Language);

public sealed record FaqEntry(string Question, string Answer);
