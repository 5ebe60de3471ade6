using System.Security.Claims;
using System.Text.Json;
using DeepSynth.Compliance.Audit;
using DeepSynth.Compliance.Labeling;
using DeepSynth.Compliance.RealName;
using DeepSynth.Compliance.Review;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.AI;

namespace Recipes.Api
{
    public sealed record RecipeRequest(string Ingredients);

    /// <summary>Wraps the SDK audit log with the team's record conventions. Not annotated: it calls the SDK.</summary>
    public sealed class GenerationJournal(ISynthesisAuditLog auditLog)
    {
        public async Task WriteAsync(string content, ClaimsPrincipal user, string feature, CancellationToken ct)
        {
            var record = new GenerationRecord
            {
                UserId = user.FindFirstValue(ClaimTypes.NameIdentifier),
                Model = "deepseek-chat",
                Attributes = { ["feature"] = feature },
            };
            await auditLog.RecordAsync(content, record, ct);
        }
    }

    /// <summary>
    /// Every step is here, done in ways the SDK examples do not show: verdict pattern matching, JSON labels,
    /// a bool gate with an early return, review in a local function, audit through a wrapper.
    /// </summary>
    [ApiController]
    [Route("api/recipes")]
    public sealed class RecipesController(
        IChatClient chat,
        IContentReviewer reviewer,
        IAigcTextLabeler labeler,
        IRealNameGate gate,
        GenerationJournal journal) : ControllerBase
    {
        [HttpPost]
        public async Task<IActionResult> Create(RecipeRequest request, CancellationToken ct)
        {
            var userId = User.FindFirstValue(ClaimTypes.NameIdentifier);
            if (userId is null || !await gate.IsVerifiedAsync(userId, ct))
            {
                return Forbid();
            }

            async Task<string> CheckedAsync(string text, ReviewStage stage) => await reviewer.EnsureAllowedAsync(text, stage, ct);

            var ingredients = await CheckedAsync(request.Ingredients, ReviewStage.Input);
            var response = await chat.GetResponseAsync(
                $"只用这些食材设计一道菜，输出 JSON：{{\"name\":...,\"steps\":[...],\"description\":...}}。食材：{ingredients}",
                new ChatOptions { ResponseFormat = ChatResponseFormat.Json },
                ct);

            var verdict = await reviewer.ReviewAsync(response.Text, ReviewStage.Output, ct);
            if (verdict is { IsAllowed: false } or { Decision: ReviewDecision.NeedsManualReview })
            {
                return StatusCode(StatusCodes.Status451UnavailableForLegalReasons, new { reason = verdict.ToString() });
            }

            await journal.WriteAsync(response.Text, User, "recipe", ct);
            return Content(labeler.LabelJson(response.Text, "description"), "application/json");
        }

        [HttpPost("name")]
        public async Task<IActionResult> Name(RecipeRequest request, CancellationToken ct)
        {
            await gate.EnsureVerifiedAsync(User, ct);
            var ingredients = request.Ingredients;
            await reviewer.EnsureAllowedAsync(ingredients, ReviewStage.Input, ct);

            var response = await chat.GetResponseAsync("给这道菜起一个好听的名字：" + ingredients, cancellationToken: ct);
            var name = response.Text switch
            {
                null or "" => null,
                var t when t.Length > 30 => t[..30],
                var t => t,
            };
            if (name is null)
            {
                return NoContent();
            }

            name = await reviewer.EnsureAllowedAsync(name, ReviewStage.Output, ct);
            await journal.WriteAsync(name, User, "recipe-name", ct);
            var payload = JsonSerializer.Serialize(new { name = labeler.Label(name), generatedAt = DateTimeOffset.UtcNow });
            return Content(payload, "application/json");
        }
    }
}
