using DeepSynth.Compliance;
using DeepSynth.Compliance.Audit;
using DeepSynth.Compliance.Labeling;
using DeepSynth.Compliance.Review;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using WealthPal.Ai;
using WealthPal.Infrastructure;
using WealthPal.Knowledge;
using WealthPal.Models;

namespace WealthPal.Controllers.Api;

[Route("api/kb")]
public sealed class KnowledgeController(KnowledgeBase kb, ZhipuGlmClient glm, IContentReviewer review,
    IAigcTextLabeler label, ISynthesisAuditLog audit) : WealthApiController
{
    private const string AnswerSystem = """
        你是银行理财知识库问答助手。只依据“资料”回答，资料没有的内容回答“暂未找到相关说明，建议咨询客服”。
        回答后用 [编号] 标注引用的资料。不承诺收益。
        """;

    [HttpGet("search")]
    [AllowAnonymous]
    public async Task<IActionResult> Search([FromQuery] string q, [FromQuery] string? product, CancellationToken ct)
    {
        var hits = await kb.SearchAsync(q, product, 10, ct);
        return Ok(hits.Select(h => new
        {
            h.Article.Id,
            h.Article.Title,
            h.Article.Category,
            snippet = h.Article.Body.Length > 160 ? h.Article.Body[..160] + "…" : h.Article.Body,
            h.Article.Url,
            h.Article.UpdatedAt,
            h.Score
        }));
    }

    /// <summary>Help-centre widget on the public website (prospects are not logged in).</summary>
    [HttpPost("answer")]
    [AllowAnonymous]
    [EnableRateLimiting("public-kb")]
    public async Task<ApiEnvelope<KbAnswerDto>> Answer(KbQuestion request, CancellationToken ct)
    {
        var (text, sources) = await AnswerCoreAsync(request, ct);
        return new KbAnswerDto(label.Label(text), sources).Wrap();
    }

    [HttpPost("answer/member")]
    [Authorize(AuthenticationSchemes = JwtBearerDefaults.AuthenticationScheme)]
    [RequireRealName]
    public async Task<ApiEnvelope<KbAnswerDto>> MemberAnswer(KbQuestion request, CancellationToken ct)
    {
        var (text, sources) = await AnswerCoreAsync(request, ct);
        return new KbAnswerDto(label.Label(text), sources).Wrap();
    }

    private async Task<(string Text, List<KbSourceDto> Sources)> AnswerCoreAsync(KbQuestion request, CancellationToken ct)
    {
        var question = await review.EnsureAllowedAsync(request.Question, ReviewStage.Input, ct);
        var hits = await kb.SearchAsync(question, request.ProductCode, 5, ct);

        var completion = await glm.CompleteAsync(
        [
            WireMessage.System(AnswerSystem),
            WireMessage.User($"资料：\n{KnowledgeBase.ToContext(hits)}\n\n问题：{question}")
        ], 0.1, ct);

        var text = await review.EnsureAllowedAsync(completion.Content, ReviewStage.Output, ct);
        await audit.RecordAsync(text, new GenerationRecord
        {
            Model = completion.Model,
            Attributes = { ["feature"] = "kb-answer", ["hits"] = hits.Count.ToString() }
        }, ct);

        return (text, hits.Select(h => new KbSourceDto(h.Article.Id, h.Article.Title, h.Article.Url)).ToList());
    }
}
