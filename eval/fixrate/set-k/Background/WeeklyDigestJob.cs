using System.Net;
using System.Text;
using Anthropic;
using Anthropic.Models.Messages;
using ListingAssistant.Data;
using ListingAssistant.Email;
using Microsoft.EntityFrameworkCore;
using Quartz;

namespace ListingAssistant.Background;

[DisallowConcurrentExecution]
public sealed class WeeklyDigestJob(
    IDbContextFactory<ListingDbContext> dbFactory,
    IAnthropicClient anthropic,
    IDigestMailer mailer,
    IConfiguration configuration,
    ILogger<WeeklyDigestJob> logger) : IJob
{
    public static readonly JobKey Key = new("weekly-market-digest");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);

        var since = DateTime.UtcNow.AddDays(-7);
        var newListings = await db.Listings.AsNoTracking()
            .Where(l => l.Status == "Published" && l.PublishedAtUtc >= since)
            .ToListAsync(ct);
        var subscribers = await db.Subscribers.AsNoTracking().Where(s => s.Active).ToListAsync(ct);

        var emails = new List<DigestEmail>();
        foreach (var suburbGroup in subscribers.GroupBy(s => s.PreferredSuburb))
        {
            var suburbListings = newListings.Where(l => l.Suburb == suburbGroup.Key).ToList();
            var digest = await WriteDigestAsync(suburbGroup.Key, suburbListings, ct);

            foreach (var subscriber in suburbGroup)
            {
                var greeting = $"Hi {subscriber.FirstName},";
                emails.Add(new DigestEmail(
                    subscriber.Email,
                    subscriber.FirstName,
                    $"Your {suburbGroup.Key} market update",
                    $"<p>{WebUtility.HtmlEncode(greeting)}</p>{ToHtml(digest)}",
                    $"{greeting}\n\n{digest}"));
            }
        }

        await mailer.SendAsync(emails, ct);
        logger.LogInformation("Weekly digest: {Listings} new listings, {Emails} e-mails", newListings.Count, emails.Count);
    }

    private async Task<string> WriteDigestAsync(string suburb, IReadOnlyList<Listing> listings, CancellationToken ct)
    {
        var facts = new StringBuilder();
        foreach (var l in listings)
        {
            facts.AppendLine($"- {l.Address}: {l.Bedrooms} bed {l.PropertyType}, ${l.AskingPrice:N0}. {l.Description}");
        }

        var parameters = new MessageCreateParams
        {
            Model = configuration["Anthropic:Model"] ?? "claude-sonnet-4-6",
            MaxTokens = 1200,
            System = "You write a friendly weekly property market newsletter for home buyers in Sydney.",
            Messages =
            [
                new UserMessageParam(
                    $"""
                    Write this week's market digest for {suburb}. Start with a two-sentence market overview, then
                    describe each new listing in one or two sentences, then finish with one practical tip for buyers.
                    New listings this week:
                    {(facts.Length == 0 ? "(none this week - focus on the market overview and tip)" : facts.ToString())}
                    """)
            ]
        };

        var message = await anthropic.Messages.Create(parameters, ct);
        return string.Concat(message.Content.Select(block => block.TryPickText(out var text) ? text.Text : ""));
    }

    private static string ToHtml(string digest) =>
        string.Concat(digest.Split("\n\n", StringSplitOptions.RemoveEmptyEntries)
            .Select(p => $"<p>{WebUtility.HtmlEncode(p).Replace("\n", "<br/>")}</p>"));
}
