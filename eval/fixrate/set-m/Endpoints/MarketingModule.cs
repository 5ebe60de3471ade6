using Carter;
using MassTransit;
using ShopCopilot.Data;
using ShopCopilot.Models;
using ShopCopilot.Services;

namespace ShopCopilot.Endpoints;

public sealed class MarketingModule : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/marketing").WithTags("Marketing");

        group.MapPost("/emails", async (PromoEmailRequest request, IMarketingWriter writer, IContentStore store, CancellationToken ct) =>
        {
            var listing = (await store.GetListingsForSkuAsync(request.Sku, ct)).FirstOrDefault();
            if (listing is null)
            {
                return Results.Problem($"SKU {request.Sku} has no listing yet; generate one first.", statusCode: 409);
            }

            var (subject, body) = await writer.WritePromoEmailAsync(listing.Title, request.Audience, request.Occasion, request.DiscountPercent, request.Language, ct);
            var row = new CampaignRow
            {
                Sku = request.Sku,
                Subject = subject,
                HtmlBody = body,
                PlainBody = System.Text.RegularExpressions.Regex.Replace(body, "<[^>]+>", string.Empty),
                Status = "draft",
            };
            row.Id = await store.SaveCampaignAsync(row, ct);
            return Results.Created($"/api/marketing/emails/{row.Id}", row.ToView());
        });

        group.MapGet("/emails/{id:long}", async (long id, IContentStore store, CancellationToken ct) =>
            await store.GetCampaignAsync(id, ct) is { } row ? Results.Ok(row.ToView()) : Results.NotFound());

        group.MapPost("/emails/{id:long}/send", async (long id, SendCampaignBody body, IContentStore store, IMailOutbox outbox, CancellationToken ct) =>
        {
            var row = await store.GetCampaignAsync(id, ct);
            if (row is null)
            {
                return Results.NotFound();
            }

            var sent = await outbox.SendCampaignAsync(body.Recipients, row.Subject, row.HtmlBody, row.PlainBody, ct);
            await store.MarkCampaignAsync(id, sent ? "sent" : "failed", ct);
            return Results.Ok(new { id, status = sent ? "sent" : "failed", recipients = body.Recipients.Count });
        });

        group.MapPost("/emails/schedule", async (GeneratePromoEmail message, ISendEndpointProvider sendEndpoints, CancellationToken ct) =>
        {
            var endpoint = await sendEndpoints.GetSendEndpoint(new Uri("queue:promo-email"));
            await endpoint.Send(message, ct);
            return Results.Accepted(value: new { message.Sku, recipients = message.Recipients.Count });
        });

        group.MapPost("/push", async (PushTextRequest request, IRequestClient<DraftPushText> client, IContentCache cache, CancellationToken ct) =>
        {
            var response = await client.GetResponse<PushTextDrafted>(
                new DraftPushText(request.Sku, request.Occasion, request.MaxChars, request.Language), ct);
            var push = new CachedPushText(request.Sku, request.Language, response.Message.Text, response.Message.Model, DateTimeOffset.UtcNow);
            await cache.StorePushTextAsync(push, ct);
            return Results.Ok(new { push.Sku, push.Text });
        });

        group.MapGet("/push/{sku}", async (string sku, string? lang, IContentCache cache, CancellationToken ct) =>
            await cache.GetPushTextAsync(sku, lang ?? "en", ct) is { } push
                ? Results.Ok(new { push.Sku, push.Language, push.Text, push.CreatedAt })
                : Results.NotFound(new { error = $"No push text cached for {sku}" }));

        group.MapGet("/push/{sku}/meta", async (string sku, string? lang, IContentCache cache, CancellationToken ct) =>
            await cache.GetPushTextAsync(sku, lang ?? "en", ct) is { } push
                ? Results.Ok(new { push.Sku, push.Model, length = push.Text.Length, push.CreatedAt })
                : Results.NotFound());
    }
}

public sealed record SendCampaignBody(IReadOnlyList<string> Recipients);
