using App.Grpc;

namespace App.Services
{
    public class WriterService(IChatClient chat, System.Net.Mail.SmtpClient smtp, IHubContext<NewsHub> hub) : Writer.WriterBase
    {
        public override async Task<AskReply> Ask(AskRequest request, global::Grpc.Core.ServerCallContext context)
        {
            Steps.EnsureAllowed(request.Prompt);
            var response = await chat.GetResponseAsync(request.Prompt);
            await smtp.SendMailAsync(new System.Net.Mail.MailMessage("bot@example.com", "team@example.com") { Subject = "新回答", Body = response.Text });
            await hub.Clients.All.SendAsync("answer", response.Text);
            return new AskReply { Text = response.Text };
        }

        public override async Task Stream(AskRequest request, global::Grpc.Core.IServerStreamWriter<AskReply> responseStream, global::Grpc.Core.ServerCallContext context)
        {
            await foreach (var update in chat.GetStreamingResponseAsync(request.Prompt))
            {
                await responseStream.WriteAsync(new AskReply { Text = update.Text });
            }
        }
    }

    public class NewsHub : Hub { }

    public static class Routes
    {
        public static void Map(WebApplication app) => app.MapGrpcService<WriterService>().RequireRealName();
    }
}
