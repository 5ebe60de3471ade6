using DeepSynth.Compliance.Audit;
using DeepSynth.Compliance.Labeling;
using DeepSynth.Compliance.RealName;
using DeepSynth.Compliance.Review;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PeiFu.Claims.AI;
using PeiFu.Claims.Data;
using PeiFu.Claims.Notifications;

namespace PeiFu.Claims.Workers;

public sealed class RenewalOptions
{
    public const string Section = "Renewals";

    public int DaysBeforeExpiry { get; set; } = 30;
    public TimeSpan Interval { get; set; } = TimeSpan.FromHours(1);
    public int BatchSize { get; set; } = 50;
}

/// <summary>Hourly sweep: policies expiring soon get a renewal SMS and e-mail written by GLM.</summary>
public sealed class RenewalReminderWorker(
    IServiceScopeFactory scopes,
    IOptions<RenewalOptions> options,
    TimeProvider clock,
    ILogger<RenewalReminderWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.Interval);
        do
        {
            try
            {
                var sent = await RunOnceAsync(stoppingToken);
                if (sent > 0) logger.LogInformation("Renewal sweep sent {Count} reminders", sent);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "Renewal sweep failed");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    private async Task<int> RunOnceAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var sp = scope.ServiceProvider;
        var db = sp.GetRequiredService<ClaimsDbContext>();
        var writer = sp.GetRequiredService<IRenewalCopywriter>();

        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var horizon = today.AddDays(options.Value.DaysBeforeExpiry);

        var due = await db.Policies.AsNoTracking()
            .Where(p => p.ExpiresOn >= today && p.ExpiresOn <= horizon)
            .Where(p => !db.RenewalReminders.Any(r => r.PolicyNumber == p.PolicyNumber && r.SentAt != null))
            .OrderBy(p => p.ExpiresOn)
            .Take(options.Value.BatchSize)
            .ToListAsync(ct);

        var sent = 0;
        foreach (var policy in due)
        {
            var customer = await db.Customers.AsNoTracking().FirstOrDefaultAsync(c => c.CustomerId == policy.CustomerId, ct);
            if (customer is null) continue;

            sent += await SendSmsAsync(sp, db, writer, policy, customer, ct);
            sent += await SendEmailAsync(sp, db, writer, policy, customer, ct);
        }
        return sent;
    }

    private async Task<int> SendSmsAsync(IServiceProvider sp, ClaimsDbContext db, IRenewalCopywriter writer,
        InsurancePolicy policy, CustomerProfile customer, CancellationToken ct)
    {
        var gate = sp.GetRequiredService<IRealNameGate>();
        var review = sp.GetRequiredService<IContentReviewer>();
        var labeler = sp.GetRequiredService<IAigcTextLabeler>();
        var audit = sp.GetRequiredService<ISynthesisAuditLog>();
        var sms = sp.GetRequiredService<ISmsSender>();

        if (!await gate.IsVerifiedAsync(customer.CustomerId, ct))
        {
            logger.LogDebug("Skipping SMS renewal for {Policy}: customer not verified", policy.PolicyNumber);
            return 0;
        }

        var reminder = new RenewalReminder
        {
            Id = Guid.NewGuid(),
            PolicyNumber = policy.PolicyNumber,
            CustomerId = customer.CustomerId,
            Channel = "sms",
            CreatedAt = DateTimeOffset.UtcNow
        };

        try
        {
            var copy = await writer.WriteSmsAsync(customer.DisplayName, policy.Product, policy.ExpiresOn, policy.Premium, ct);
            var approved = await review.EnsureAllowedAsync(copy.Content, ReviewStage.Output, ct);
            await audit.RecordAsync(approved, new GenerationRecord
            {
                UserId = customer.CustomerId,
                Model = copy.Model,
                ContentId = reminder.Id.ToString("N"),
                Labeled = true,
                Attributes = { ["feature"] = "renewal-sms", ["policy"] = policy.PolicyNumber }
            }, ct);

            reminder.Body = approved;
            reminder.Model = copy.Model;
            await sms.SendAsync(customer.Mobile, labeler.Label(approved), ct);
            reminder.SentAt = DateTimeOffset.UtcNow;
        }
        catch (ContentBlockedException ex)
        {
            reminder.FailureReason = $"review:{ex.Verdict.Decision}";
        }
        catch (Exception ex) when (ex is HttpRequestException or GlmException)
        {
            reminder.FailureReason = ex.Message;
        }

        db.RenewalReminders.Add(reminder);
        await db.SaveChangesAsync(ct);
        return reminder.SentAt is null ? 0 : 1;
    }

    private async Task<int> SendEmailAsync(IServiceProvider sp, ClaimsDbContext db, IRenewalCopywriter writer,
        InsurancePolicy policy, CustomerProfile customer, CancellationToken ct)
    {
        var email = sp.GetRequiredService<IEmailSender>();
        var reminder = new RenewalReminder
        {
            Id = Guid.NewGuid(),
            PolicyNumber = policy.PolicyNumber,
            CustomerId = customer.CustomerId,
            Channel = "email",
            CreatedAt = DateTimeOffset.UtcNow
        };

        try
        {
            var copy = await writer.WriteEmailHtmlAsync(customer.DisplayName, policy.Product, policy.ExpiresOn, policy.Premium, ct);
            reminder.Body = copy.Content;
            reminder.Model = copy.Model;

            var html = $"""
                <div style="font-family:sans-serif">
                  <p>尊敬的{customer.DisplayName}：</p>
                  {copy.Content}
                  <p style="color:#888">保单号 {policy.PolicyNumber} · 赔付通客户服务 95xxx</p>
                </div>
                """;
            await email.SendAsync(customer.Email, $"您的{policy.Product}即将到期", $"保单 {policy.PolicyNumber} 将于 {policy.ExpiresOn:yyyy-MM-dd} 到期。", html, null, ct);
            reminder.SentAt = DateTimeOffset.UtcNow;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            reminder.FailureReason = ex.Message;
            logger.LogWarning(ex, "Renewal e-mail for {Policy} failed", policy.PolicyNumber);
        }

        db.RenewalReminders.Add(reminder);
        await db.SaveChangesAsync(ct);
        return reminder.SentAt is null ? 0 : 1;
    }
}
