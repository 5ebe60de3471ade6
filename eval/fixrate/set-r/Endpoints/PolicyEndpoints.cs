using System.Security.Claims;
using DeepSynth.Compliance;
using DeepSynth.Compliance.Audit;
using DeepSynth.Compliance.Labeling;
using DeepSynth.Compliance.Review;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PeiFu.Claims.AI;
using PeiFu.Claims.Contracts;
using PeiFu.Claims.Data;
using PeiFu.Claims.Security;

namespace PeiFu.Claims.Endpoints;

public static class PolicyEndpoints
{
    public static RouteGroupBuilder MapPolicyEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/policy")
            .RequireAuthorization(PeiFuPolicies.Customer)
            .WithTags("Policy");

        group.MapGet("/models", (IOptions<AiOptions> ai, IOptions<ZhipuOptions> glm) => Results.Ok(new
        {
            chat = ai.Value.ChatModel,
            local = ai.Value.LocalModel,
            vision = ai.Value.VisionModel,
            fraud = glm.Value.Model
        }));

        group.MapGet("/{policyNumber}", async (string policyNumber, ClaimsPrincipal user, ClaimsDbContext db, CancellationToken ct) =>
        {
            var policy = await FindOwnPolicyAsync(db, user, policyNumber, ct);
            return policy is null
                ? Results.NotFound()
                : Results.Ok(new PolicyDetailsDto(policy.PolicyNumber, policy.Product, policy.EffectiveFrom, policy.ExpiresOn,
                    policy.Premium, policy.Deductible, policy.AutoRenew));
        });

        group.MapPost("/ask", async (PolicyQuestion question, ClaimsPrincipal user, ClaimsDbContext db,
            IPolicyAdvisor advisor, IAigcTextLabeler labeler, CancellationToken ct) =>
        {
            if (await FindOwnPolicyAsync(db, user, question.PolicyNumber, ct) is null) return Results.NotFound();
            var answer = await advisor.AnswerAsync(question.PolicyNumber, question.Question, ct);
            return Results.Ok(answer with { Answer = labeler.Label(answer.Answer) });
        })
        .RequireRealName();

        group.MapGet("/ask/stream", (string policyNumber, string question, IPolicyAdvisor advisor, CancellationToken ct) =>
            advisor.StreamAnswerAsync(policyNumber, question, ct));

        group.MapPost("/ask/local", async (PolicyQuestion question, ClaimsPrincipal user, ClaimsDbContext db,
            ILocalModelService local, IContentReviewer review, ISynthesisAuditLog audit, CancellationToken ct) =>
        {
            var policy = await FindOwnPolicyAsync(db, user, question.PolicyNumber, ct);
            if (policy is null) return Results.NotFound();

            var text = await review.EnsureAllowedAsync(question.Question, ReviewStage.Input, ct);
            var result = await local.AnswerPolicyQuestionAsync(policy.CoverageTerms, text, ct);
            var answer = await review.EnsureAllowedAsync(result.Text, ReviewStage.Output, ct);
            await audit.RecordAsync(answer, new GenerationRecord
            {
                UserId = user.GetUserId(),
                Model = result.Model,
                Attributes = { ["feature"] = "policy-qa-local", ["policy"] = policy.PolicyNumber }
            }, ct);
            return Results.Ok(new PolicyAnswer(policy.PolicyNumber, answer, result.Model));
        });

        group.MapGet("/{policyNumber}/reminders", async (string policyNumber, ClaimsPrincipal user, ClaimsDbContext db, CancellationToken ct) =>
        {
            if (await FindOwnPolicyAsync(db, user, policyNumber, ct) is null) return Results.NotFound();
            var reminders = await db.RenewalReminders.AsNoTracking()
                .Where(r => r.PolicyNumber == policyNumber && r.SentAt != null)
                .OrderByDescending(r => r.CreatedAt)
                .Select(r => new ReminderDto(r.Id, r.Channel, r.Body, r.CreatedAt, r.SentAt))
                .ToListAsync(ct);
            return Results.Ok(reminders);
        });

        group.MapPost("/compare", async (CoverageCompareRequest request, ClaimsPrincipal user, ClaimsDbContext db,
            IClaimAssistant assistant, IContentReviewer review, IAigcTextLabeler labeler, ISynthesisAuditLog audit,
            CancellationToken ct) =>
        {
            var policy = await FindOwnPolicyAsync(db, user, request.PolicyNumber, ct);
            if (policy is null) return Results.NotFound();

            await review.EnsureAllTextAllowedAsync(request, ReviewStage.Input, ct);
            var (comparison, model) = await assistant.CompareCoverageAsync(policy.CoverageTerms, request.OtherProductDescription, ct);
            await review.EnsureAllTextAllowedAsync(comparison, ReviewStage.Output, ct);
            await audit.RecordAllTextAsync(comparison, new GenerationRecord
            {
                UserId = user.GetUserId(),
                Model = model,
                Labeled = true
            }, ct);

            comparison.Summary = labeler.Label(comparison.Summary);
            comparison.Covered = comparison.Covered.Select(labeler.Label).ToList();
            comparison.NotCovered = comparison.NotCovered.Select(labeler.Label).ToList();
            comparison.Caveats = comparison.Caveats.Select(labeler.Label).ToList();
            return Results.Ok(comparison);
        })
        .RequireRealName();

        return group;
    }

    private static Task<InsurancePolicy?> FindOwnPolicyAsync(ClaimsDbContext db, ClaimsPrincipal user, string policyNumber, CancellationToken ct)
    {
        var userId = user.GetUserId();
        return db.Policies.AsNoTracking().FirstOrDefaultAsync(p => p.PolicyNumber == policyNumber && p.CustomerId == userId, ct);
    }
}
