using System.Net.Http.Json;
using DeepSynth.Compliance;
using DeepSynth.Compliance.Audit;
using DeepSynth.Compliance.Labeling;
using DeepSynth.Compliance.Review;
using Microsoft.AspNetCore.Mvc;

namespace Enterprise.Assistant
{
    /// <summary>Client of the company's internal model gateway (self-hosted Qwen behind an HTTP API).</summary>
    public sealed class ModelGateway(HttpClient http)
    {
        private sealed record CompletionRequest(string Prompt, int MaxTokens);

        private sealed record CompletionResponse(string Text);

        [GeneratedContentSource]
        public async Task<string> CompleteAsync(string prompt, CancellationToken ct = default)
        {
            using var response = await http.PostAsJsonAsync("/v1/complete", new CompletionRequest(prompt, 800), ct);
            response.EnsureSuccessStatusCode();
            var body = await response.Content.ReadFromJsonAsync<CompletionResponse>(ct);
            return body?.Text ?? string.Empty;
        }

        [GeneratedContentSource(Kind = GeneratedMediaKind.Image)]
        public Task<byte[]> PaintAsync(string prompt, CancellationToken ct = default) =>
            http.GetByteArrayAsync("/v1/paint?prompt=" + Uri.EscapeDataString(prompt), ct);
    }

    /// <summary>Pushes messages to employees through the enterprise WeChat bot.</summary>
    public sealed class WeComNotifier(HttpClient http)
    {
        [ContentPublisher]
        public Task PushMarkdownAsync(string userId, string markdown, CancellationToken ct = default) =>
            http.PostAsJsonAsync("/cgi-bin/message/send", new { touser = userId, msgtype = "markdown", markdown = new { content = markdown } }, ct);

        [ContentPublisher]
        public Task PushImageAsync(string userId, byte[] image, CancellationToken ct = default) =>
            http.PostAsync($"/cgi-bin/message/send_image?touser={userId}", new ByteArrayContent(image), ct);
    }

    /// <summary>SMS through the carrier gateway; only the body is shown to people.</summary>
    public sealed class SmsGateway(HttpClient http)
    {
        public Task SendAsync(string phone, [ContentPublisher] string body, CancellationToken ct = default) =>
            http.PostAsJsonAsync("/sms/send", new { phone, body }, ct);
    }

    public sealed record WeeklyReportRequest(string UserId, string Highlights, string? Phone = null);

    [ApiController]
    [Route("api/reports")]
    public sealed class WeeklyReportController : ControllerBase
    {
        private readonly ModelGateway _gateway;
        private readonly WeComNotifier _notifier;
        private readonly IContentReviewer _reviewer;
        private readonly IAigcTextLabeler _labeler;
        private readonly ISynthesisAuditLog _audit;

        public WeeklyReportController(ModelGateway gateway, WeComNotifier notifier, IContentReviewer reviewer, IAigcTextLabeler labeler, ISynthesisAuditLog audit)
        {
            _gateway = gateway;
            _notifier = notifier;
            _reviewer = reviewer;
            _labeler = labeler;
            _audit = audit;
        }

        [HttpPost("weekly")]
        public async Task<IActionResult> Weekly(WeeklyReportRequest request, CancellationToken ct)
        {
            var report = await _gateway.CompleteAsync("把以下要点整理成周报：\n" + request.Highlights, ct); // expect: DSYN004
            await _notifier.PushMarkdownAsync(request.UserId, report, ct); // expect: DSYN001, DSYN002, DSYN003, DSYN005
            return Accepted();
        }

        [HttpPost("weekly/v2")]
        [RequireRealName]
        public async Task<IActionResult> WeeklyV2(WeeklyReportRequest request, CancellationToken ct)
        {
            var highlights = await _reviewer.EnsureAllowedAsync(request.Highlights, ReviewStage.Input, ct);
            var report = await _gateway.CompleteAsync("把以下要点整理成周报：\n" + highlights, ct);
            report = await _reviewer.EnsureAllowedAsync(report, ReviewStage.Output, ct);
            await _audit.RecordAsync(report, new GenerationRecord { UserId = request.UserId, Model = "qwen-internal" }, ct);
            await _notifier.PushMarkdownAsync(request.UserId, "### 本周周报\n" + _labeler.Label(report), ct);
            return Accepted();
        }

        // The SMS digest: 70 characters, "no room for a label".
        [HttpPost("weekly/sms")]
        [RequireRealName]
        public async Task<IActionResult> WeeklySms(WeeklyReportRequest request, [FromServices] SmsGateway sms, CancellationToken ct)
        {
            var highlights = await _reviewer.EnsureAllowedAsync(request.Highlights, ReviewStage.Input, ct);
            var digest = await _gateway.CompleteAsync("用不超过60个字概括本周要点：\n" + highlights, ct);
            digest = await _reviewer.EnsureAllowedAsync(digest, ReviewStage.Output, ct);
            await _audit.RecordAsync(digest, new GenerationRecord { UserId = request.UserId }, ct);
            await sms.SendAsync(request.Phone ?? "", digest, ct); // expect: DSYN001
            return Accepted();
        }

        // A cover picture for the report. The text notice precedes it, but an image needs its own visible label.
        [HttpPost("weekly/cover")]
        [RequireRealName]
        public async Task<IActionResult> Cover(WeeklyReportRequest request, [FromServices] ImageChecks checks, CancellationToken ct)
        {
            var highlights = await _reviewer.EnsureAllowedAsync(request.Highlights, ReviewStage.Input, ct);
            var image = await _gateway.PaintAsync("为这份周报画一张扁平风格的封面：" + highlights, ct);
            await checks.EnsureAllowedAsync(image, ct);
            await _audit.RecordAsync(image, new GenerationRecord { Kind = GeneratedMediaKind.Image }, ct);
            await _notifier.PushMarkdownAsync(request.UserId, _labeler.Notice, ct);
            await _notifier.PushImageAsync(request.UserId, image, ct); // expect: DSYN001
            return Accepted();
        }
    }

    public sealed class ImageChecks
    {
        [ContentReviewer]
        public Task EnsureAllowedAsync(byte[] image, CancellationToken ct) => Task.CompletedTask;
    }
}
