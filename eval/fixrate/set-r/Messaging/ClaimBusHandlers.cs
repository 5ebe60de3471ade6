using System.Text;
using DeepSynth.Compliance.Labeling;
using DeepSynth.Compliance.Metadata;
using DeepSynth.Compliance.Review;
using Microsoft.AspNetCore.SignalR;
using Microsoft.EntityFrameworkCore;
using PeiFu.Claims.AI;
using PeiFu.Claims.Data;
using PeiFu.Claims.Hubs;
using PeiFu.Claims.Notifications;
using PeiFu.Claims.Storage;
using Rebus.Handlers;

namespace PeiFu.Claims.Messaging;

public sealed record DecisionLetterApproved(Guid LetterId, string ApprovedBy);

public sealed record FraudCaseEscalated(Guid ReviewId, string ClaimId, int RiskScore, string Summary, IReadOnlyList<string> RedFlags);

public sealed record ClaimStatusChanged(string ClaimId, ClaimStatus OldStatus, ClaimStatus NewStatus, string ChangedBy);

/// <summary>Renders the approved letter, archives it to S3 and mails it to the claimant.</summary>
public sealed class DecisionLetterApprovedHandler(
    ClaimsDbContext db,
    IDocumentStore store,
    IEmailSender email,
    IContentReviewer review,
    IAigcTextLabeler textLabeler,
    IAigcFileLabeler fileLabeler,
    ILogger<DecisionLetterApprovedHandler> logger) : IHandleMessages<DecisionLetterApproved>
{
    public async Task Handle(DecisionLetterApproved message)
    {
        var ct = CancellationToken.None;
        var letter = await db.DecisionLetters.FirstOrDefaultAsync(l => l.Id == message.LetterId, ct);
        if (letter is null || letter.Status == LetterStatus.Sent)
        {
            return;
        }
        var claim = await db.Claims.AsNoTracking().FirstAsync(c => c.Id == letter.ClaimId, ct);

        var body = await review.EnsureAllowedAsync(letter.DraftBody, ReviewStage.Output, ct);
        var labeledBody = textLabeler.Label(body);

        var markdown = new StringBuilder()
            .AppendLine($"# 理赔决定通知书（案件号 {claim.Id}）")
            .AppendLine()
            .AppendLine(labeledBody)
            .AppendLine()
            .AppendLine($"_签发日期：{DateTimeOffset.UtcNow:yyyy-MM-dd}_")
            .ToString();

        var fileName = $"decision-{claim.Id}.md";
        var document = fileLabeler.Label(Encoding.UTF8.GetBytes(markdown), new FileLabelRequest { FileName = fileName }, ct);

        var key = $"letters/{claim.Id}/{letter.Id:N}.md";
        await store.PutAsync(key, document, "text/markdown; charset=utf-8",
            new Dictionary<string, string> { ["claim-id"] = claim.Id, ["letter-id"] = letter.Id.ToString() }, ct);

        await email.SendAsync(claim.CustomerEmail, $"【赔付通】案件 {claim.Id} 理赔决定通知", labeledBody, null,
            [new EmailAttachment(fileName, "text/markdown", document)], ct);

        letter.DocumentKey = key;
        letter.Status = LetterStatus.Sent;
        letter.SentAt = DateTimeOffset.UtcNow;
        await db.SaveChangesAsync(ct);
        logger.LogInformation("Decision letter {LetterId} sent for claim {ClaimId}", letter.Id, claim.Id);
    }
}

/// <summary>Pushes high-risk cases to the fraud desk board.</summary>
public sealed class FraudCaseEscalatedHandler(IHubContext<ClaimIntakeHub> hub, ILogger<FraudCaseEscalatedHandler> logger)
    : IHandleMessages<FraudCaseEscalated>
{
    public async Task Handle(FraudCaseEscalated message)
    {
        await hub.Clients.Group(ClaimIntakeHub.FraudDeskGroup).SendAsync("fraudCaseEscalated", new
        {
            message.ReviewId,
            message.ClaimId,
            message.RiskScore,
            message.Summary,
            message.RedFlags
        });
        logger.LogInformation("Escalated claim {ClaimId} to fraud desk (risk {Risk})", message.ClaimId, message.RiskScore);
    }
}

/// <summary>Tells the customer by SMS when their claim moves to a new stage.</summary>
public sealed class ClaimStatusChangedHandler(
    ClaimsDbContext db,
    ILocalModelService local,
    ISmsSender sms,
    ILogger<ClaimStatusChangedHandler> logger) : IHandleMessages<ClaimStatusChanged>
{
    private static readonly Dictionary<ClaimStatus, string> StatusText = new()
    {
        [ClaimStatus.AwaitingDocuments] = "需要补充材料",
        [ClaimStatus.UnderReview] = "进入审核",
        [ClaimStatus.Approved] = "审核通过",
        [ClaimStatus.PartiallyApproved] = "部分通过",
        [ClaimStatus.Rejected] = "未通过审核",
        [ClaimStatus.Paid] = "赔款已支付",
        [ClaimStatus.Closed] = "已结案"
    };

    public async Task Handle(ClaimStatusChanged message)
    {
        if (!StatusText.TryGetValue(message.NewStatus, out var statusText))
        {
            return;
        }

        var claim = await db.Claims.AsNoTracking().FirstOrDefaultAsync(c => c.Id == message.ClaimId);
        if (claim is null) return;

        var text = await local.ComposeStatusSmsAsync(claim.Id, claim.CustomerName, statusText, CancellationToken.None);
        var messageId = await sms.SendAsync(claim.CustomerMobile, text.Text, CancellationToken.None);
        logger.LogInformation("Status SMS {MessageId} for claim {ClaimId} ({Status})", messageId, claim.Id, message.NewStatus);
    }
}
