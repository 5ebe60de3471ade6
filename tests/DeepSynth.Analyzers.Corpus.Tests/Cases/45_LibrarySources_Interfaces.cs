using DeepSynth.Compliance;
using DeepSynth.Compliance.Audit;
using DeepSynth.Compliance.Labeling;
using DeepSynth.Compliance.Review;
using Microsoft.AspNetCore.Mvc;

namespace Contracts.Ai
{
    /// <summary>From the shared "Ai.Contracts" package: implemented by the platform team in another assembly.</summary>
    public interface IMeetingSummarizer
    {
        [GeneratedContentSource]
        Task<string> SummarizeAsync(string transcript, CancellationToken ct);

        Task<int> CountSpeakersAsync(string transcript, CancellationToken ct);
    }
}

namespace Meetings.Web
{
    using Contracts.Ai;

    public sealed record TranscriptUpload(string MeetingId, string Transcript);

    public enum SummaryStatus
    {
        Ok,
        Empty,
        TooLong,
    }

    [ApiController]
    [Route("api/meetings/summary")]
    public sealed class MeetingSummaryController(IMeetingSummarizer summarizer, IContentReviewer reviewer, IAigcTextLabeler labeler, ISynthesisAuditLog audit) : ControllerBase
    {
        [HttpPost]
        public async Task<IActionResult> Summarize(TranscriptUpload upload, CancellationToken ct)
        {
            var status = upload.Transcript switch
            {
                null or { Length: 0 } => SummaryStatus.Empty,
                { Length: > 200_000 } => SummaryStatus.TooLong,
                _ => SummaryStatus.Ok,
            };

            if (status != SummaryStatus.Ok)
            {
                return BadRequest(new { status });
            }

            var summary = await summarizer.SummarizeAsync(upload.Transcript!, ct); // expect: DSYN004
            return Ok(new { upload.MeetingId, summary = labeler.Label(summary) }); // expect: DSYN002, DSYN003, DSYN005
        }

        [HttpPost("speakers")]
        public async Task<IActionResult> Speakers(TranscriptUpload upload, CancellationToken ct) =>
            Ok(new { upload.MeetingId, speakers = await summarizer.CountSpeakersAsync(upload.Transcript, ct) });

        [HttpPost("v2")]
        [RequireRealName]
        public async Task<IActionResult> SummarizeV2(TranscriptUpload upload, CancellationToken ct)
        {
            var transcript = await reviewer.EnsureAllowedAsync(upload.Transcript, ReviewStage.Input, ct);
            var summary = await summarizer.SummarizeAsync(transcript, ct);
            summary = await reviewer.EnsureAllowedAsync(summary, ReviewStage.Output, ct);
            await audit.RecordAsync(summary, new GenerationRecord { Attributes = { ["meeting"] = upload.MeetingId } }, ct);
            return Ok(new { upload.MeetingId, summary = labeler.Label(summary) });
        }
    }
}
