using System.Runtime.CompilerServices;
using System.Text;
using ListingAssistant.Data;
using ListingAssistant.Models;
using Microsoft.Extensions.AI;

namespace ListingAssistant.Services;

public interface IListingCopyService
{
    Task<string> WriteDescriptionAsync(Listing listing, string agentNotes, string tone, int maxWords, CancellationToken ct = default);
    Task<ListingHighlights> ExtractHighlightsAsync(Listing listing, HighlightsRequest request, CancellationToken ct = default);
    IAsyncEnumerable<string> StreamNeighbourhoodSummaryAsync(Listing listing, string? buyerFocus, CancellationToken ct = default);
    Task<string> WriteTourScriptAsync(Listing listing, CancellationToken ct = default);
    Task<string> WriteOpenHouseTeaserAsync(Listing listing, CancellationToken ct = default);
}

public sealed class ListingCopyService(IChatClient chatClient, ILogger<ListingCopyService> logger) : IListingCopyService
{
    private const string CopywriterPersona =
        "You are an experienced real-estate copywriter. Write vivid but accurate copy, use Australian English, " +
        "never invent features that are not in the facts provided.";

    public async Task<string> WriteDescriptionAsync(Listing listing, string agentNotes, string tone, int maxWords, CancellationToken ct = default)
    {
        var messages = new List<ChatMessage>
        {
            new(ChatRole.System, CopywriterPersona),
            new(ChatRole.User,
                $"""
                Write a property listing description in a {tone} tone, at most {maxWords} words.

                Facts:
                {DescribeFacts(listing)}

                Agent notes from the inspection:
                {agentNotes}
                """)
        };

        var response = await chatClient.GetResponseAsync(messages, new ChatOptions { Temperature = 0.7f, MaxOutputTokens = 900 }, ct);
        logger.LogInformation("Generated description for listing {ListingId} ({Tokens} output tokens)",
            listing.Id, response.Usage?.OutputTokenCount);
        return response.Text.Trim();
    }

    public async Task<ListingHighlights> ExtractHighlightsAsync(Listing listing, HighlightsRequest request, CancellationToken ct = default)
    {
        var prompt =
            $"""
            From the facts below, produce a catchy headline, 3-5 key selling points, up to 6 hashtags and a one-line
            description of the ideal buyer{(request.TargetBuyer is null ? "" : $" (the agent is targeting: {request.TargetBuyer})")}.

            {DescribeFacts(listing)}

            Extra notes: {request.ExtraNotes ?? "none"}
            """;

        var response = await chatClient.GetResponseAsync<ListingHighlights>(
            [new ChatMessage(ChatRole.System, CopywriterPersona), new ChatMessage(ChatRole.User, prompt)],
            new ChatOptions { Temperature = 0.4f },
            cancellationToken: ct);

        return response.Result;
    }

    public async IAsyncEnumerable<string> StreamNeighbourhoodSummaryAsync(Listing listing, string? buyerFocus,
        [EnumeratorCancellation] CancellationToken ct = default)
    {
        var messages = new List<ChatMessage>
        {
            new(ChatRole.System, "You write short neighbourhood guides for home buyers: transport, schools, cafes, parks, lifestyle."),
            new(ChatRole.User,
                $"Write a 150-word neighbourhood summary for {listing.Suburb}, around {listing.Address}. " +
                $"Buyer is most interested in: {buyerFocus ?? "general lifestyle"}.")
        };

        await foreach (var update in chatClient.GetStreamingResponseAsync(messages, new ChatOptions { Temperature = 0.6f }, ct))
        {
            if (!string.IsNullOrEmpty(update.Text))
            {
                yield return update.Text;
            }
        }
    }

    public async Task<string> WriteTourScriptAsync(Listing listing, CancellationToken ct = default)
    {
        var response = await chatClient.GetResponseAsync(
            $"""
            Write a friendly 90-second spoken walkthrough script for an audio tour of this property. Speak directly to
            the listener, move room by room, no headings or stage directions.

            {DescribeFacts(listing)}
            Description: {listing.Description}
            """,
            new ChatOptions { Temperature = 0.7f, MaxOutputTokens = 700 },
            ct);

        return response.Text.Trim();
    }

    public async Task<string> WriteOpenHouseTeaserAsync(Listing listing, CancellationToken ct = default)
    {
        var response = await chatClient.GetResponseAsync(
            [
                new ChatMessage(ChatRole.System, CopywriterPersona),
                new ChatMessage(ChatRole.User,
                    $"Write a two-sentence teaser inviting buyers to today's open house at {listing.Address}, {listing.Suburb}. " +
                    $"Starts {listing.OpenHouseAtUtc:HH:mm} UTC. Features: {listing.Features.Replace(';', ',')}.")
            ],
            new ChatOptions { MaxOutputTokens = 120 },
            ct);

        return response.Text.Trim();
    }

    private static string DescribeFacts(Listing listing)
    {
        var sb = new StringBuilder();
        sb.AppendLine($"- Address: {listing.Address}, {listing.Suburb}");
        sb.AppendLine($"- Type: {listing.PropertyType}");
        sb.AppendLine($"- Bedrooms: {listing.Bedrooms}, Bathrooms: {listing.Bathrooms}, Parking: {listing.ParkingSpaces}");
        sb.AppendLine($"- Internal area: {listing.FloorAreaSqm} sqm");
        sb.AppendLine($"- Asking price: ${listing.AskingPrice:N0}");
        foreach (var feature in listing.Features.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            sb.AppendLine($"- {feature}");
        }
        return sb.ToString();
    }
}
