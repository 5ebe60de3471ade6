using Coravel.Queuing.Interfaces;
using DeepSynth.Compliance.Audit;
using DeepSynth.Compliance.Labeling;
using DeepSynth.Compliance.RealName;
using DeepSynth.Compliance.Review;
using Microsoft.AspNetCore.SignalR;
using ZhengWuTong.Domain;
using ZhengWuTong.Hubs;
using ZhengWuTong.Infrastructure.Notifications;
using ZhengWuTong.Infrastructure.Storage;
using ZhengWuTong.Jobs;
using ZhengWuTong.Services;

namespace ZhengWuTong.Messaging;

public sealed record NoticePublished(string NoticeId, string PublishedBy);

public sealed record LetterDispatchRequested(string LetterId, string ClerkId);

public sealed record FeedbackReceived(string TicketId, string CitizenId);

public sealed record LetterDispatched(string LetterId, DateTime SentAt);

public static class NoticePublishedHandler
{
    public static async Task Handle(
        NoticePublished message,
        INoticeRepository notices,
        INoticeService noticeService,
        IAigcTextLabeler label,
        IHubContext<ResidentAssistantHub> hub,
        ITelegramBroadcaster telegram,
        IQueue queue,
        ILogger<NoticePublished> logger,
        CancellationToken ct)
    {
        var notice = notices.Get(message.NoticeId);
        if (notice is null)
        {
            logger.LogWarning("Published notice {Id} not found", message.NoticeId);
            return;
        }

        await hub.Clients.All.SendAsync("noticePublished", new
        {
            id = message.NoticeId,
            notice.Title,
            notice.Department,
            body = label.Label(notice.Body)
        }, ct);

        var summary = await noticeService.SummarizeForChannelAsync(notice, ct);
        notice.Summary = summary;
        notices.Update(notice);

        await telegram.PostToChannelAsync($"{notice.Title}\n\n{summary}\n\n详情：/public/notices/{message.NoticeId}/page", ct);

        queue.QueueInvocableWithPayload<NoticeTranslationJob, string>(message.NoticeId);
    }
}

public static class LetterDispatchRequestedHandler
{
    public static async Task<LetterDispatched?> Handle(
        LetterDispatchRequested message,
        ILetterRepository letters,
        IRealNameGate realName,
        IAigcTextLabeler label,
        IMailDispatcher mail,
        ILogger<LetterDispatchRequested> logger,
        CancellationToken ct)
    {
        var letter = letters.Get(message.LetterId);
        if (letter is null)
        {
            return null;
        }

        await realName.EnsureVerifiedAsync(message.ClerkId, ct);

        var body = letter.FinalBody ?? letter.DraftBody;
        try
        {
            await mail.SendAsync(letter.RecipientEmail, letter.RecipientName, $"关于案件{letter.CaseNumber}的{letter.LetterType}", label.Label(body), ct);
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "Sending letter {LetterId} failed", message.LetterId);
            letter.Status = LetterStatus.Failed;
            letters.Update(letter);
            throw;
        }

        letter.Status = LetterStatus.Sent;
        letter.SentAt = DateTime.UtcNow;
        letters.Update(letter);
        return new LetterDispatched(message.LetterId, letter.SentAt.Value);
    }
}

public static class LetterDispatchedHandler
{
    public static void Handle(LetterDispatched message, ILogger<LetterDispatched> logger) =>
        logger.LogInformation("Letter {LetterId} sent at {SentAt:o}", message.LetterId, message.SentAt);
}

public static class FeedbackReceivedHandler
{
    public static async Task Handle(
        FeedbackReceived message,
        GovDataStore store,
        INoticeService noticeService,
        IRealNameGate realName,
        IContentReviewer review,
        IAigcTextLabeler label,
        ISynthesisAuditLog audit,
        ISmsGateway sms,
        ILogger<FeedbackReceived> logger,
        CancellationToken ct)
    {
        if (!NoticeRepository.ObjectIdTryParse(message.TicketId, out var oid))
        {
            return;
        }

        var ticket = store.Feedback.FindById(oid);
        var account = store.Citizens.FindById(message.CitizenId);
        if (ticket is null || account?.MobileNumber is null)
        {
            return;
        }

        await realName.EnsureVerifiedAsync(message.CitizenId, ct);

        var inputVerdict = await review.ReviewAsync(ticket.Message, ReviewStage.Input, ct);
        if (!inputVerdict.IsAllowed)
        {
            logger.LogInformation("Feedback {TicketId} routed to manual handling ({Decision})", message.TicketId, inputVerdict.Decision);
            return;
        }

        var completion = await noticeService.DraftFeedbackReplyAsync(ticket, ct);
        var reply = await review.EnsureAllowedAsync(completion.Text, ReviewStage.Output, ct);

        await audit.RecordAsync(reply, new GenerationRecord
        {
            UserId = message.CitizenId,
            Model = completion.Model,
            ContentId = message.TicketId,
            Labeled = true
        }, ct);

        ticket.AutoReply = reply;
        store.Feedback.Update(ticket);

        await sms.SendAsync(account.MobileNumber, label.Label(reply), ct);
    }
}
