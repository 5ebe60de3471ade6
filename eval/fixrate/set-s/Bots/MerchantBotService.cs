using DeepSynth.Compliance.Labeling;
using DeepSynth.Compliance.RealName;
using HuoPin.Live.Domain;
using HuoPin.Live.Infrastructure.Ai;
using Marten;
using Microsoft.Extensions.AI;
using Telegram.Bot;
using Telegram.Bot.Polling;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;

namespace HuoPin.Live.Bots;

/// <summary>
/// Telegram bot for merchants: binds a chat to a shop, answers quick questions about the shop and
/// sends review digests on request. Runs with long polling.
/// </summary>
public sealed class MerchantBotService(
    ITelegramBotClient bot,
    IServiceScopeFactory scopes,
    ILogger<MerchantBotService> logger) : BackgroundService
{
    private const string Help = """
        可用命令：
        /bind <绑定码> 绑定店铺（绑定码在商家后台“通知设置”中）
        /stats 查看店铺数据
        /digest <商品ID> 查看评价摘要
        /ask <问题> 向运营助手提问
        """;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var me = await bot.GetMe(stoppingToken);
        logger.LogInformation("Telegram bot @{Username} started", me.Username);

        await bot.ReceiveAsync(
            HandleUpdateAsync,
            HandleErrorAsync,
            new ReceiverOptions { AllowedUpdates = [UpdateType.Message], DropPendingUpdates = true },
            stoppingToken);
    }

    private async Task HandleUpdateAsync(ITelegramBotClient client, Update update, CancellationToken ct)
    {
        if (update.Message is not { Text: { } text } message)
        {
            return;
        }

        var chatId = message.Chat.Id;
        var (command, argument) = Split(text);

        await using var scope = scopes.CreateAsyncScope();
        var session = scope.ServiceProvider.GetRequiredService<IDocumentSession>();
        var merchant = await session.Query<MerchantProfile>().FirstOrDefaultAsync(m => m.TelegramChatId == chatId, ct);

        switch (command)
        {
            case "/start":
            case "/help":
                await client.SendMessage(chatId, Help, cancellationToken: ct);
                break;

            case "/bind":
                await BindAsync(client, session, chatId, argument, ct);
                break;

            case "/stats" when merchant is not null:
                var metrics = await session.LoadMetricsAsync(merchant.Id, DateTimeOffset.UtcNow, ct);
                await client.SendMessage(chatId,
                    $"商品 {metrics.ProductCount} 个\n近 7 日评价 {metrics.ReviewsLast7Days} 条，均分 {metrics.AverageRating:0.0}\n" +
                    $"进行中活动 {metrics.ActiveCampaigns} 个\n7 日触达 {metrics.DeliveredLast7Days} 人",
                    cancellationToken: ct);
                break;

            case "/digest" when merchant is not null:
                await SendDigestAsync(client, session, merchant, chatId, argument, ct);
                break;

            case "/ask" when merchant is not null:
                await AnswerAsync(client, scope.ServiceProvider, merchant, chatId, argument, ct);
                break;

            case "/stats" or "/digest" or "/ask":
                await client.SendMessage(chatId, "请先使用 /bind 绑定店铺。", cancellationToken: ct);
                break;

            default:
                await client.SendMessage(chatId, Help, cancellationToken: ct);
                break;
        }
    }

    private static async Task BindAsync(ITelegramBotClient client, IDocumentSession session, long chatId, string code, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(code))
        {
            await client.SendMessage(chatId, "用法：/bind <绑定码>", cancellationToken: ct);
            return;
        }

        var merchant = await session.Query<MerchantProfile>().FirstOrDefaultAsync(m => m.TelegramBindCode == code, ct);
        if (merchant is null)
        {
            await client.SendMessage(chatId, "绑定码无效或已过期。", cancellationToken: ct);
            return;
        }

        merchant.TelegramChatId = chatId;
        merchant.TelegramBindCode = null;
        session.Store(merchant);
        await session.SaveChangesAsync(ct);
        await client.SendMessage(chatId, $"已绑定店铺：{merchant.ShopName}", cancellationToken: ct);
    }

    private static async Task SendDigestAsync(ITelegramBotClient client, IDocumentSession session, MerchantProfile merchant, long chatId, string argument, CancellationToken ct)
    {
        if (!Guid.TryParse(argument, out var productId))
        {
            await client.SendMessage(chatId, "用法：/digest <商品ID>", cancellationToken: ct);
            return;
        }

        var summary = await session.LoadAsync<ReviewSummary>(productId, ct);
        if (summary is null || summary.MerchantId != merchant.Id)
        {
            await client.SendMessage(chatId, "该商品还没有评价摘要。", cancellationToken: ct);
            return;
        }

        await client.SendMessage(chatId,
            $"{summary.Summary}\n\n亮点：{string.Join("、", summary.Highlights)}\n（{summary.ReviewCount} 条评价，均分 {summary.AverageRating:0.0}）",
            cancellationToken: ct);
    }

    private static async Task AnswerAsync(ITelegramBotClient client, IServiceProvider services, MerchantProfile merchant, long chatId, string question, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(question))
        {
            await client.SendMessage(chatId, "用法：/ask <问题>", cancellationToken: ct);
            return;
        }

        var realName = services.GetRequiredService<IRealNameGate>();
        if (!await realName.IsVerifiedAsync(merchant.Id, ct))
        {
            await client.SendMessage(chatId, "运营助手仅对已完成实名认证的商家开放，请在商家后台完成认证。", cancellationToken: ct);
            return;
        }

        var chat = services.GetRequiredService<IChatClient>();
        var label = services.GetRequiredService<IAigcTextLabeler>();
        var metrics = await services.GetRequiredService<IDocumentSession>().LoadMetricsAsync(merchant.Id, DateTimeOffset.UtcNow, ct);

        var response = await chat.GetResponseAsync(
            [
                new ChatMessage(ChatRole.System,
                    $"你是“{merchant.ShopName}”的电商运营助手。店铺数据：商品 {metrics.ProductCount} 个，近 7 日评价 {metrics.ReviewsLast7Days} 条，均分 {metrics.AverageRating:0.0}。回答 150 字以内。"),
                new ChatMessage(ChatRole.User, question),
            ],
            new ChatOptions { AdditionalProperties = new() { [UsageTrackingChatClient.MerchantIdKey] = merchant.Id } },
            ct);

        await client.SendMessage(chatId, label.Label(response.Text), cancellationToken: ct);
    }

    private Task HandleErrorAsync(ITelegramBotClient client, Exception exception, CancellationToken ct)
    {
        logger.LogWarning(exception, "Telegram polling error");
        return Task.Delay(TimeSpan.FromSeconds(5), ct);
    }

    private static (string Command, string Argument) Split(string text)
    {
        var trimmed = text.Trim();
        var space = trimmed.IndexOf(' ');
        var command = (space < 0 ? trimmed : trimmed[..space]).Split('@')[0].ToLowerInvariant();
        return (command, space < 0 ? "" : trimmed[(space + 1)..].Trim());
    }
}
