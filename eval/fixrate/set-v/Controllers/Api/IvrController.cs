using Azure.AI.OpenAI;
using DeepSynth.Compliance;
using DeepSynth.Compliance.Audio;
using DeepSynth.Compliance.Audit;
using DeepSynth.Compliance.Metadata;
using DeepSynth.Compliance.RealName;
using DeepSynth.Compliance.Review;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Caching.Memory;
using OpenAI.Audio;
using WealthPal.Data;
using WealthPal.Infrastructure;
using WealthPal.Models;

namespace WealthPal.Controllers.Api;

/// <summary>
/// Called by the contact-centre IVR platform (service account, mTLS at the gateway). Audio is 16 kHz WAV,
/// which is what the platform plays without transcoding.
/// </summary>
[Route("api/ivr")]
[Authorize(Policy = "IvrPlatform")]
public sealed class IvrController(AzureOpenAIClient azure, IConfiguration configuration, IAudioLabeler audioLabeler,
    IAigcFileLabeler fileLabeler, ISynthesisAuditLog audit, ILogger<IvrController> logger) : WealthApiController
{
    private static readonly Dictionary<string, string> Menus = new()
    {
        ["root"] = "您好，欢迎致电财富通理财服务。查询持仓请按1，对账单请按2，风险测评请按3，人工服务请按0。",
        ["holdings"] = "持仓查询，请输入您的交易密码，以井号键结束。",
        ["statement"] = "对账单服务，我们已将最近一期对账单解读发送至您的App消息中心。返回上级请按星号键。",
        ["risk"] = "风险测评需在App内完成，稍后将为您发送短信链接。",
        ["agent"] = "正在为您转接理财专员，请稍候。"
    };

    private AudioClient Tts => azure.GetAudioClient(configuration["AzureOpenAI:TtsDeployment"] ?? "tts-1");

    [HttpGet("menu")]
    public IActionResult Menu() => Ok(Menus.Select(m => new { id = m.Key, text = m.Value, audioUrl = $"/api/ivr/prompt/{m.Key}.wav" }));

    [HttpGet("prompt/{menuId}.wav")]
    public async Task<IActionResult> Prompt(string menuId, [FromServices] IMemoryCache cache, CancellationToken ct)
    {
        if (!Menus.TryGetValue(menuId, out var text)) return NotFoundProblem("菜单");

        var wav = await cache.GetOrCreateAsync($"ivr-prompt:{menuId}:{text.GetHashCode()}", async entry =>
        {
            entry.SlidingExpiration = TimeSpan.FromDays(1);
            var speech = await Speak(text, ct);
            var file = fileLabeler.Label(audioLabeler.LabelWav(speech, ct), new FileLabelRequest { FileName = $"{menuId}.wav" }, ct);
            await audit.RecordAsync(file, new GenerationRecord
            {
                Kind = DeepSynth.Compliance.GeneratedMediaKind.Audio, Model = "azure-tts", ContentId = $"ivr-{menuId}"
            }, ct);
            return file;
        });

        return File(wav!, "audio/wav");
    }

    [HttpPost("answer")]
    public async Task<IActionResult> Answer(IvrAnswerRequest request, [FromServices] WealthDbContext db,
        [FromServices] IChatClient chat, [FromServices] IContentReviewer review, [FromServices] IRealNameGate realName,
        CancellationToken ct)
    {
        var customer = await db.Customers.AsNoTracking().FirstOrDefaultAsync(c => c.Mobile == request.CallerNumber, ct);
        if (customer is null || !await realName.IsVerifiedAsync(customer.ExternalUserId, ct))
            return Ok(new { action = "transfer", queue = "general" });

        var question = await review.EnsureAllowedAsync(request.Transcript, ReviewStage.Input, ct);
        var response = await chat.GetResponseAsync(
        [
            new ChatMessage(ChatRole.System, "你是银行电话语音助手。回答要口语化，不超过 80 字，不读出任何账号或金额以外的个人信息，不承诺收益。"),
            new ChatMessage(ChatRole.User, question)
        ], new ChatOptions { MaxOutputTokens = 200 }, ct);

        var text = await review.EnsureAllowedAsync(response.Text, ReviewStage.Output, ct);
        var speech = audioLabeler.LabelWav(await Speak(text, ct), ct);
        speech = await review.EnsureMediaAllowedAsync(speech, "audio/wav", ReviewStage.Output, ct);
        var wav = fileLabeler.Label(speech, new FileLabelRequest { FileName = $"{request.CallId}.wav" }, ct);

        await audit.RecordAsync(text, new GenerationRecord
        {
            UserId = customer.ExternalUserId, Model = response.ModelId ?? "gpt-4o", ContentId = request.CallId
        }, ct);
        await audit.RecordAsync(wav, new GenerationRecord
        {
            UserId = customer.ExternalUserId, Kind = DeepSynth.Compliance.GeneratedMediaKind.Audio, Model = "azure-tts",
            ContentId = request.CallId
        }, ct);

        return File(wav, "audio/wav");
    }

    [HttpPost("call-events")]
    public IActionResult CallEvent(IvrCallEvent evt)
    {
        logger.LogInformation("IVR call {CallId}: {Event} ({Duration}s)", evt.CallId, evt.Event, evt.DurationSeconds);
        return Ok(new { received = true, evt.CallId, at = DateTimeOffset.UtcNow });
    }

    private async Task<byte[]> Speak(string text, CancellationToken ct)
    {
        var result = await Tts.GenerateSpeechAsync(text, GeneratedSpeechVoice.Nova,
            new SpeechGenerationOptions { ResponseFormat = GeneratedSpeechFormat.Wav, SpeedRatio = 0.95f }, ct);
        return result.Value.ToArray();
    }
}
