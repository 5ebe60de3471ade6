using System.Text.Json;
using DeepSynth.Compliance;
using DeepSynth.Compliance.Audit;
using DeepSynth.Compliance.Labeling;
using DeepSynth.Compliance.Review;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.AI;
using WealthPal.Data;
using WealthPal.Infrastructure;
using WealthPal.Models;
using WealthPal.Notifications;

namespace WealthPal.Controllers.Api;

[Route("api/risk")]
[Authorize(AuthenticationSchemes = JwtBearerDefaults.AuthenticationScheme)]
public sealed class RiskQuestionnaireController(WealthDbContext db) : WealthApiController
{
    // Questionnaire v2025.3 as filed with the suitability management office; wording must not change without re-filing.
    private static readonly RiskQuestionDto[] Questions =
    [
        new(1, "您的年龄是？", [new("A", "18-30岁", 4), new("B", "31-50岁", 6), new("C", "51-60岁", 3), new("D", "60岁以上", 1)]),
        new(2, "您的家庭年收入是？", [new("A", "10万元以下", 1), new("B", "10-50万元", 3), new("C", "50-100万元", 5), new("D", "100万元以上", 7)]),
        new(3, "您的投资经验？", [new("A", "无", 0), new("B", "3年以内", 3), new("C", "3-10年", 5), new("D", "10年以上", 7)]),
        new(4, "可接受的最大本金亏损？", [new("A", "不能亏损", 0), new("B", "10%以内", 3), new("C", "10%-30%", 6), new("D", "30%以上", 9)]),
        new(5, "投资期限？", [new("A", "1年以内", 1), new("B", "1-3年", 3), new("C", "3-5年", 5), new("D", "5年以上", 7)])
    ];

    private static readonly (int Min, string Level, string Name)[] Bands =
        [(0, "R1", "保守型"), (8, "R2", "稳健型"), (15, "R3", "平衡型"), (23, "R4", "成长型"), (30, "R5", "进取型")];

    [HttpGet("questions")]
    [AllowAnonymous]
    public IReadOnlyList<RiskQuestionDto> GetQuestions() => Questions;

    [HttpPost("submit")]
    public async Task<ActionResult<RiskResultDto>> Submit(RiskSubmission submission, [FromServices] SmsGateway sms, CancellationToken ct)
    {
        if (submission.Answers.Count != Questions.Length)
            return ValidationProblem($"需要回答全部 {Questions.Length} 道题");

        var score = 0;
        foreach (var q in Questions)
        {
            var option = q.Options.FirstOrDefault(o => o.Key == submission.Answers.GetValueOrDefault(q.Id));
            if (option is null) return ValidationProblem($"第 {q.Id} 题答案无效");
            score += option.Score;
        }
        var band = Bands.Last(b => score >= b.Min);

        var customerId = User.CustomerId();
        var assessment = new RiskAssessment
        {
            Id = Guid.NewGuid(), CustomerId = customerId, Score = score, Level = band.Level,
            AnswersJson = JsonSerializer.Serialize(submission.Answers),
            CompletedAt = DateTimeOffset.UtcNow, ExpiresAt = DateTimeOffset.UtcNow.AddYears(1)
        };
        db.RiskAssessments.Add(assessment);
        var customer = await db.Customers.FirstAsync(c => c.Id == customerId, ct);
        customer.RiskLevel = band.Level;
        await db.SaveChangesAsync(ct);

        if (customer.SmsOptIn)
            await sms.SendTemplateAsync(customer.Mobile, "RISK_RESULT",
                new Dictionary<string, string> { ["level"] = $"{band.Level}{band.Name}", ["expires"] = assessment.ExpiresAt.ToString("yyyy-MM-dd") }, ct);

        return new RiskResultDto(assessment.Id, score, band.Level, band.Name, assessment.ExpiresAt);
    }

    [HttpPost("explain")]
    [RequireRealName]
    public async Task<ActionResult<ExplanationDto>> Explain(ExplainRiskRequest request,
        [FromKeyedServices("hunyuan")] IChatClient chat, [FromServices] IContentReviewer review,
        [FromServices] IAigcTextLabeler label, [FromServices] ISynthesisAuditLog audit, CancellationToken ct)
    {
        var customerId = User.CustomerId();
        var assessment = await db.RiskAssessments.AsNoTracking()
            .FirstOrDefaultAsync(a => a.Id == request.AssessmentId && a.CustomerId == customerId, ct);
        if (assessment is null) return NotFoundProblem("测评记录");

        var band = Bands.First(b => b.Level == assessment.Level);
        var profile = await review.EnsureAllowedAsync(
            $"测评得分 {assessment.Score}，等级 {assessment.Level}（{band.Name}），完成于 {assessment.CompletedAt:yyyy-MM-dd}。",
            ReviewStage.Input, ct);

        var response = await chat.GetResponseAsync(
        [
            new ChatMessage(ChatRole.System, "你向银行客户解释风险测评结果：等级含义、适合的产品风险等级范围、为什么不能购买高于自身等级的产品。不推荐具体产品。200字以内。"),
            new ChatMessage(ChatRole.User, string.IsNullOrWhiteSpace(request.Concern) ? profile : $"{profile}\n我的疑问：{request.Concern}")
        ], cancellationToken: ct);

        var text = await review.EnsureAllowedAsync(response.Text, ReviewStage.Output, ct);
        var model = response.ModelId ?? "hunyuan-turbos-latest";
        await audit.RecordAsync(text, new GenerationRecord { UserId = User.UserId(), Model = model }, ct);
        return new ExplanationDto(label.Label(text), model);
    }
}
