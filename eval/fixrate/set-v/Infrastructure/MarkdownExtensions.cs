using Markdig;
using Microsoft.AspNetCore.Html;

namespace WealthPal.Infrastructure;

public static class MarkdownExtensions
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .UsePipeTables()
        .UseEmphasisExtras()
        .UseAutoLinks()
        .DisableHtml()
        .Build();

    public static string ToHtml(this string markdown) => Markdown.ToHtml(markdown ?? "", Pipeline);

    public static IHtmlContent ToHtmlContent(this string markdown) => new HtmlString(markdown.ToHtml());

    public static string ToPlainText(this string markdown) => Markdown.ToPlainText(markdown ?? "", Pipeline).Trim();

    public static string FirstSentence(this string text, int maxLength = 60)
    {
        var plain = text.ToPlainText().ReplaceLineEndings(" ");
        var end = plain.IndexOfAny(['。', '！', '？', '.']);
        var sentence = end > 0 ? plain[..(end + 1)] : plain;
        return sentence.Length <= maxLength ? sentence : sentence[..maxLength] + "…";
    }
}
