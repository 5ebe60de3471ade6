using DeepSynth.Compliance.Audit;
using DeepSynth.Compliance.Labeling;
using DeepSynth.Compliance.RealName;
using DeepSynth.Compliance.Review;
using Microsoft.Extensions.AI;
using Telegram.Bot;
using Telegram.Bot.Polling;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;

namespace Community.Bot
{
    /// <summary>
    /// Group-chat assistant. The team assumed private chats were "not publishing", so real-name is only checked
    /// in groups; and inline "/tldr" summaries of forwarded posts skip the input review.
    /// </summary>
    internal sealed class CommunityBot(
        IChatClient chat,
        IContentReviewer reviewer,
        IAigcTextLabeler labeler,
        ISynthesisAuditLog audit,
        IServiceScopeFactory scopeFactory) : IUpdateHandler
    {
        public async Task HandleUpdateAsync(ITelegramBotClient bot, Update update, CancellationToken ct)
        {
            if (update.Message is not { Text: { } text, From: { } from } message)
            {
                return;
            }

            var userId = from.Id.ToString();
            if (message.Chat.Type is ChatType.Group or ChatType.Supergroup)
            {
                await using var scope = scopeFactory.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<IRealNameGate>().EnsureVerifiedAsync(userId, ct);
            }

            if (text.StartsWith("/tldr", StringComparison.Ordinal) && message.ReplyToMessage?.Text is { } post)
            {
                var summary = await chat.GetResponseAsync($"用一句话概括：{post}", cancellationToken: ct); // expect: DSYN004
                var safeSummary = await reviewer.EnsureAllowedAsync(summary.Text, ReviewStage.Output, ct);
                await audit.RecordAsync(safeSummary, new GenerationRecord { UserId = userId }, ct);
                await bot.SendMessage(message.Chat, labeler.Label(safeSummary), replyParameters: message, cancellationToken: ct); // expect: DSYN002
                return;
            }

            var question = await reviewer.EnsureAllowedAsync(text, ReviewStage.Input, ct);
            var response = await chat.GetResponseAsync(question, cancellationToken: ct);
            var answer = await reviewer.EnsureAllowedAsync(response.Text, ReviewStage.Output, ct);
            await audit.RecordAsync(answer, new GenerationRecord { UserId = userId, Model = response.ModelId }, ct);
            await bot.SendMessage(message.Chat, labeler.Label(answer), cancellationToken: ct); // expect: DSYN002
        }

        public Task HandleErrorAsync(ITelegramBotClient bot, Exception exception, HandleErrorSource source, CancellationToken ct) => Task.CompletedTask;
    }
}
