using System.Threading.Channels;
using LinguaPath.Data;
using LinguaPath.Models;
using LinguaPath.Services;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Twilio;
using Twilio.Rest.Api.V2010.Account;
using Twilio.Types;

namespace LinguaPath.Notifications;

public interface IReminderQueue
{
    ValueTask EnqueueAsync(ReminderRequest request, CancellationToken ct = default);
}

public sealed class ReminderQueue : IReminderQueue
{
    private readonly Channel<ReminderRequest> _channel = Channel.CreateBounded<ReminderRequest>(
        new BoundedChannelOptions(500) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true });

    public ChannelReader<ReminderRequest> Reader => _channel.Reader;

    public ValueTask EnqueueAsync(ReminderRequest request, CancellationToken ct = default) =>
        _channel.Writer.WriteAsync(request, ct);
}

/// <summary>
/// Drains the reminder queue: asks the model for a one-line study tip tailored to the
/// student's recent weak area and sends it by SMS.
/// </summary>
public sealed class ReminderDispatcher(
    ReminderQueue queue,
    IServiceScopeFactory scopes,
    IOptions<TwilioOptions> twilioOptions,
    ILogger<ReminderDispatcher> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var twilio = twilioOptions.Value;
        TwilioClient.Init(twilio.AccountSid, twilio.AuthToken);

        await foreach (var request in queue.Reader.ReadAllAsync(stoppingToken))
        {
            try
            {
                await DispatchAsync(request, twilio, stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "Reminder for student {StudentId} failed", request.StudentId);
            }
        }
    }

    private async Task DispatchAsync(ReminderRequest request, TwilioOptions twilio, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TutorDbContext>();
        var tips = scope.ServiceProvider.GetRequiredService<IStudyTipClient>();

        var student = await db.Students.AsNoTracking().FirstOrDefaultAsync(s => s.Id == request.StudentId, ct);
        if (student?.Phone is null)
        {
            logger.LogWarning("Student {StudentId} has no phone number, skipping reminder", request.StudentId);
            return;
        }

        var weakArea = await db.Progress.AsNoTracking()
            .Where(p => p.StudentId == student.Id && p.WeakArea != null)
            .OrderByDescending(p => p.Day)
            .Select(p => p.WeakArea)
            .FirstOrDefaultAsync(ct) ?? "vocabulary";

        var tip = await tips.CompleteAsync(
            "You write one-sentence motivational study tips for language learners. Max 140 characters, no emojis.",
            $"Learner {student.DisplayName} studies {student.TargetLanguage} at level {student.Level} and struggles with {weakArea}.",
            maxTokens: 80,
            ct: ct);

        var message = await MessageResource.CreateAsync(
            to: new PhoneNumber(student.Phone),
            from: new PhoneNumber(twilio.FromNumber),
            body: $"Hi {student.DisplayName}! Time for today's practice. Tip: {tip}");

        logger.LogInformation("Reminder SMS {MessageSid} queued for student {StudentId}", message.Sid, student.Id);
    }
}
