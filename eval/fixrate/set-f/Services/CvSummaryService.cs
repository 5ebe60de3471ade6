using OpenAI.Chat;
using TalentDesk.Models;

namespace TalentDesk.Services;

public class CvSummaryService(ChatClient chatClient)
{
    public async Task<CvSummaryDto> SummarizeAsync(CvSummaryRequest request, CancellationToken ct)
    {
        List<ChatMessage> messages =
        [
            new SystemChatMessage(
                "Summarise the CV for a recruiter. Reply with lines: HEADLINE: ..., YEARS: <number>, " +
                "SUMMARY: ..., STRENGTH: ... (one per line), CONCERN: ... (one per line)."),
            new UserChatMessage($"Target role: {request.TargetRole ?? "any"}\n\n{request.CvText}"),
        ];

        ChatCompletion completion = await chatClient.CompleteChatAsync(messages,
            new ChatCompletionOptions { Temperature = 0.2f, MaxOutputTokenCount = 700 }, ct);

        var dto = new CvSummaryDto { CandidateId = request.CandidateId };
        foreach (var raw in completion.Content[0].Text.Split('\n'))
        {
            var line = raw.Trim();
            if (line.StartsWith("HEADLINE:")) dto.Headline = line["HEADLINE:".Length..].Trim();
            else if (line.StartsWith("SUMMARY:")) dto.Summary = line["SUMMARY:".Length..].Trim();
            else if (line.StartsWith("STRENGTH:")) dto.Strengths.Add(line["STRENGTH:".Length..].Trim());
            else if (line.StartsWith("CONCERN:")) dto.Concerns.Add(line["CONCERN:".Length..].Trim());
            else if (line.StartsWith("YEARS:") && int.TryParse(line["YEARS:".Length..].Trim(), out var years)) dto.YearsOfExperience = years;
        }
        return dto;
    }
}
