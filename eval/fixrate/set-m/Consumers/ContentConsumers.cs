using MassTransit;
using ShopCopilot.Data;
using ShopCopilot.Hubs;
using ShopCopilot.Models;
using ShopCopilot.Services;

namespace ShopCopilot.Consumers;

public sealed class TranslateListingConsumer(IContentStore store, IListingTranslator translator, ILogger<TranslateListingConsumer> logger)
    : IConsumer<TranslateListing>
{
    public async Task Consume(ConsumeContext<TranslateListing> context)
    {
        var message = context.Message;
        var listing = await store.GetListingAsync(message.ListingId, context.CancellationToken);
        if (listing is null)
        {
            logger.LogWarning("Listing {ListingId} disappeared before translation job {JobId}", message.ListingId, message.JobId);
            return;
        }

        var title = await translator.TranslateAsync(listing.Title, message.TargetLanguage, context.CancellationToken);
        var description = await translator.TranslateAsync(listing.Description, message.TargetLanguage, context.CancellationToken);

        await store.SaveTranslationAsync(new TranslationRow
        {
            ListingId = listing.Id,
            Language = message.TargetLanguage,
            Title = title,
            Description = description,
            Engine = translator.EngineName,
        }, context.CancellationToken);

        await context.Publish(new ListingTranslated(message.JobId, listing.Id, message.TargetLanguage, title, description, message.RequestedBy));
    }
}

public sealed class ListingTranslatedConsumer(ISellerNotifier notifier) : IConsumer<ListingTranslated>
{
    public Task Consume(ConsumeContext<ListingTranslated> context) =>
        notifier.TranslationReadyAsync(context.Message.SellerId, context.Message.ListingId, context.Message.Language,
            context.Message.Title, context.CancellationToken);
}

public sealed class DraftPushTextConsumer(IContentStore store, IMarketingWriter writer) : IConsumer<DraftPushText>
{
    public async Task Consume(ConsumeContext<DraftPushText> context)
    {
        var request = context.Message;
        var listing = (await store.GetListingsForSkuAsync(request.Sku, context.CancellationToken)).FirstOrDefault();
        var summary = listing?.Title ?? request.Sku;

        var text = await writer.WritePushTextAsync(summary, request.Occasion, request.MaxChars, request.Language, context.CancellationToken);
        if (text.Length > request.MaxChars)
        {
            text = text[..request.MaxChars];
        }

        await context.RespondAsync(new PushTextDrafted(request.Sku, text, writer.ModelName));
    }
}

public sealed class PromoEmailConsumer(IContentStore store, IMarketingWriter writer, IMailOutbox outbox) : IConsumer<GeneratePromoEmail>
{
    public async Task Consume(ConsumeContext<GeneratePromoEmail> context)
    {
        var m = context.Message;
        var listing = (await store.GetListingsForSkuAsync(m.Sku, context.CancellationToken)).FirstOrDefault();
        var (subject, body) = await writer.WritePromoEmailAsync(listing?.Title ?? m.Sku, m.Audience, m.Occasion, m.DiscountPercent, m.Language, context.CancellationToken);

        var plain = System.Text.RegularExpressions.Regex.Replace(body, "<[^>]+>", string.Empty);
        var id = await store.SaveCampaignAsync(new CampaignRow { Sku = m.Sku, Subject = subject, HtmlBody = body, PlainBody = plain, Status = "sending" }, context.CancellationToken);

        var sent = await outbox.SendCampaignAsync(m.Recipients, subject, body, plain, context.CancellationToken);
        await store.MarkCampaignAsync(id, sent ? "sent" : "failed", context.CancellationToken);
    }
}

public sealed class BuyerQuestionConsumer(IBuyerAssistant assistant, IContentStore store, ISellerNotifier notifier) : IConsumer<BuyerQuestionReceived>
{
    public async Task Consume(ConsumeContext<BuyerQuestionReceived> context)
    {
        var m = context.Message;
        await store.AppendChatTurnAsync(m.SessionId, "buyer", m.Question, context.CancellationToken);
        var answer = await assistant.AnswerAsync(m.Sku, m.Question, [], context.CancellationToken);
        await store.AppendChatTurnAsync(m.SessionId, "assistant", answer, context.CancellationToken);
        await notifier.AnswerReadyAsync(m.ConnectionId, m.SessionId, answer, context.CancellationToken);
    }
}

public sealed class ReviewDigestReadyConsumer(IMailOutbox outbox, IConfiguration configuration) : IConsumer<ReviewDigestReady>
{
    public async Task Consume(ConsumeContext<ReviewDigestReady> context)
    {
        var to = configuration["Mail:SellerDigestTo"];
        if (string.IsNullOrEmpty(to))
        {
            return;
        }

        await outbox.SendOperationalAsync(to, $"Review digest for {context.Message.Sku} ({context.Message.ReviewCount} reviews)",
            context.Message.Summary, context.CancellationToken);
    }
}
