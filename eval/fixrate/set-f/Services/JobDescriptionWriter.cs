using Microsoft.Extensions.AI;
using TalentDesk.Models;

namespace TalentDesk.Services;

public interface IJobDescriptionWriter
{
    Task<JobDescriptionDto> WriteAsync(JobDescriptionRequest request, CancellationToken ct = default);
    IAsyncEnumerable<string> StreamDraftAsync(string title, string notes, CancellationToken ct = default);
}

public class JobDescriptionWriter(IChatClient chat, ILogger<JobDescriptionWriter> logger) : IJobDescriptionWriter
{
    private const string SystemPrompt =
        "You are an experienced technical recruiter. Write inclusive, concise job descriptions. " +
        "Use the sections SUMMARY, RESPONSIBILITIES, REQUIREMENTS. Bullet points start with '- '.";

    public async Task<JobDescriptionDto> WriteAsync(JobDescriptionRequest request, CancellationToken ct = default)
    {
        var niceToHave = request.NiceToHave is { Count: > 0 } extra ? string.Join(", ", extra) : "none";
        var messages = new List<ChatMessage>
        {
            new(ChatRole.System, SystemPrompt),
            new(ChatRole.User,
                $"Role: {request.Title} ({request.Seniority}) on the {request.Team} team in {request.Location}.\n" +
                $"Must have: {string.Join(", ", request.MustHave)}\nNice to have: {niceToHave}\nTone: {request.Tone}"),
        };

        var response = await chat.GetResponseAsync(messages, new ChatOptions { Temperature = 0.6f, MaxOutputTokens = 900 }, ct);
        logger.LogInformation("Job description for {Title} used {Tokens} tokens", request.Title, response.Usage?.TotalTokenCount);

        var text = response.Text;
        var summary = Section(text, "SUMMARY");
        var responsibilities = Bullets(Section(text, "RESPONSIBILITIES"));
        var requirements = Bullets(Section(text, "REQUIREMENTS"));

        return new JobDescriptionDto(request.Title, summary.Trim(), responsibilities, requirements, text);
    }

    public async IAsyncEnumerable<string> StreamDraftAsync(string title, string notes,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct = default)
    {
        var prompt = $"Draft a job ad for \"{title}\". Hiring manager notes: {notes}";
        await foreach (var update in chat.GetStreamingResponseAsync(prompt, cancellationToken: ct))
        {
            if (!string.IsNullOrEmpty(update.Text)) yield return update.Text;
        }
    }

    private static string Section(string text, string name)
    {
        var parts = text.Split(name + ":", 2, StringSplitOptions.None);
        return parts.Length < 2 ? string.Empty : parts[1].Split("\n\n", 2)[0].Trim();
    }

    private static List<string> Bullets(string section) =>
        section.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(line => line.StartsWith("- ")).Select(line => line[2..]).ToList();
}
