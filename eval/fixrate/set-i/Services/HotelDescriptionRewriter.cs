using System.ClientModel;
using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using OpenAI.Chat;
using TripPal.Models;
using TripPal.Options;

namespace TripPal.Services;

public interface IHotelDescriptionRewriter
{
    Task<RewrittenDescription> RewriteAsync(string merchantId, string hotelId, HotelDescriptionRequest request, CancellationToken cancellationToken);
}

public sealed record DescriptionRevision(string HotelId, string Before, string After, DateTimeOffset At);

/// <summary>Keeps previous descriptions so a rollback screen can be built later.</summary>
public sealed class DescriptionRevisionArchive
{
    private readonly ConcurrentQueue<DescriptionRevision> _revisions = new();

    public void Add(DescriptionRevision revision) => _revisions.Enqueue(revision);
}

public sealed class HotelDescriptionRewriter(ChatClient chatClient, DescriptionRevisionArchive archive, IOptions<OpenAiSettings> options,
    ILogger<HotelDescriptionRewriter> logger) : IHotelDescriptionRewriter
{
    private static readonly ChatCompletionOptions CompletionOptions = new() { Temperature = 0.7f, MaxOutputTokenCount = 600 };

    public async Task<RewrittenDescription> RewriteAsync(string merchantId, string hotelId, HotelDescriptionRequest request, CancellationToken cancellationToken)
    {
        var amenities = request.Amenities is { Count: > 0 } ? string.Join(", ", request.Amenities) : "not listed";
        List<ChatMessage> messages =
        [
            new SystemChatMessage("You rewrite hotel listings for a travel marketplace. Keep every fact, drop superlatives nobody can check, 120 to 180 words."),
            new UserChatMessage($"""
                Hotel: {request.HotelName} in {request.City}
                Tone: {request.Tone}
                Amenities: {amenities}
                Current description:
                {request.CurrentDescription}
                """),
        ];

        ClientResult<ChatCompletion> result = await chatClient.CompleteChatAsync(messages, CompletionOptions, cancellationToken);
        var description = result.Value.Content[0].Text.Trim();

        archive.Add(new DescriptionRevision(hotelId, request.CurrentDescription, description, DateTimeOffset.UtcNow));
        logger.LogInformation("Rewrote hotel {HotelId} for merchant {MerchantId} ({Tokens} tokens)", hotelId, merchantId, result.Value.Usage?.TotalTokenCount);

        var words = description.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
        return new RewrittenDescription(merchantId, hotelId, request.Tone, description, words, options.Value.MerchantDeployment, DateTimeOffset.UtcNow);
    }
}
