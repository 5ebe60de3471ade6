using Anthropic;
using Anthropic.Models.Messages;
using ClipForge.Configuration;
using Microsoft.Extensions.Options;

namespace ClipForge.Ai;

public sealed record CommentContext(string Platform, string CommentText, string? AuthorHandle, string? PostContext);

public interface ICommentReplyGenerator
{
    string Model { get; }
    Task<IReadOnlyList<string>> SuggestAsync(CommentContext comment, int count, CancellationToken ct);
    Task<string> ComposeAsync(CommentContext comment, CancellationToken ct);
}

/// <summary>Comment replies run on Claude; it follows the creator's persona instructions better than our default model.</summary>
internal sealed class ClaudeCommentReplyGenerator(IAnthropicClient anthropic, IOptions<AiModelOptions> options, ILogger<ClaudeCommentReplyGenerator> logger)
    : ICommentReplyGenerator
{
    private const string Persona =
        "You reply to viewer comments on behalf of a Chinese short-video creator. Reply in the comment's language, " +
        "friendly and brief (under 60 characters), never promise giveaways, never share contact details.";

    private readonly AnthropicOptions _options = options.Value.Anthropic;

    public string Model => _options.Model;

    public async Task<IReadOnlyList<string>> SuggestAsync(CommentContext comment, int count, CancellationToken ct)
    {
        var text = await CompleteAsync(
            $"Write {count} alternative replies, one per line, no numbering.\n\n{Describe(comment)}", ct);

        return text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(l => l.Length > 0)
            .Take(count)
            .ToList();
    }

    public Task<string> ComposeAsync(CommentContext comment, CancellationToken ct) =>
        CompleteAsync($"Write one reply.\n\n{Describe(comment)}", ct);

    private async Task<string> CompleteAsync(string prompt, CancellationToken ct)
    {
        var message = await anthropic.Messages.Create(new MessageCreateParams
        {
            Model = _options.Model,
            MaxTokens = _options.MaxTokens,
            System = Persona,
            Messages = [new UserMessageParam(prompt)]
        }, ct);

        logger.LogDebug("Claude reply: {Input} in / {Output} out tokens", message.Usage.InputTokens, message.Usage.OutputTokens);

        return string.Concat(message.Content.Select(block => block.TryPickText(out var t) ? t.Text : string.Empty)).Trim();
    }

    private static string Describe(CommentContext c) =>
        $"Platform: {c.Platform}\nVideo: {c.PostContext ?? "(unknown)"}\nCommenter: {c.AuthorHandle ?? "viewer"}\nComment: {c.CommentText}";
}
