using Microsoft.Extensions.AI;
using Microsoft.Extensions.Caching.Distributed;
using TripPal.Models;

namespace TripPal.Services;

public interface IFaqAnswerService
{
    Task<FaqAnswer> AnswerAsync(string question, CancellationToken cancellationToken);
    Task<IReadOnlyList<FaqAnswer>> PopularAsync(CancellationToken cancellationToken);
}

public sealed class FaqAnswerService(IChatClient chatClient, IDistributedCache cache, ILogger<FaqAnswerService> logger) : IFaqAnswerService
{
    private static readonly string[] PopularQuestions =
        ["Can I cancel my booking for free?", "How do I add a checked bag?", "When will I get my refund?", "Can I change the name on a booking?"];

    private static readonly DistributedCacheEntryOptions CacheFor = new() { AbsoluteExpirationRelativeToNow = TimeSpan.FromDays(7) };

    public async Task<FaqAnswer> AnswerAsync(string question, CancellationToken cancellationToken)
    {
        var key = CacheKey(question);
        if (await cache.GetStringAsync(key, cancellationToken) is { } cached)
            return new FaqAnswer(question, cached, FromCache: true);

        ChatMessage[] messages =
        [
            new(ChatRole.System, "Answer questions about TripPal bookings in at most three sentences. Say so when it depends on the hotel's policy."),
            new(ChatRole.User, question),
        ];
        var response = await chatClient.GetResponseAsync(messages, new ChatOptions { Temperature = 0.2f, MaxOutputTokens = 200 }, cancellationToken);

        await cache.SetStringAsync(key, response.Text, CacheFor, cancellationToken);
        logger.LogInformation("FAQ answer cached under {Key}", key);
        return new FaqAnswer(question, response.Text, FromCache: false);
    }

    public async Task<IReadOnlyList<FaqAnswer>> PopularAsync(CancellationToken cancellationToken)
    {
        var answers = new List<FaqAnswer>();
        foreach (var question in PopularQuestions)
        {
            var cached = await cache.GetStringAsync(CacheKey(question), cancellationToken);
            if (cached is not null)
                answers.Add(new FaqAnswer(question, cached, FromCache: true));
        }

        return answers;
    }

    private static string CacheKey(string question) => "faq:" + question.Trim().TrimEnd('?').ToLowerInvariant();
}
