using System.Runtime.CompilerServices;
using System.Text.Json;
using LinguaPath.Data;
using LinguaPath.Models;
using OpenAI.Chat;

namespace LinguaPath.Services;

public interface IEssayCorrectionService
{
    Task<EssayCorrectionResult> CorrectAsync(Student student, string title, string text, CancellationToken ct = default);
    Task<string> CorrectSentenceAsync(string language, string sentence, CancellationToken ct = default);
    IAsyncEnumerable<string> StreamFeedbackAsync(string language, string level, string essay, CancellationToken ct = default);
}

public sealed class EssayCorrectionService(
    ChatClient chatClient,
    TutorDbContext db,
    TimeProvider clock,
    ILogger<EssayCorrectionService> logger) : IEssayCorrectionService
{
    private sealed record CorrectionPayload(string Corrected, string Feedback);

    public async Task<EssayCorrectionResult> CorrectAsync(Student student, string title, string text, CancellationToken ct = default)
    {
        List<ChatMessage> messages =
        [
            new SystemChatMessage(
                $"You are a {student.TargetLanguage} writing teacher. The student is at CEFR level {student.Level} " +
                $"and speaks {student.NativeLanguage}. Correct grammar, spelling and word choice but keep the student's voice. " +
                "Answer as JSON: {\"corrected\": string, \"feedback\": string}. Write the feedback in the student's native language " +
                "as a short bulleted list of the three most important issues."),
            new UserChatMessage($"Title: {title}\n\n{text}"),
        ];

        var options = new ChatCompletionOptions
        {
            Temperature = 0.2f,
            ResponseFormat = ChatResponseFormat.CreateJsonObjectFormat(),
        };

        ChatCompletion completion = await chatClient.CompleteChatAsync(messages, options, ct);
        var raw = completion.Content[0].Text;

        var payload = JsonSerializer.Deserialize<CorrectionPayload>(raw, JsonSerializerOptions.Web)
                      ?? new CorrectionPayload(text, raw);

        var submission = new EssaySubmission
        {
            StudentId = student.Id,
            Title = title,
            OriginalText = text,
            CorrectedText = payload.Corrected,
            Feedback = payload.Feedback,
            CreatedAt = clock.GetUtcNow(),
        };
        db.Essays.Add(submission);
        await db.SaveChangesAsync(ct);

        logger.LogInformation("Essay {SubmissionId} corrected for student {StudentId} ({InputTokens} in / {OutputTokens} out)",
            submission.Id, student.Id, completion.Usage.InputTokenCount, completion.Usage.OutputTokenCount);

        return new EssayCorrectionResult(submission.Id, submission.CorrectedText, submission.Feedback, submission.CreatedAt);
    }

    public async Task<string> CorrectSentenceAsync(string language, string sentence, CancellationToken ct = default)
    {
        ChatCompletion completion = await chatClient.CompleteChatAsync(
            [
                new SystemChatMessage($"Correct this {language} sentence. Reply with the corrected sentence only."),
                new UserChatMessage(sentence),
            ],
            new ChatCompletionOptions { Temperature = 0 },
            ct);

        return completion.Content[0].Text.Trim();
    }

    public async IAsyncEnumerable<string> StreamFeedbackAsync(
        string language,
        string level,
        string essay,
        [EnumeratorCancellation] CancellationToken ct = default)
    {
        List<ChatMessage> messages =
        [
            new SystemChatMessage(
                $"You review {language} essays written by CEFR {level} learners. Go paragraph by paragraph, " +
                "quote each problematic phrase, suggest a fix and explain the rule in one sentence."),
            new UserChatMessage(essay),
        ];

        await foreach (StreamingChatCompletionUpdate update in chatClient.CompleteChatStreamingAsync(messages, cancellationToken: ct))
        {
            foreach (ChatMessageContentPart part in update.ContentUpdate)
            {
                if (!string.IsNullOrEmpty(part.Text))
                {
                    yield return part.Text;
                }
            }
        }
    }
}
