using Microsoft.SemanticKernel;
using Microsoft.SemanticKernel.ChatCompletion;
using Telegram.Bot;
using Telegram.Bot.Polling;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;

namespace HelperBot;

/// <summary>The Telegram assistant bot, polling mode, registered as a hosted service elsewhere.</summary>
public sealed class BotUpdateHandler : IUpdateHandler
{
    private const string Help = "/ask 问题 — 向助手提问\n/help — 显示帮助";

    private readonly IChatCompletionService _completion;
    private readonly ILogger<BotUpdateHandler> _logger;

    public BotUpdateHandler(IChatCompletionService completion, ILogger<BotUpdateHandler> logger)
    {
        _completion = completion;
        _logger = logger;
    }

    public async Task HandleUpdateAsync(ITelegramBotClient botClient, Update update, CancellationToken cancellationToken)
    {
        if (update.Type != UpdateType.Message || update.Message?.Text is not { } text)
        {
            return;
        }

        var chatId = update.Message.Chat.Id;
        switch (text.Split(' ', 2))
        {
            case ["/start" or "/help", ..]:
                await botClient.SendMessage(chatId, Help, cancellationToken: cancellationToken);
                break;

            case ["/ask", var question]:
                await botClient.SendChatAction(chatId, ChatAction.Typing, cancellationToken: cancellationToken);
                var history = new ChatHistory("你是一个友好的 Telegram 助手。");
                history.AddUserMessage(question);
                var reply = await _completion.GetChatMessageContentAsync(history, cancellationToken: cancellationToken); // expect: DSYN004
                await botClient.SendMessage(chatId, reply.Content ?? "…", ParseMode.Markdown, cancellationToken: cancellationToken); // expect: DSYN001, DSYN002, DSYN003, DSYN005
                break;

            default:
                await botClient.SendMessage(chatId, "未知命令，发送 /help 查看用法。", cancellationToken: cancellationToken);
                break;
        }
    }

    public Task HandleErrorAsync(ITelegramBotClient botClient, Exception exception, HandleErrorSource source, CancellationToken cancellationToken)
    {
        _logger.LogError(exception, "Telegram error from {Source}", source);
        return Task.CompletedTask;
    }
}
