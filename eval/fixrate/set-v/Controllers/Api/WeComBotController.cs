using System.Net.Http.Json;
using DeepSynth.Compliance.Audit;
using DeepSynth.Compliance.Labeling;
using DeepSynth.Compliance.RealName;
using DeepSynth.Compliance.Review;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using WealthPal.Ai;
using WealthPal.Data;
using WealthPal.Infrastructure;

namespace WealthPal.Controllers.Api;

/// <summary>
/// WeCom customer-service (微信客服) callback. The API gateway verifies the signature and decrypts the XML
/// envelope; we get the message as JSON.
/// </summary>
[Route("api/wecom")]
[Authorize(Policy = "ApiGateway")]
public sealed class WeComBotController(WealthDbContext db, IHttpClientFactory httpFactory, IOptions<NotificationOptions> options,
    ILogger<WeComBotController> logger) : WealthApiController
{
    public sealed record KfMessage(string MsgId, string ExternalUserId, string OpenKfId, string MsgType, string? Content, long SendTime);

    [HttpGet("callback")]
    [AllowAnonymous]
    public IActionResult Verify([FromQuery] string echostr) => Content(echostr, "text/plain");

    [HttpPost("callback")]
    public async Task<IActionResult> Receive(KfMessage message, [FromServices] ZhipuGlmClient glm, [FromServices] IRealNameGate realName,
        [FromServices] IContentReviewer review, [FromServices] IAigcTextLabeler label, [FromServices] ISynthesisAuditLog audit,
        CancellationToken ct)
    {
        if (message.MsgType != "text" || string.IsNullOrWhiteSpace(message.Content))
            return Ok(new { errcode = 0, ignored = message.MsgType });

        var customer = await db.Customers.AsNoTracking().FirstOrDefaultAsync(c => c.WeComExternalId == message.ExternalUserId, ct);
        if (customer is null || !await realName.IsVerifiedAsync(customer.ExternalUserId, ct))
        {
            await SendAsync(message, "您好，请先在财富通App「我的-绑定微信」完成账户绑定与实名认证，再使用智能客服。", ct);
            return Ok(new { errcode = 0 });
        }

        var completion = await glm.CompleteAsync(
        [
            WireMessage.System("你是财富通微信客服，回答不超过150字；涉及交易或账户安全的问题引导客户在App内办理。"),
            WireMessage.User(message.Content)
        ], 0.3, ct);

        var reply = await review.EnsureAllowedAsync(completion.Content, ReviewStage.Output, ct);
        await audit.RecordAsync(reply, new GenerationRecord
        {
            UserId = customer.ExternalUserId, Model = completion.Model, ContentId = message.MsgId,
            Attributes = { ["channel"] = "wecom-kf" }
        }, ct);

        await SendAsync(message, label.Label(reply), ct);
        return Ok(new { errcode = 0 });
    }

    private async Task SendAsync(KfMessage to, string text, CancellationToken ct)
    {
        var http = httpFactory.CreateClient("wecom");
        var token = await http.GetFromJsonAsync<Dictionary<string, object>>("cgi-bin/gettoken?corpid=" + Uri.EscapeDataString(options.Value.WeComOpenKfId), ct);
        var accessToken = token?["access_token"]?.ToString();

        using var resp = await http.PostAsJsonAsync($"cgi-bin/kf/send_msg?access_token={accessToken}", new
        {
            touser = to.ExternalUserId,
            open_kfid = to.OpenKfId,
            msgtype = "text",
            text = new { content = text }
        }, ct);
        if (!resp.IsSuccessStatusCode)
            logger.LogWarning("WeCom send_msg failed: {Status}", (int)resp.StatusCode);
    }
}
