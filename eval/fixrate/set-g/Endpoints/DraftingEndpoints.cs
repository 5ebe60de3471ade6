using System.Text.Json;
using LexDesk.Data;
using LexDesk.Models;
using LexDesk.Services;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace LexDesk.Endpoints;

public static class DraftingEndpoints
{
    public sealed record DraftQuery(string MatterId, string? ClauseType, int? Limit);

    public sealed record DraftListItem(string DraftId, string ClauseType, string Preview, DateTimeOffset CreatedAt);

    public static RouteGroupBuilder MapDraftingEndpoints(this RouteGroupBuilder api)
    {
        var drafts = api.MapGroup("/drafts").WithTags("Drafting");
        drafts.MapPost("/", CreateDraft);
        drafts.MapPost("/stream", StreamDraft);
        drafts.MapGet("/", ListDrafts);
        drafts.MapGet("/{draftId}", (string draftId, IMatterStore store) =>
            store.FindDraft(draftId) is { } draft ? Results.Ok(draft) : Results.NotFound());

        api.MapPost("/explanations", async ([FromBody] ClauseExplanationRequest request, ClauseExplanationService explainer, CancellationToken ct) =>
            string.IsNullOrWhiteSpace(request.ClauseText)
                ? Results.BadRequest(new { error = "clauseText is required" })
                : Results.Ok(await explainer.ExplainAsync(request, ct)));

        return api;
    }

    private static async Task<Results<Created<ClauseDraftResult>, ValidationProblem>> CreateDraft(
        [FromBody] ClauseDraftRequest request, IClauseDrafter drafter, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(request.ClauseType))
            errors["clauseType"] = ["Choose a clause type, e.g. 保密, 违约责任, 争议解决."];
        if (string.IsNullOrWhiteSpace(request.PartyA) || string.IsNullOrWhiteSpace(request.PartyB))
            errors["parties"] = ["Both parties must be named."];
        if (errors.Count > 0)
            return TypedResults.ValidationProblem(errors);

        var draft = await drafter.DraftAsync(request, cancellationToken);
        return TypedResults.Created($"/api/drafts/{draft.DraftId}", draft);
    }

    // Server-sent events so the drafting pane can show the clause as it is written.
    private static async Task StreamDraft(HttpContext context, [FromBody] ClauseDraftRequest request, IClauseDrafter drafter)
    {
        var ct = context.RequestAborted;
        context.Response.Headers.ContentType = "text/event-stream";
        context.Response.Headers.CacheControl = "no-cache";

        await foreach (var chunk in drafter.StreamDraftAsync(request, ct))
        {
            await context.Response.WriteAsync($"data: {JsonSerializer.Serialize(new { text = chunk })}\n\n", ct);
            await context.Response.Body.FlushAsync(ct);
        }
        await context.Response.WriteAsync("event: done\ndata: {}\n\n", ct);
    }

    private static Ok<DraftListItem[]> ListDrafts([AsParameters] DraftQuery query, IMatterStore store) =>
        TypedResults.Ok(store.DraftsFor(query.MatterId)
            .Where(d => query.ClauseType is null || d.ClauseType == query.ClauseType)
            .Take(query.Limit ?? 50)
            .Select(d => new DraftListItem(d.DraftId, d.ClauseType, d.ClauseText.Length > 80 ? d.ClauseText[..80] + "…" : d.ClauseText, d.CreatedAt))
            .ToArray());
}
