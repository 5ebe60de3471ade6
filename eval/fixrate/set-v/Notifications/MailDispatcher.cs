using System.Collections.Concurrent;
using System.Text.Encodings.Web;
using Fluid;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;
using WealthPal.Data;
using WealthPal.Infrastructure;

namespace WealthPal.Notifications;

public sealed class MailDispatcher(IOptions<NotificationOptions> options, ILogger<MailDispatcher> logger)
{
    private static readonly FluidParser Parser = new();
    private static readonly ConcurrentDictionary<string, IFluidTemplate> Compiled = new();
    private readonly NotificationOptions _o = options.Value;

    public Task SendStatementReadyAsync(Customer customer, MonthlyStatement st, CancellationToken ct) =>
        SendAsync(customer.Email, customer.FullName, $"您的 {st.Year} 年 {st.Month} 月理财对账单已生成", MailTemplates.StatementReady,
            new Dictionary<string, object?>
            {
                ["name"] = customer.FullName,
                ["period"] = $"{st.Year}年{st.Month}月",
                ["closing"] = st.ClosingValue.ToString("N2"),
                ["dividends"] = st.Dividends.ToString("N2"),
                ["fees"] = st.Fees.ToString("N2")
            }, ct);

    public Task SendStatementExplanationAsync(Customer customer, MonthlyStatement st, string explanationMarkdown, CancellationToken ct) =>
        SendAsync(customer.Email, customer.FullName, $"{st.Month}月对账单解读", MailTemplates.StatementExplanation,
            new Dictionary<string, object?>
            {
                ["name"] = customer.FullName,
                ["period"] = $"{st.Year}年{st.Month}月",
                ["closing"] = st.ClosingValue.ToString("N2"),
                ["return"] = st.Return.ToString("P2"),
                ["explanation_html"] = explanationMarkdown.ToHtml()
            }, ct);

    public Task SendMeetingConfirmationAsync(Customer customer, Advisor advisor, AdvisorMeeting meeting, CancellationToken ct) =>
        SendAsync(customer.Email, customer.FullName, "理财顾问预约确认", MailTemplates.MeetingConfirmation,
            new Dictionary<string, object?>
            {
                ["name"] = customer.FullName,
                ["advisor"] = advisor.Name,
                ["branch"] = advisor.Branch,
                ["time"] = meeting.ScheduledAt.ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-dd HH:mm"),
                ["topic"] = meeting.Topic
            }, ct);

    public Task SendMeetingRecapAsync(Customer customer, Advisor advisor, AdvisorMeeting meeting, string recapText, CancellationToken ct) =>
        SendAsync(customer.Email, customer.FullName, $"{meeting.ScheduledAt:MM月dd日} 面谈回顾", MailTemplates.MeetingRecap,
            new Dictionary<string, object?>
            {
                ["name"] = customer.FullName,
                ["advisor"] = advisor.Name,
                ["license"] = advisor.LicenseNo,
                ["recap_html"] = recapText.ToHtml()
            }, ct, replyTo: advisor.Email);

    private async Task SendAsync(string to, string toName, string subject, string templateSource,
        IDictionary<string, object?> model, CancellationToken ct, string? replyTo = null)
    {
        var template = Compiled.GetOrAdd(templateSource, src =>
            Parser.TryParse(src, out var t, out var error) ? t : throw new InvalidOperationException($"Mail template: {error}"));

        var context = new TemplateContext();
        foreach (var (k, v) in model) context.SetValue(k, v ?? "");
        var html = await template.RenderAsync(context, HtmlEncoder.Default);

        var message = new MimeMessage();
        message.From.Add(new MailboxAddress(_o.FromName, _o.FromAddress));
        message.To.Add(new MailboxAddress(toName, to));
        if (replyTo is not null) message.ReplyTo.Add(MailboxAddress.Parse(replyTo));
        message.Subject = subject;
        message.Body = new BodyBuilder { HtmlBody = html }.ToMessageBody();

        using var smtp = new SmtpClient();
        await smtp.ConnectAsync(_o.SmtpHost, _o.SmtpPort, SecureSocketOptions.SslOnConnect, ct);
        await smtp.AuthenticateAsync(_o.SmtpUser, _o.SmtpPassword, ct);
        await smtp.SendAsync(message, ct);
        await smtp.DisconnectAsync(true, ct);
        logger.LogInformation("Mail '{Subject}' sent", subject);
    }
}

internal static class MailTemplates
{
    private const string Footer = """
        <hr/><p style="color:#888;font-size:12px">本邮件由系统自动发送，请勿直接回复。理财非存款，产品有风险，投资须谨慎。客服热线 95xxx。</p>
        """;

    public const string StatementReady = """
        <p>尊敬的 {{ name }}：</p>
        <p>您 {{ period }} 的理财对账单已生成。期末资产 <b>¥{{ closing }}</b>，本期分红 ¥{{ dividends }}，费用 ¥{{ fees }}。</p>
        <p>请登录财富通 App「我的-对账单」查看明细。</p>
        """ + Footer;

    public const string StatementExplanation = """
        <p>尊敬的 {{ name }}：</p>
        <p>{{ period }} 期末资产 ¥{{ closing }}，本期收益率 {{ return }}。以下是本月对账单解读：</p>
        <div style="background:#f7f9fc;padding:12px">{{ explanation_html | raw }}</div>
        """ + Footer;

    public const string MeetingConfirmation = """
        <p>尊敬的 {{ name }}：</p>
        <p>您已预约 {{ branch }} 理财顾问 {{ advisor }}，时间 {{ time }}，主题「{{ topic }}」。如需改期请在 App 内操作。</p>
        """ + Footer;

    public const string MeetingRecap = """
        <p>尊敬的 {{ name }}：</p>
        <p>感谢您与理财顾问 {{ advisor }}（从业资格 {{ license }}）的面谈，以下为本次沟通回顾：</p>
        <div>{{ recap_html | raw }}</div>
        """ + Footer;
}
