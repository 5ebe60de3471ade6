using System.Security.Claims;
using System.Text;
using CareMessenger.Contracts;
using CareMessenger.Data;
using CareMessenger.Features;
using CareMessenger.Services;
using DeepSynth.Compliance;
using DeepSynth.Compliance.Audit;
using DeepSynth.Compliance.Labeling;
using DeepSynth.Compliance.Review;
using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CareMessenger.Endpoints;

public static class PortalEndpoints
{
    public static RouteGroupBuilder MapPortalEndpoints(this IEndpointRouteBuilder app)
    {
        var portal = app.MapGroup("/api/portal")
            .RequireAuthorization()
            .WithTags("Portal");

        portal.MapPost("/ask", AskAsync)
            .AddEndpointFilter<ValidationFilter<PortalQuestion>>()
            .RequireRealName();

        portal.MapGet("/ask/stream", StreamAnswer)
            .RequireRealName();

        portal.MapPost("/labs/explain", ExplainLabsAsync)
            .AddEndpointFilter<ValidationFilter<LabExplainRequest>>();

        portal.MapGet("/labs/{patientId:int}/{panelCode}", async Task<Results<Ok<LabExplainResponse>, NotFound>> (
            int patientId, string panelCode, CareDbContext db, IPortalReadStore reads, CancellationToken ct) =>
        {
            var text = await reads.GetLatestLabExplanationAsync(patientId, panelCode, ct);
            return text is null
                ? TypedResults.NotFound()
                : TypedResults.Ok(new LabExplainResponse(0, panelCode, text, DateTimeOffset.UtcNow));
        });

        portal.MapGet("/history/{patientId:int}", async (int patientId, IPortalReadStore reads, CancellationToken ct) =>
            TypedResults.Ok(await reads.GetChatHistoryAsync(patientId, 50, ct)));

        portal.MapGet("/appointments/{id:int}/status", async Task<Results<Ok<AppointmentStatusDto>, NotFound>> (
            int id, IMediator mediator, CancellationToken ct) =>
            await mediator.Send(new GetAppointmentStatusQuery(id), ct) is { } status
                ? TypedResults.Ok(status)
                : TypedResults.NotFound());

        portal.MapPost("/feedback", (PortalQuestion feedback, ILoggerFactory loggers) =>
        {
            loggers.CreateLogger("Portal.Feedback").LogInformation("Feedback from patient {PatientId}", feedback.PatientId);
            return TypedResults.Ok(new { received = feedback.Question, at = DateTimeOffset.UtcNow });
        });

        return portal;
    }

    private static async Task<Ok<PortalAnswer>> AskAsync(
        PortalQuestion request,
        ClaimsPrincipal user,
        IMessageDraftingService drafting,
        IPortalReadStore reads,
        CareDbContext db,
        IContentReviewer review,
        IAigcTextLabeler label,
        ISynthesisAuditLog audit,
        CancellationToken ct)
    {
        var question = await review.EnsureAllowedAsync(request.Question, ReviewStage.Input, ct);
        var history = await reads.GetChatHistoryAsync(request.PatientId, 10, ct);
        var response = await drafting.AnswerPortalQuestionAsync(question, history, ct);
        var answer = await review.EnsureAllowedAsync(response.Text, ReviewStage.Output, ct);
        await audit.RecordAsync(answer, new GenerationRecord
        {
            UserId = user.FindFirstValue(ClaimTypes.NameIdentifier),
            Model = response.ModelId ?? "qwen-plus",
        }, ct);

        var now = DateTimeOffset.UtcNow;
        db.ChatTurns.Add(new ChatTurn { PatientId = request.PatientId, Role = "user", Text = question, At = now });
        db.ChatTurns.Add(new ChatTurn { PatientId = request.PatientId, Role = "assistant", Text = answer, At = now.AddMilliseconds(1) });
        await db.SaveChangesAsync(ct);

        return TypedResults.Ok(new PortalAnswer(label.Label(answer), response.ModelId ?? "", (int?)response.Usage?.TotalTokenCount));
    }

    private static ServerSentEventsResult<string> StreamAnswer(
        int patientId,
        string question,
        IMessageDraftingService drafting,
        IContentReviewer review,
        ISynthesisAuditLog audit,
        IAigcTextLabeler label,
        CancellationToken ct)
    {
        var tokens = Tokens(patientId, question, drafting, review, ct);
        var labeled = label.LabelStream(
            audit.RecordStream(
                review.ReviewStream(tokens, ReviewStage.Output, ct),
                new GenerationRecord { Model = "qwen-plus" }, ct),
            ct);
        return TypedResults.ServerSentEvents(labeled, eventType: "answer");
    }

    private static async IAsyncEnumerable<string> Tokens(int patientId, string question, IMessageDraftingService drafting,
        IContentReviewer review, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        var reviewed = await review.EnsureAllowedAsync(question, ReviewStage.Input, ct);
        await foreach (var token in drafting.StreamPortalAnswerAsync(reviewed, [], ct))
        {
            yield return token;
        }
    }

    private static async Task<Ok<LabExplainResponse>> ExplainLabsAsync(
        LabExplainRequest request, ILabExplanationService labs, CareDbContext db, CancellationToken ct)
    {
        var text = await labs.ExplainAsync(request.PanelCode, request.Values, ct);
        var raw = new StringBuilder();
        foreach (var v in request.Values)
        {
            raw.Append(v.Name).Append('=').Append(v.Value).Append(v.Unit).Append(';');
        }
        var entity = new LabExplanation
        {
            PatientId = request.PatientId,
            PanelCode = request.PanelCode,
            RawResults = raw.ToString(),
            PlainLanguage = text,
            CreatedAt = DateTimeOffset.UtcNow,
        };
        db.LabExplanations.Add(entity);
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(entity.ToResponse());
    }
}

public sealed class ValidationFilter<T>(IValidator<T> validator) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var argument = context.Arguments.OfType<T>().FirstOrDefault();
        if (argument is null)
        {
            return TypedResults.Problem("Request body is missing.", statusCode: StatusCodes.Status400BadRequest);
        }
        var result = await validator.ValidateAsync(argument, context.HttpContext.RequestAborted);
        if (!result.IsValid)
        {
            return TypedResults.ValidationProblem(result.ToDictionary());
        }
        return await next(context);
    }
}
