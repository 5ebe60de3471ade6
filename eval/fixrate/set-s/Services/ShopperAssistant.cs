using System.ComponentModel;
using System.Runtime.CompilerServices;
using HuoPin.Live.Domain;
using Marten;
using Microsoft.Agents.AI;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Caching.Memory;

namespace HuoPin.Live.Services;

public sealed record AssistantReply(string Text, string? ResponseId, long? TotalTokens);

public interface IShopperAssistant
{
    Task<AssistantReply> AskAsync(string shopperId, Guid? productId, string question, CancellationToken ct);
    IAsyncEnumerable<string> StreamAsync(string shopperId, Guid? productId, string question, CancellationToken ct);
    Task<string> SuggestHostReplyAsync(string roomId, string buyerMessage, CancellationToken ct);
}

/// <summary>
/// Customer-service agent for shoppers in the live room and on product pages. Product facts and
/// shipping rules come from tools, so the model does not make up prices or stock.
/// </summary>
public sealed class ShopperAssistant : IShopperAssistant
{
    private const string Instructions = """
        你是“货品直播间”的智能客服，回答买家关于商品、价格、库存、发货和售后的问题。
        - 商品信息必须通过 lookup_product 工具查询，不要编造价格或库存。
        - 发货与退换规则通过 shipping_policy 工具查询。
        - 回答简洁友好，不超过 120 字；涉及退款纠纷时建议联系人工客服。
        """;

    private readonly IChatClient _chat;
    private readonly IServiceScopeFactory _scopes;
    private readonly IMemoryCache _sessions;
    private readonly ChatClientAgent _agent;

    public ShopperAssistant(IChatClient chat, IServiceScopeFactory scopes, IMemoryCache sessions, ILoggerFactory loggerFactory, IServiceProvider services)
    {
        _chat = chat;
        _scopes = scopes;
        _sessions = sessions;
        _agent = new ChatClientAgent(
            chat,
            instructions: Instructions,
            name: "huopin-shopper-assistant",
            description: "Answers shopper questions during livestreams",
            tools:
            [
                AIFunctionFactory.Create(LookupProductAsync, "lookup_product"),
                AIFunctionFactory.Create(ShippingPolicy, "shipping_policy"),
            ],
            loggerFactory: loggerFactory,
            services: services);
    }

    public async Task<AssistantReply> AskAsync(string shopperId, Guid? productId, string question, CancellationToken ct)
    {
        var session = await SessionForAsync(shopperId, ct);
        var response = await _agent.RunAsync(Compose(productId, question), session, cancellationToken: ct);
        return new AssistantReply(response.Text, response.ResponseId, response.Usage?.TotalTokenCount);
    }

    public async IAsyncEnumerable<string> StreamAsync(string shopperId, Guid? productId, string question, [EnumeratorCancellation] CancellationToken ct)
    {
        var session = await SessionForAsync(shopperId, ct);
        await foreach (var update in _agent.RunStreamingAsync(Compose(productId, question), session, cancellationToken: ct))
        {
            if (!string.IsNullOrEmpty(update.Text))
            {
                yield return update.Text;
            }
        }
    }

    public async Task<string> SuggestHostReplyAsync(string roomId, string buyerMessage, CancellationToken ct)
    {
        var response = await _chat.GetResponseAsync(
            [
                new ChatMessage(ChatRole.System, "你是直播间场控助手，为主播拟一句回应弹幕的话术，30 字以内，热情但不过度承诺。"),
                new ChatMessage(ChatRole.User, $"直播间 {roomId} 的弹幕：{buyerMessage}"),
            ],
            new ChatOptions { Temperature = 0.7f, MaxOutputTokens = 80 },
            ct);
        return response.Text.Trim();
    }

    private static string Compose(Guid? productId, string question) =>
        productId is null ? question : $"[当前讲解商品 ID: {productId}] {question}";

    private async Task<AgentSession> SessionForAsync(string shopperId, CancellationToken ct)
    {
        if (_sessions.TryGetValue($"agent-session:{shopperId}", out AgentSession? existing) && existing is not null)
        {
            return existing;
        }

        var session = await _agent.CreateSessionAsync(ct);
        _sessions.Set($"agent-session:{shopperId}", session, new MemoryCacheEntryOptions { SlidingExpiration = TimeSpan.FromMinutes(20), Size = 1 });
        return session;
    }

    [Description("按商品 ID 查询商品名称、价格、库存和属性")]
    private async Task<object> LookupProductAsync([Description("商品 ID (GUID)")] string productId)
    {
        if (!Guid.TryParse(productId, out var id))
        {
            return new { error = "invalid product id" };
        }

        await using var scope = _scopes.CreateAsyncScope();
        var query = scope.ServiceProvider.GetRequiredService<IQuerySession>();
        var product = await query.LoadAsync<Product>(id);
        return product is null
            ? new { error = "not found" }
            : new { product.Name, product.Price, product.Stock, product.Attributes };
    }

    [Description("发货时效、运费和七天无理由退换规则")]
    private static string ShippingPolicy() =>
        "默认 48 小时内发货，江浙沪次日达；满 49 元包邮（偏远地区除外）；支持七天无理由退换，定制商品除外。";
}
