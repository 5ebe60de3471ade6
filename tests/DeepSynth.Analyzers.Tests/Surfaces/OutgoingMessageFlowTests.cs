using DeepSynth.Analyzers.Tests.Flow;
using Verifier = DeepSynth.TestSupport.AnalyzerVerifier<DeepSynth.Analyzers.ContentFlowAnalyzer>;

namespace DeepSynth.Analyzers.Tests.Surfaces;

/// <summary>
/// Generated content sent out of the app by e-mail (System.Net.Mail, MailKit/MimeKit, SendGrid) or SMS (Twilio), against
/// the real packages. A background job is not an entry point, so real-name duties do not apply; the others do.
/// </summary>
public class OutgoingMessageFlowTests
{
    private static Task Verify(string code) => Verifier.VerifyAsync(code + TestSteps.Source);

    [Fact]
    public Task A_summary_mailed_with_System_Net_Mail_is_published() =>
        Verify("""
            public class DigestJob(IChatClient chat, System.Net.Mail.SmtpClient smtp)
            {
                public async Task SendAsync(string to)
                {
                    var response = await chat.GetResponseAsync("总结今天的新闻");
                    var mail = new System.Net.Mail.MailMessage("news@example.com", to) { Subject = "今日摘要", Body = response.Text };
                    await {|DSYN001:{|DSYN003:{|DSYN005:smtp.SendMailAsync(mail)|}|}|};
                }
            }
            """);

    [Fact]
    public Task The_string_overload_of_SmtpClient_Send_publishes_its_body() =>
        Verify("""
            public class DigestJob(IChatClient chat, System.Net.Mail.SmtpClient smtp)
            {
                public async Task SendAsync(string to)
                {
                    var response = await chat.GetResponseAsync("总结今天的新闻");
                    {|DSYN001:{|DSYN003:{|DSYN005:smtp.Send("news@example.com", to, "今日摘要", response.Text)|}|}|};
                }
            }
            """);

    [Fact]
    public Task A_MimeKit_body_built_from_generated_html_and_sent_with_MailKit_is_published() =>
        Verify("""
            public class DigestJob(IChatClient chat)
            {
                public async Task SendAsync(string to)
                {
                    var response = await chat.GetResponseAsync("写一封欢迎邮件");
                    Steps.EnsureAllowed(response.Text);
                    var message = new MimeKit.MimeMessage();
                    message.To.Add(MimeKit.MailboxAddress.Parse(to));
                    message.Subject = "欢迎";
                    var body = new MimeKit.BodyBuilder { HtmlBody = response.Text };
                    message.Body = body.ToMessageBody();
                    using var client = new MailKit.Net.Smtp.SmtpClient();
                    await {|DSYN001:{|DSYN005:client.SendAsync(message)|}|};
                }
            }
            """);

    [Fact]
    public Task SendGrid_and_Twilio_messages_carrying_generated_text_are_published() =>
        Verify("""
            public class Notifier(IChatClient chat, SendGrid.ISendGridClient mail)
            {
                public async Task NotifyAsync(string to, string phone)
                {
                    var response = await chat.GetResponseAsync("写一条提醒");
                    Steps.EnsureAllowed(response.Text);
                    Steps.Record(response.Text);
                    var email = SendGrid.Helpers.Mail.MailHelper.CreateSingleEmail(
                        new SendGrid.Helpers.Mail.EmailAddress("bot@example.com"), new SendGrid.Helpers.Mail.EmailAddress(to), "提醒", response.Text, "");
                    await {|DSYN001:mail.SendEmailAsync(email)|};
                    await {|DSYN001:Twilio.Rest.Api.V2010.Account.MessageResource.CreateAsync(to: new Twilio.Types.PhoneNumber(phone), body: response.Text)|};
                }
            }
            """);

    [Fact]
    public Task Labelled_reviewed_and_recorded_mail_and_mail_without_generated_content_are_clean() =>
        Verify("""
            public class DigestJob(IChatClient chat, System.Net.Mail.SmtpClient smtp)
            {
                public async Task SendAsync(string to)
                {
                    var response = await chat.GetResponseAsync("总结今天的新闻");
                    Steps.EnsureAllowed(response.Text);
                    Steps.Record(response.Text);
                    await smtp.SendMailAsync(new System.Net.Mail.MailMessage("news@example.com", to) { Subject = "今日摘要", Body = Steps.Label(response.Text) });
                    await smtp.SendMailAsync("news@example.com", to, "欢迎", "感谢订阅");
                }
            }
            """);
}
