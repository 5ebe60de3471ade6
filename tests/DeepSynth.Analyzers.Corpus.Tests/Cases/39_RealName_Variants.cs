using System.Security.Claims;
using DeepSynth.Compliance;
using DeepSynth.Compliance.Audit;
using DeepSynth.Compliance.Labeling;
using DeepSynth.Compliance.RealName;
using DeepSynth.Compliance.Review;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Options;

namespace Health.Coach
{
    public sealed class CoachOptions
    {
        public bool EnforceRealName { get; set; } = true;
    }

    public sealed record CoachQuestion(string Text);

    /// <summary>The team's identity helper: throws unless the account has a completed ID-number verification.</summary>
    public interface IAccountIdentity
    {
        [IdentityVerifier]
        Task RequireVerifiedAsync(ClaimsPrincipal user, CancellationToken ct);
    }

    public sealed class AccountIdentity(IRealNameGate gate) : IAccountIdentity
    {
        public async Task RequireVerifiedAsync(ClaimsPrincipal user, CancellationToken ct) => await gate.EnsureVerifiedAsync(user, ct);
    }

    public abstract class CoachControllerBase(IChatClient chat, IContentReviewer reviewer, IAigcTextLabeler labeler, ISynthesisAuditLog audit) : ControllerBase
    {
        protected async Task<string> AnswerAsync(string question, CancellationToken ct)
        {
            var input = await reviewer.EnsureAllowedAsync(question, ReviewStage.Input, ct);
            var response = await chat.GetResponseAsync($"作为健康教练回答（不提供诊断）：{input}", cancellationToken: ct);
            var text = await reviewer.EnsureAllowedAsync(response.Text, ReviewStage.Output, ct);
            await audit.RecordAsync(text, new GenerationRecord { Model = response.ModelId }, ct);
            return labeler.Label(text);
        }
    }

    // The policy is called "RealNameVerified", but it was never listed in deepsynth.identity_policies.
    [ApiController]
    [Route("api/coach/policy")]
    [Authorize(Policy = "RealNameVerified")]
    public sealed class PolicyCoachController(IChatClient chat, IContentReviewer reviewer, IAigcTextLabeler labeler, ISynthesisAuditLog audit)
        : CoachControllerBase(chat, reviewer, labeler, audit)
    {
        [HttpPost]
        public async Task<IActionResult> Ask(CoachQuestion q, CancellationToken ct) => Ok(await AnswerAsync(q.Text, ct)); // expect: DSYN002
    }

    // The team's own verifier, called first thing.
    [ApiController]
    [Route("api/coach/account")]
    public sealed class AccountCoachController(IAccountIdentity identity, IChatClient chat, IContentReviewer reviewer, IAigcTextLabeler labeler, ISynthesisAuditLog audit)
        : CoachControllerBase(chat, reviewer, labeler, audit)
    {
        [HttpPost]
        public async Task<IActionResult> Ask(CoachQuestion q, CancellationToken ct)
        {
            await identity.RequireVerifiedAsync(User, ct);
            return Ok(await AnswerAsync(q.Text, ct));
        }
    }

    // The implementation injected directly: the attribute on the interface member still applies.
    [ApiController]
    [Route("api/coach/direct")]
    public sealed class DirectCoachController(AccountIdentity identity, IChatClient chat, IContentReviewer reviewer, IAigcTextLabeler labeler, ISynthesisAuditLog audit)
        : CoachControllerBase(chat, reviewer, labeler, audit)
    {
        [HttpPost]
        public async Task<IActionResult> Ask(CoachQuestion q, CancellationToken ct)
        {
            await identity.RequireVerifiedAsync(User, ct);
            return Ok(await AnswerAsync(q.Text, ct));
        }
    }

    // Verification behind a feature flag, in a helper: when the flag is off, nothing is verified.
    [ApiController]
    [Route("api/coach/flagged")]
    public sealed class FlaggedCoachController(IOptions<CoachOptions> options, IRealNameGate gate, IChatClient chat, IContentReviewer reviewer, IAigcTextLabeler labeler, ISynthesisAuditLog audit)
        : CoachControllerBase(chat, reviewer, labeler, audit)
    {
        private async Task EnsureAllowedToPublishAsync(CancellationToken ct)
        {
            if (options.Value.EnforceRealName)
            {
                await gate.EnsureVerifiedAsync(User, ct);
            }
        }

        [HttpPost]
        public async Task<IActionResult> Ask(CoachQuestion q, CancellationToken ct)
        {
            await EnsureAllowedToPublishAsync(ct);
            var answer = await AnswerAsync(q.Text, ct);
            return Ok(answer); // expect: DSYN002
        }
    }

    // Verification in a helper that always runs it: fine.
    [ApiController]
    [Route("api/coach/helper")]
    public sealed class HelperCoachController(IRealNameGate gate, IChatClient chat, IContentReviewer reviewer, IAigcTextLabeler labeler, ISynthesisAuditLog audit)
        : CoachControllerBase(chat, reviewer, labeler, audit)
    {
        private async Task<bool> IsVerifiedAsync(CancellationToken ct) =>
            User.FindFirstValue(ClaimTypes.NameIdentifier) is { } id && await gate.IsVerifiedAsync(id, ct);

        [HttpPost]
        public async Task<IActionResult> Ask(CoachQuestion q, CancellationToken ct)
        {
            if (!await IsVerifiedAsync(ct))
            {
                return StatusCode(StatusCodes.Status403Forbidden, "请先完成实名认证");
            }

            return Ok(await AnswerAsync(q.Text, ct));
        }
    }
}
