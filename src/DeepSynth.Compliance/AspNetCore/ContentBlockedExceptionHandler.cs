using System;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using DeepSynth.Compliance.Review;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;

namespace DeepSynth.Compliance.AspNetCore
{
    /// <summary>
    /// Turns a <see cref="ContentBlockedException"/> (content review said no) into a 422 problem+json response instead of a
    /// bare 500. The body names the stage and the decision, never the content or the matched rule (that would teach how to
    /// slip past the review). Registered by AddDeepSynthCompliance; active once the app calls <c>app.UseExceptionHandler()</c>.
    /// </summary>
    public sealed class ContentBlockedExceptionHandler : IExceptionHandler
    {
        /// <summary>The problem type of the 422 response.</summary>
        public const string ProblemType = "urn:deepsynth:problem:content-blocked";

        public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
        {
            if (exception is not ContentBlockedException blocked || httpContext.Response.HasStarted)
            {
                return false;
            }

            var verdict = blocked.Verdict;
            var held = verdict.Decision == ReviewDecision.NeedsManualReview;
            var input = verdict.Stage == ReviewStage.Input;
            httpContext.Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            httpContext.Response.ContentType = "application/problem+json";
            var body = new
            {
                type = ProblemType,
                title = held ? "Content held for manual review / 内容待人工审核" : "Content blocked by review / 内容未通过审核",
                status = StatusCodes.Status422UnprocessableEntity,
                detail = input
                    ? "Your request was not processed because its content did not pass content review (Deep Synthesis Provisions Art. 10). / 您的请求内容未通过审核，未予处理。"
                    : "The generated answer was withheld because it did not pass content review (Deep Synthesis Provisions Art. 10). / 生成内容未通过审核，未予发布。",
                stage = verdict.Stage.ToString(),
                decision = verdict.Decision.ToString(),
            };
            await JsonSerializer.SerializeAsync(httpContext.Response.Body, body, cancellationToken: cancellationToken).ConfigureAwait(false);
            return true;
        }
    }
}
