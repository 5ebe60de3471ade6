using DeepSynth.Compliance;
using DeepSynth.Compliance.Audit;
using DeepSynth.Compliance.Labeling;
using DeepSynth.Compliance.Review;
using Microsoft.AspNetCore.Mvc;
using OpenAI.Chat;

namespace Legacy.Portal.Controllers
{
    /// <summary>Ported from the old .NET Framework portal; still synchronous.</summary>
    public class HelpDeskController : Controller
    {
        private readonly ChatClient _client;
        private readonly IContentReviewer _reviewer;
        private readonly IAigcTextLabeler _labeler;
        private readonly ISynthesisAuditLog _audit;

        public HelpDeskController(ChatClient client, IContentReviewer reviewer, IAigcTextLabeler labeler, ISynthesisAuditLog audit)
        {
            this._client = client;
            this._reviewer = reviewer;
            this._labeler = labeler;
            this._audit = audit;
        }

        [HttpPost]
        public ActionResult Ask(string question)
        {
            var messages = new ChatMessage[] { ChatMessage.CreateSystemMessage("你是IT服务台助手。"), ChatMessage.CreateUserMessage(question) };
            ChatCompletion completion = this._client.CompleteChat(messages); // expect: DSYN004
            string text = completion.Content[0].Text;
            return Content(text, "text/plain"); // expect: DSYN001, DSYN002, DSYN003, DSYN005
        }

        [HttpPost]
        [RequireRealName]
        public ActionResult AskJson(string question)
        {
            var safeQuestion = this._reviewer.EnsureAllowedAsync(question, ReviewStage.Input).GetAwaiter().GetResult();
            ChatCompletion completion = this._client.CompleteChat(ChatMessage.CreateUserMessage(safeQuestion));
            string text = completion.Content[0].Text;
            text = this._reviewer.EnsureAllowedAsync(text, ReviewStage.Output).GetAwaiter().GetResult();
            this._audit.RecordAsync(text, new GenerationRecord { Model = completion.Model }).GetAwaiter().GetResult();
            return Json(new { answer = this._labeler.Label(text), model = completion.Model, tokens = completion.Usage.TotalTokenCount });
        }

        [HttpGet]
        public ActionResult Usage()
        {
            return Json(new { provider = "openai", model = "gpt-4o-mini", since = new DateTime(2024, 1, 1) });
        }
    }
}
