using System.Diagnostics;
using DeepSynth.Compliance.Audit;
using DeepSynth.Compliance.Labeling;
using DeepSynth.Compliance.RealName;
using DeepSynth.Compliance.Review;
using Microsoft.Extensions.AI;

namespace Gateway.Middleware;

/// <summary>Adds a Server-Timing header. Nothing to do with AI.</summary>
public sealed class TimingMiddleware(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var sw = Stopwatch.StartNew();
        context.Response.OnStarting(() =>
        {
            context.Response.Headers["Server-Timing"] = $"app;dur={sw.Elapsed.TotalMilliseconds:0.0}";
            return Task.CompletedTask;
        });
        await next(context);
    }
}

/// <summary>
/// Answers /assist?q=... before routing, for the legacy mobile client that cannot call the new API.
/// </summary>
public sealed class LegacyAssistMiddleware
{
    private readonly RequestDelegate _next;
    private readonly IChatClient _chat;

    public LegacyAssistMiddleware(RequestDelegate next, IChatClient chat)
    {
        _next = next;
        _chat = chat;
    }

    public async Task InvokeAsync(HttpContext context, IContentReviewer reviewer, IAigcTextLabeler labeler)
    {
        if (!context.Request.Path.StartsWithSegments("/assist"))
        {
            await _next(context);
            return;
        }

        string question = context.Request.Query["q"]!;
        var response = await _chat.GetResponseAsync(question, cancellationToken: context.RequestAborted); // expect: DSYN004
        var answer = await reviewer.EnsureAllowedAsync(response.Text, ReviewStage.Output, context.RequestAborted);
        context.Response.ContentType = "text/plain; charset=utf-8";
        await context.Response.WriteAsync(labeler.Label(answer), context.RequestAborted); // expect: DSYN002, DSYN005
    }
}

/// <summary>The replacement: same endpoint, with every step.</summary>
public sealed class AssistMiddleware(RequestDelegate next, IChatClient chat)
{
    public async Task InvokeAsync(HttpContext context, IContentReviewer reviewer, IAigcTextLabeler labeler, ISynthesisAuditLog audit, IRealNameGate gate)
    {
        if (!context.Request.Path.StartsWithSegments("/v2/assist"))
        {
            await next(context);
            return;
        }

        var ct = context.RequestAborted;
        var verification = await gate.EnsureVerifiedAsync(context.User, ct);
        var question = await reviewer.EnsureAllowedAsync(context.Request.Query["q"].ToString(), ReviewStage.Input, ct);
        var response = await chat.GetResponseAsync(question, cancellationToken: ct);
        var answer = await reviewer.EnsureAllowedAsync(response.Text, ReviewStage.Output, ct);
        await audit.RecordAsync(answer, new GenerationRecord { UserId = verification.UserId, Model = response.ModelId }, ct);
        await context.Response.WriteAsync(labeler.Label(answer), ct);
    }
}
