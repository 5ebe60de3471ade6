using System.Text.Json;
using Azure.Messaging.ServiceBus;
using DeepSynth.Compliance.Audit;
using DeepSynth.Compliance.Labeling;
using DeepSynth.Compliance.RealName;
using DeepSynth.Compliance.Review;
using Microsoft.Extensions.Options;
using OpenAI.Chat;
using StarHarbor.LiveOps.Data;
using StarHarbor.LiveOps.Infrastructure;
using StarHarbor.LiveOps.Models;
using StarHarbor.LiveOps.Notifications;
using StarHarbor.LiveOps.Services;

namespace StarHarbor.LiveOps.Messaging;

/// <summary>Published by the game servers when a player crosses a milestone.</summary>
public sealed record MilestoneEvent(string PlayerId, string Kind, int Value, string? AchievementName, DateTimeOffset At);

public sealed class MilestoneProcessor(
    ServiceBusClient client,
    IOptions<ServiceBusOptions> options,
    IServiceScopeFactory scopes,
    ChatClient letterModel,
    IPushDispatcher push,
    IDocumentStore store,
    IContentReviewer review,
    IAigcTextLabeler label,
    ISynthesisAuditLog audit,
    ILogger<MilestoneProcessor> logger) : BackgroundService
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private static readonly int[] CelebratedLevels = [10, 30, 50, 80, 100];
    private ServiceBusProcessor? _processor;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        _processor = client.CreateProcessor(options.Value.MilestoneQueue, new ServiceBusProcessorOptions
        {
            MaxConcurrentCalls = options.Value.MaxConcurrentCalls,
            AutoCompleteMessages = false,
            PrefetchCount = 20,
        });
        _processor.ProcessMessageAsync += OnMessageAsync;
        _processor.ProcessErrorAsync += args =>
        {
            logger.LogError(args.Exception, "Milestone processor error on {Entity} ({Source})", args.EntityPath, args.ErrorSource);
            return Task.CompletedTask;
        };

        await _processor.StartProcessingAsync(stoppingToken);
        try
        {
            await Task.Delay(Timeout.Infinite, stoppingToken);
        }
        catch (OperationCanceledException)
        {
        }
        await _processor.StopProcessingAsync(CancellationToken.None);
    }

    private async Task OnMessageAsync(ProcessMessageEventArgs args)
    {
        var evt = args.Message.Body.ToObjectFromJson<MilestoneEvent>(Json);
        if (evt is null)
        {
            await args.DeadLetterMessageAsync(args.Message, "unreadable", "body is not a MilestoneEvent");
            return;
        }

        try
        {
            switch (evt.Kind)
            {
                case "level" when CelebratedLevels.Contains(evt.Value):
                    await push.SendToPlayerAsync(evt.PlayerId,
                        new PushPayload("等级提升", $"恭喜达到 {evt.Value} 级！新的航线已经解锁。", "/profile", $"level-{evt.Value}"),
                        args.CancellationToken);
                    break;
                case "achievement":
                case "anniversary":
                    await SendHarbormasterLetterAsync(evt, args.CancellationToken);
                    break;
            }
            await args.CompleteMessageAsync(args.Message, args.CancellationToken);
        }
        catch (ContentBlockedException)
        {
            await args.DeadLetterMessageAsync(args.Message, "blocked", "letter did not pass review", args.CancellationToken);
        }
    }

    private async Task SendHarbormasterLetterAsync(MilestoneEvent evt, CancellationToken ct)
    {
        using var scope = scopes.CreateScope();
        var gate = scope.ServiceProvider.GetRequiredService<IRealNameGate>();
        if (!await gate.IsVerifiedAsync(evt.PlayerId, ct)) return;

        var profile = await store.GetAsync<PlayerProfileDoc>(Containers.Players, evt.PlayerId, evt.PlayerId, ct);
        if (profile is null) return;

        var occasion = evt.Kind == "anniversary"
            ? $"旅行者「{profile.Nickname}」来到星港已满 {evt.Value} 年"
            : $"旅行者「{profile.Nickname}」达成成就「{evt.AchievementName}」";

        var completion = (await letterModel.CompleteChatAsync(
            [new SystemChatMessage(Prompts.MilestoneLetter), new UserChatMessage(occasion)],
            new ChatCompletionOptions { Temperature = 0.9f, MaxOutputTokenCount = 300 }, ct)).Value;

        var letter = await review.EnsureAllowedAsync(completion.Content[0].Text.Trim(), ReviewStage.Output, ct);
        var letterId = $"mail_{Guid.NewGuid():N}";
        await audit.RecordAsync(letter, new GenerationRecord
        {
            UserId = evt.PlayerId, Model = completion.Model, ContentId = letterId, Labeled = true,
        }, ct);

        await store.UpsertAsync(Containers.Mailbox, new MailboxLetterDoc(letterId, evt.PlayerId, "林港务长",
            evt.Kind == "anniversary" ? "一封来自港务长的信：周年快乐" : $"一封来自港务长的信：{evt.AchievementName}",
            label.Label(letter), "npc", [], false, DateTimeOffset.UtcNow), evt.PlayerId, ct);

        await push.SendToPlayerAsync(evt.PlayerId,
            new PushPayload("港务长来信", letter.Clip(60), "/mailbox", $"letter-{letterId[..13]}"), ct);
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_processor is not null) await _processor.DisposeAsync();
        await base.StopAsync(cancellationToken);
    }
}
