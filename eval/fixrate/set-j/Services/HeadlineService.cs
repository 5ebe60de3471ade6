using System.Runtime.CompilerServices;
using InkWell.Data;
using Microsoft.Extensions.AI;

namespace InkWell.Services;

public sealed record HeadlineRequest(int ArticleId, string DraftText, string? Angle, int Count = 5);

public sealed record HeadlineIdeas(List<string> Headlines, string? Kicker);

public sealed record HeadlineSuggestionResult(int ArticleId, IReadOnlyList<string> Headlines, string? Kicker, string Model, DateTimeOffset GeneratedAt);

public sealed record SummaryDraft(Guid DraftId, int ArticleId, string Summary, string Audience, string Model);

public interface IHeadlineService
{
    Task<HeadlineSuggestionResult> SuggestHeadlinesAsync(HeadlineRequest request, CancellationToken cancellationToken);
    Task<SummaryDraft> SummarizeAsync(Article article, string audience, string requestedBy, CancellationToken cancellationToken);
    IAsyncEnumerable<string> StreamSummaryAsync(Article article, CancellationToken cancellationToken);
}

public sealed class HeadlineService(IChatClient chat, SavedDraftRepository drafts, ILogger<HeadlineService> logger) : IHeadlineService
{
    private const string StyleGuide = "You are a sub-editor at a regional newspaper. Headlines are sentence case, under 70 characters, no clickbait.";

    public async Task<HeadlineSuggestionResult> SuggestHeadlinesAsync(HeadlineRequest request, CancellationToken cancellationToken)
    {
        var prompt = $"""
            Suggest {request.Count} headlines and one kicker for this draft.
            Angle: {request.Angle ?? "straight news"}

            {request.DraftText}
            """;
        var response = await chat.GetResponseAsync<HeadlineIdeas>(
            [new ChatMessage(ChatRole.System, StyleGuide), new ChatMessage(ChatRole.User, prompt)],
            cancellationToken: cancellationToken);

        var ideas = response.TryGetResult(out var parsed) ? parsed : new HeadlineIdeas([response.Text], null);
        logger.LogInformation("Generated {Count} headlines for article {ArticleId}", ideas.Headlines.Count, request.ArticleId);
        var headlines = ideas.Headlines.Select(h => h.Trim().TrimEnd('.')).Where(h => h.Length > 0).Distinct().ToList();
        return new HeadlineSuggestionResult(request.ArticleId, headlines, ideas.Kicker, response.ModelId ?? "unknown", DateTimeOffset.UtcNow);
    }

    public async Task<SummaryDraft> SummarizeAsync(Article article, string audience, string requestedBy, CancellationToken cancellationToken)
    {
        List<ChatMessage> messages =
        [
            new(ChatRole.System, StyleGuide + " Write a two-sentence standfirst."),
            new(ChatRole.User, $"Audience: {audience}\nTitle: {article.Title}\n\n{article.Body}"),
        ];
        var response = await chat.GetResponseAsync(messages, new ChatOptions { Temperature = 0.4f, MaxOutputTokens = 160 }, cancellationToken);

        var draft = new SavedDraft { Id = Guid.NewGuid(), Kind = DraftKind.Summary, ArticleId = article.Id,
            Text = response.Text.Trim(), CreatedBy = requestedBy, Model = response.ModelId ?? "gpt-4o-mini" };
        drafts.Add(draft);
        return new SummaryDraft(draft.Id, article.Id, draft.Text, audience, draft.Model);
    }

    public async IAsyncEnumerable<string> StreamSummaryAsync(Article article, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var prompt = $"Write a short standfirst for \"{article.Title}\":\n{article.Body}";
        await foreach (var update in chat.GetStreamingResponseAsync(prompt, new ChatOptions { Temperature = 0.4f }, cancellationToken))
        {
            if (!string.IsNullOrEmpty(update.Text))
            {
                yield return update.Text;
            }
        }
    }
}
