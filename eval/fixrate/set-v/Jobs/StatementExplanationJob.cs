using System.Text;
using DeepSynth.Compliance.Audit;
using DeepSynth.Compliance.Labeling;
using DeepSynth.Compliance.RealName;
using DeepSynth.Compliance.Review;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using WealthPal.Ai;
using WealthPal.Data;
using WealthPal.Infrastructure;
using WealthPal.Notifications;

namespace WealthPal.Jobs;

/// <summary>
/// Monthly: after the core system closes statements (1st of the month, ~22:00), explain each one with Doubao
/// and notify the customer. Recurring registration is in Program.cs.
/// </summary>
public sealed class StatementExplanationJob(
    WealthDbContext db,
    ArkClient ark,
    IContentReviewer review,
    ISynthesisAuditLog audit,
    IAigcTextLabeler label,
    IRealNameGate realName,
    MailDispatcher mail,
    SmsGateway sms,
    IBackgroundJobClient jobs,
    ILogger<StatementExplanationJob> logger)
{
    private const string System = """
        你是银行理财对账单解读助手。根据给出的对账单数据，用通俗的中文 Markdown 解释：资产变化的主要原因（市场涨跌、申赎、分红、费用），
        每项给出金额；不预测未来走势，不推荐产品。300 字以内。
        """;

    [Queue("statements")]
    [AutomaticRetry(Attempts = 0)]
    public async Task EnqueuePendingAsync(CancellationToken ct)
    {
        var ids = await db.Statements.AsNoTracking()
            .Where(s => s.Status == StatementStatus.Closed && s.Explanation == null)
            .OrderBy(s => s.CustomerId)
            .Select(s => s.Id)
            .Take(5000)
            .ToListAsync(ct);

        foreach (var id in ids)
            jobs.Enqueue<StatementExplanationJob>(j => j.ExplainAsync(id, CancellationToken.None));

        logger.LogInformation("Queued {Count} statement explanations", ids.Count);
    }

    [Queue("statements")]
    [AutomaticRetry(Attempts = 2, OnAttemptsExceeded = AttemptsExceededAction.Fail)]
    public async Task ExplainAsync(Guid statementId, CancellationToken ct)
    {
        var st = await db.Statements.Include(s => s.Lines).Include(s => s.Customer)
            .FirstOrDefaultAsync(s => s.Id == statementId, ct);
        if (st is null || st.Explanation is not null) return;

        var completion = await ark.ChatAsync(System, Describe(st), ct);
        string text;
        try
        {
            text = await review.EnsureAllowedAsync(completion.Content, ReviewStage.Output, ct);
        }
        catch (ContentBlockedException)
        {
            st.Status = StatementStatus.Failed;
            await db.SaveChangesAsync(ct);
            logger.LogWarning("Explanation for statement {Id} withheld", st.Id);
            return;
        }

        await audit.RecordAsync(text, new GenerationRecord
        {
            UserId = st.Customer.ExternalUserId,
            Model = completion.Model,
            ContentId = $"stmt-{st.Id:N}",
            Attributes = { ["feature"] = "statement-explanation" }
        }, ct);

        st.Explanation = text;
        st.ExplanationModel = completion.Model;
        st.ExplainedAt = DateTimeOffset.UtcNow;
        st.Status = StatementStatus.Explained;
        db.ModelUsage.Add(new ModelUsage
        {
            Feature = "statement-explanation", Model = completion.Model, At = DateTimeOffset.UtcNow,
            PromptTokens = completion.Usage?.PromptTokens ?? 0, CompletionTokens = completion.Usage?.CompletionTokens ?? 0
        });
        await db.SaveChangesAsync(ct);

        var customer = st.Customer;
        if (customer.SmsOptIn && await realName.IsVerifiedAsync(customer.ExternalUserId, ct))
        {
            var message = label.Label($"{st.Month}月对账单解读：{text.FirstSentence(50)} 详情请登录财富通App查看。");
            await sms.SendAsync(customer.Mobile, message, ct);
        }

        if (!string.IsNullOrEmpty(customer.Email))
            await mail.SendStatementExplanationAsync(customer, st, text, ct);
    }

    [Queue("default")]
    public async Task SendReadyNoticesAsync(int year, int month, CancellationToken ct)
    {
        var statements = await db.Statements.Include(s => s.Customer).AsNoTracking()
            .Where(s => s.Year == year && s.Month == month && s.Status != StatementStatus.Open)
            .ToListAsync(ct);

        foreach (var st in statements.Where(s => !string.IsNullOrEmpty(s.Customer.Email)))
            await mail.SendStatementReadyAsync(st.Customer, st, ct);
    }

    private static string Describe(MonthlyStatement st)
    {
        var sb = new StringBuilder()
            .AppendLine($"期间：{st.Year}年{st.Month}月")
            .AppendLine($"期初资产：{st.OpeningValue:F2}；期末资产：{st.ClosingValue:F2}")
            .AppendLine($"净申购（正为买入）：{st.NetFlows:F2}；分红：{st.Dividends:F2}；费用：{st.Fees:F2}")
            .AppendLine("交易明细：");
        foreach (var l in st.Lines.OrderBy(l => l.Date))
            sb.AppendLine($"- {l.Date:MM-dd} {l.FundCode} {l.Description} 金额 {l.Amount:F2} 份额 {l.Units:F2}");
        return sb.ToString();
    }
}
