using Azure.AI.OpenAI;
using DeepSynth.Compliance.Audit;
using DeepSynth.Compliance.Labeling;
using DeepSynth.Compliance.Review;
using Mediator;
using OpenAI.Chat;
using StarHarbor.LiveOps.Data;
using StarHarbor.LiveOps.Infrastructure;
using StarHarbor.LiveOps.Messaging;
using StarHarbor.LiveOps.Models;
using StarHarbor.LiveOps.Notifications;
using StarHarbor.LiveOps.Services;

namespace StarHarbor.LiveOps.Commands;

public sealed record DraftAnnouncementCommand(
    string StaffId, string Kind, string Region, string Headline, IReadOnlyList<string> Changelog, string Tone)
    : ICommand<AnnouncementDraftView>;

public sealed class DraftAnnouncementHandler(
    ChatClient patchNotesModel,
    IDocumentStore store,
    IContentReviewer review,
    IAigcTextLabeler label,
    ISynthesisAuditLog audit,
    IUsageMeter usage,
    TimeProvider clock) : ICommandHandler<DraftAnnouncementCommand, AnnouncementDraftView>
{
    public async ValueTask<AnnouncementDraftView> Handle(DraftAnnouncementCommand command, CancellationToken cancellationToken)
    {
        await review.EnsureAllTextAllowedAsync(command, ReviewStage.Input, cancellationToken);

        var changes = string.Join('\n', command.Changelog.Select((c, i) => $"{i + 1}. {c}"));
        List<ChatMessage> messages =
        [
            new SystemChatMessage(Prompts.PatchNotesEditor),
            new UserChatMessage($"Type: {command.Kind}\nRegion: {command.Region}\nHeadline: {command.Headline}\nTone: {command.Tone}\nChanges:\n{changes}"),
        ];
        var completion = (await patchNotesModel.CompleteChatAsync(messages,
            new ChatCompletionOptions { Temperature = 0.4f, MaxOutputTokenCount = 1200 }, cancellationToken)).Value;

        var body = await review.EnsureAllowedAsync(completion.Content[0].Text, ReviewStage.Output, cancellationToken);
        usage.Record("openai", completion.Model, completion.Usage.InputTokenCount, completion.Usage.OutputTokenCount);

        var doc = new AnnouncementDoc
        {
            Id = $"ann_{clock.GetUtcNow():yyyyMMdd}_{Guid.NewGuid().ToString("N")[..8]}",
            Kind = command.Kind,
            Region = command.Region,
            Headline = command.Headline,
            Changelog = command.Changelog,
            DraftBody = body,
            CreatedBy = command.StaffId,
            CreatedAt = clock.GetUtcNow(),
            Model = completion.Model,
        };
        await store.UpsertAsync(Containers.Announcements, doc, doc.Region, cancellationToken);
        await audit.RecordAsync(body, new GenerationRecord { UserId = command.StaffId, Model = completion.Model, ContentId = doc.Id }, cancellationToken);

        return new AnnouncementDraftView(doc.Id, doc.Headline, label.Label(body), completion.Model,
            completion.Usage.InputTokenCount, completion.Usage.OutputTokenCount);
    }
}

public sealed record AnnouncementPublished(string AnnouncementId, string Region, string Kind, string Headline, string Body, DateTimeOffset? PublishAt)
    : INotification;

public sealed class BannerBroadcastOnPublish(IBannerBroadcaster broadcaster) : INotificationHandler<AnnouncementPublished>
{
    public async ValueTask Handle(AnnouncementPublished notification, CancellationToken cancellationToken) =>
        await broadcaster.SendAnnouncementAsync(new BannerMessage(
            notification.AnnouncementId, notification.Region, notification.Kind, notification.Headline,
            notification.Body, notification.PublishAt ?? DateTimeOffset.UtcNow), cancellationToken);
}

public sealed class SubscriberPushOnPublish(IPushDispatcher push, IDocumentStore store, ILogger<SubscriberPushOnPublish> logger)
    : INotificationHandler<AnnouncementPublished>
{
    public async ValueTask Handle(AnnouncementPublished notification, CancellationToken cancellationToken)
    {
        var title = notification.Kind == "patch-notes" ? "星港版本更新" : "星港活动公告";
        var delivered = await push.SendToRegionAsync(notification.Region,
            new PushPayload(title, notification.Headline, $"/announcements/{notification.AnnouncementId}", $"ann-{notification.AnnouncementId}"),
            cancellationToken);

        var doc = await store.GetAsync<AnnouncementDoc>(Containers.Announcements, notification.AnnouncementId, notification.Region, cancellationToken);
        if (doc is not null)
            await store.UpsertAsync(Containers.Announcements, doc with { PushDeliveries = doc.PushDeliveries + delivered }, doc.Region, cancellationToken);
        logger.LogInformation("Announcement {Id} pushed to {Count} subscribers", notification.AnnouncementId, delivered);
    }
}

public interface IAnnouncementTranslator
{
    string Deployment { get; }
    Task<string> TranslateAsync(string text, string targetLanguage, CancellationToken ct);
}

/// <summary>Azure OpenAI deployment in the Singapore region, used for the global-server copies of announcements.</summary>
public sealed class AzureAnnouncementTranslator(AzureOpenAIClient client, Microsoft.Extensions.Options.IOptions<ModelProvidersOptions> options)
    : IAnnouncementTranslator
{
    public string Deployment => options.Value.AzureOpenAI.TranslationDeployment;

    public async Task<string> TranslateAsync(string text, string targetLanguage, CancellationToken ct)
    {
        var chat = client.GetChatClient(Deployment);
        var completion = await chat.CompleteChatAsync(
        [
            new SystemChatMessage($"Translate the game announcement into {targetLanguage}. Keep item names in the official glossary form, keep numbers and dates unchanged, keep the section markers."),
            new UserChatMessage(text),
        ], new ChatCompletionOptions { Temperature = 0.1f }, ct);
        return completion.Value.Content[0].Text.Trim();
    }
}
