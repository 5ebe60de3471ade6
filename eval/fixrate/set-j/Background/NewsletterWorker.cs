using System.Text;
using InkWell.Data;
using InkWell.Email;
using Microsoft.Extensions.Options;
using Microsoft.SemanticKernel;
using Microsoft.SemanticKernel.ChatCompletion;

namespace InkWell.Background;

public sealed class NewsletterOptions
{
    public bool Enabled { get; set; } = true;
    public TimeSpan Interval { get; set; } = TimeSpan.FromDays(7);
    public int ArticleCount { get; set; } = 5;
}

public interface INewsletterComposer
{
    Task<string> ComposeIntroAsync(IReadOnlyList<Article> articles, CancellationToken cancellationToken);
}

public sealed class NewsletterComposer(IChatCompletionService chat) : INewsletterComposer
{
    public async Task<string> ComposeIntroAsync(IReadOnlyList<Article> articles, CancellationToken cancellationToken)
    {
        var history = new ChatHistory("You write the friendly opening paragraph of a local newspaper's weekly e-mail.");
        var list = new StringBuilder();
        foreach (var article in articles)
        {
            list.AppendLine($"* {article.Title} ({article.Section}): {article.Body}");
        }
        history.AddUserMessage($"This week's stories:\n{list}");

        var reply = await chat.GetChatMessageContentAsync(history, new PromptExecutionSettings(), cancellationToken: cancellationToken);
        return reply.Content ?? string.Empty;
    }
}

public sealed class NewsletterWorker(
    NewsroomCatalog catalog,
    INewsletterComposer composer,
    IEmailSender email,
    IOptions<NewsletterOptions> options,
    ILogger<NewsletterWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.Interval);
        do
        {
            if (!options.Value.Enabled) continue;

            var articles = catalog.Articles.OrderByDescending(a => a.PublishedAt).Take(options.Value.ArticleCount).ToList();
            var intro = await composer.ComposeIntroAsync(articles, stoppingToken);

            var body = new StringBuilder($"<p>{intro}</p><ul>");
            foreach (var article in articles)
            {
                body.Append($"<li><a href=\"https://inkwell.example/read/{article.Id}\">{article.Title}</a> — {catalog.AuthorName(article.AuthorId)}</li>");
            }
            body.Append("</ul>");

            var subject = $"InkWell weekly — {DateTime.UtcNow:d MMMM}";
            foreach (var subscriber in catalog.Subscribers.Where(s => s.Weekly))
            {
                await email.SendAsync(subscriber.Email, subject, $"<p>Hi {subscriber.Name},</p>{body}", stoppingToken);
            }
            logger.LogInformation("Newsletter sent to {Count} subscribers", catalog.Subscribers.Count(s => s.Weekly));
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
