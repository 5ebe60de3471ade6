using InkWell.Data;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Options;

namespace InkWell.Middleware;

public sealed class EditorsNoteOptions
{
    public bool Enabled { get; set; } = true;
    public string PathPrefix { get; set; } = "/read/";
}

/// <summary>Adds a short "editor's note" with background to article pages rendered by /read/{id}.</summary>
public sealed class EditorsNoteMiddleware(RequestDelegate next, IOptions<EditorsNoteOptions> options)
{
    private readonly EditorsNoteOptions _options = options.Value;

    public async Task InvokeAsync(HttpContext context, IChatClient chat, NewsroomCatalog catalog, ILogger<EditorsNoteMiddleware> logger)
    {
        if (!_options.Enabled || !context.Request.Path.StartsWithSegments(_options.PathPrefix.TrimEnd('/'), out var rest)
            || !int.TryParse(rest.Value?.Trim('/'), out var articleId))
        {
            await next(context);
            return;
        }

        var originalBody = context.Response.Body;
        using var buffer = new MemoryStream();
        context.Response.Body = buffer;
        try
        {
            await next(context);
        }
        finally
        {
            context.Response.Body = originalBody;
        }

        buffer.Position = 0;
        var html = await new StreamReader(buffer).ReadToEndAsync(context.RequestAborted);
        var article = catalog.FindArticle(articleId);
        var isHtml = context.Response.ContentType?.StartsWith("text/html", StringComparison.OrdinalIgnoreCase) == true;

        if (article is not null && isHtml && context.Response.StatusCode == StatusCodes.Status200OK)
        {
            var response = await chat.GetResponseAsync(
                $"In one or two sentences, write an editor's note giving readers background for this story.\n{article.Title}\n{article.Body}",
                cancellationToken: context.RequestAborted);
            html = html.Replace("</article>", $"</article><aside class=\"editors-note\"><strong>Editor's note:</strong> {response.Text}</aside>");
            logger.LogDebug("Editor's note added to article {ArticleId}", articleId);
        }

        context.Response.ContentLength = null;
        await context.Response.WriteAsync(html, context.RequestAborted);
    }
}
