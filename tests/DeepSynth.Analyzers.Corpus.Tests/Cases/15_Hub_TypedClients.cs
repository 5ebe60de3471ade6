using System.Text;
using DeepSynth.Compliance;
using DeepSynth.Compliance.Audit;
using DeepSynth.Compliance.Labeling;
using DeepSynth.Compliance.Review;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.AI;

namespace DocAssist.Realtime
{
    public record AnswerMessage(string MessageId, string Text, long? Tokens);

    public interface IAssistantClient
    {
        Task ReceiveNotice(string notice);
        Task ReceiveToken(string messageId, string token);
        Task ReceiveAnswer(AnswerMessage answer);
        Task Retract(string messageId, string reason);
    }

    public interface IDocumentStore
    {
        Task<string?> GetTextAsync(string documentId, CancellationToken cancellationToken);
    }

    [RequireRealName]
    public class AssistantHub : Hub<IAssistantClient>
    {
        private readonly IChatClient _chat;
        private readonly IContentReviewer _review;
        private readonly IAigcTextLabeler _label;
        private readonly ISynthesisAuditLog _audit;
        private readonly IDocumentStore _documents;

        public AssistantHub(IChatClient chat, IContentReviewer review, IAigcTextLabeler label, ISynthesisAuditLog audit, IDocumentStore documents)
        {
            _chat = chat;
            _review = review;
            _label = label;
            _audit = audit;
            _documents = documents;
        }

        // Tokens go out as they arrive; the full answer is reviewed and recorded only afterwards.
        public async Task Ask(string question)
        {
            var ct = Context.ConnectionAborted;
            var id = Guid.NewGuid().ToString("N");
            var input = await _review.EnsureAllowedAsync(question, ReviewStage.Input, ct);
            await Clients.Caller.ReceiveNotice(_label.Notice);

            var full = new StringBuilder();
            await foreach (var update in _chat.GetStreamingResponseAsync(input, cancellationToken: ct))
            {
                full.Append(update.Text);
                await Clients.Caller.ReceiveToken(id, update.Text); // expect: DSYN003, DSYN005
            }

            var verdict = await _review.ReviewAsync(full.ToString(), ReviewStage.Output, ct);
            if (!verdict.IsAllowed)
            {
                await Clients.Caller.Retract(id, "内容未通过审核");
            }

            await _audit.RecordAsync(full.ToString(), new GenerationRecord { UserId = Context.UserIdentifier }, ct);
        }

        public async Task Summarize(string documentId)
        {
            var ct = Context.ConnectionAborted;
            var document = await _documents.GetTextAsync(documentId, ct);
            if (document is null)
            {
                throw new HubException("文档不存在");
            }

            var response = await _chat.GetResponseAsync($"请为以下文档写摘要：\n{document}", cancellationToken: ct);
            var text = await _review.EnsureAllowedAsync(response.Text, ReviewStage.Output, ct);
            await _audit.RecordAsync(text, new GenerationRecord { UserId = Context.UserIdentifier, Model = response.ModelId }, ct);
            await Clients.Caller.ReceiveAnswer(new AnswerMessage(Guid.NewGuid().ToString("N"), _label.Label(text), response.Usage?.TotalTokenCount));
        }

        // Hub method with a return value: the client awaits invoke("Quick", ...).
        public async Task<string> Quick(string question)
        {
            var response = await _chat.GetResponseAsync(question); // expect: DSYN004
            return response.Text; // expect: DSYN001, DSYN003, DSYN005
        }
    }
}
