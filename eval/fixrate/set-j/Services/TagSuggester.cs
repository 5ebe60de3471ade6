using InkWell.Data;
using Microsoft.SemanticKernel;

namespace InkWell.Services;

public interface ITagSuggester
{
    Task<string[]> SuggestAsync(Article article, string? focus, int max, CancellationToken cancellationToken);
}

public sealed class TagSuggester(Kernel kernel, ILogger<TagSuggester> logger) : ITagSuggester
{
    private const string Template = """
        Existing tags: {{newsroom.tag_vocabulary}}
        Recent stories in the section:
        {{newsroom.recent_titles section=$section}}

        Suggest at most {{$max}} lowercase tags for the article below, one per line, reusing existing tags where they fit.
        Editor's focus: {{$focus}}

        {{$title}}
        {{$body}}
        """;

    public async Task<string[]> SuggestAsync(Article article, string? focus, int max, CancellationToken cancellationToken)
    {
        var arguments = new KernelArguments
        {
            ["section"] = article.Section,
            ["max"] = max.ToString(),
            ["focus"] = focus ?? "none",
            ["title"] = article.Title,
            ["body"] = article.Body,
        };

        var raw = await kernel.InvokePromptAsync<string>(Template, arguments, cancellationToken: cancellationToken) ?? string.Empty;
        var tags = raw.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(t => t.TrimStart('-', '#', ' ').ToLowerInvariant())
            .Where(t => t.Length is > 1 and < 40)
            .Distinct()
            .Take(max)
            .ToArray();

        logger.LogDebug("Tags for {ArticleId}: {TagCount}", article.Id, tags.Length);
        return tags;
    }
}
