using Microsoft.SemanticKernel;
using Microsoft.SemanticKernel.ChatCompletion;
using TalentDesk.Models;

namespace TalentDesk.Services;

public interface ICandidateEmailDrafter
{
    Task<EmailDraft> DraftAsync(EmailDraftRequest request, CancellationToken ct = default);
}

public class CandidateEmailDrafter(IChatCompletionService completion, TimeProvider? clock = null) : ICandidateEmailDrafter
{
    private static readonly Dictionary<string, string> Guidance = new(StringComparer.OrdinalIgnoreCase)
    {
        ["invite"] = "Invite the candidate to an interview and ask for their availability.",
        ["reject"] = "Politely decline the application, thank them, and keep the door open.",
        ["offer"] = "Congratulate the candidate and outline the next steps of the offer.",
    };

    public async Task<EmailDraft> DraftAsync(EmailDraftRequest request, CancellationToken ct = default)
    {
        var history = new ChatHistory(
            "You write warm, professional e-mails to job candidates. First line: 'Subject: ...', then a blank line, then the body.");
        history.AddUserMessage(
            $"""
            Candidate: {request.CandidateName}
            Role: {request.Role}
            Purpose: {Guidance.GetValueOrDefault(request.Kind, request.Kind)}
            Recruiter notes: {request.RecruiterNotes ?? "(none)"}
            Sign as: {request.RecruiterName}
            """);

        var reply = await completion.GetChatMessageContentAsync(history, cancellationToken: ct);
        var content = reply.Content ?? string.Empty;

        var lines = content.Split('\n').ToList();
        var subject = $"Your application for {request.Role}";
        if (lines.Count > 0 && lines[0].StartsWith("Subject:", StringComparison.OrdinalIgnoreCase))
        {
            subject = lines[0]["Subject:".Length..].Trim();
            lines.RemoveAt(0);
        }

        return new EmailDraft(subject, string.Join('\n', lines).Trim(), request.Kind.ToLowerInvariant(),
            (clock ?? TimeProvider.System).GetUtcNow());
    }
}
