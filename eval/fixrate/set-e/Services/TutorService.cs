using Microsoft.SemanticKernel;
using Microsoft.SemanticKernel.ChatCompletion;
using Microsoft.SemanticKernel.Connectors.OpenAI;
using StudyBuddy.Models;

namespace StudyBuddy.Services;

public sealed class TutorService(IChatCompletionService chat)
{
    private static readonly string[] Sections = ["Strengths", "Improvements", "Next step"];

    public async Task<EssayFeedback> GiveEssayFeedbackAsync(EssayFeedbackRequest request, CancellationToken ct)
    {
        var history = new ChatHistory(
            "You are an encouraging writing teacher. Answer in three sections titled exactly " +
            "'Strengths:', 'Improvements:' and 'Next step:'.");
        history.AddUserMessage($"Level: {request.Level ?? "secondary school"}\nRubric:\n{request.Rubric}\n\nEssay:\n{request.Essay}");

        var settings = new OpenAIPromptExecutionSettings { Temperature = 0.4, MaxTokens = 700 };
        var reply = await chat.GetChatMessageContentAsync(history, settings, cancellationToken: ct);
        var text = reply.Content ?? string.Empty;

        return new EssayFeedback(
            Strengths: Section(text, 0),
            Improvements: Section(text, 1),
            NextStep: Section(text, 2),
            WordCount: request.Essay.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length);
    }

    private static string Section(string text, int index)
    {
        var parts = text.Split(Sections, StringSplitOptions.TrimEntries);
        return parts.Length > index + 1 ? parts[index + 1].TrimStart(':', ' ') : string.Empty;
    }
}
