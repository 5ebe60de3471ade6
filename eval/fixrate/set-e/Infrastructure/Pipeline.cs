using System.Diagnostics;

namespace StudyBuddy.Infrastructure;

/// <summary>Rejects calls that do not say which student is asking (the web and mobile apps always send it).</summary>
public sealed class StudentHeaderFilter : IEndpointFilter
{
    public const string HeaderName = "X-Student-Id";

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var studentId = context.HttpContext.Request.Headers[HeaderName].ToString();
        if (string.IsNullOrWhiteSpace(studentId))
        {
            return Results.Problem($"The {HeaderName} header is required.", statusCode: StatusCodes.Status400BadRequest);
        }

        context.HttpContext.Items["StudentId"] = studentId;
        return await next(context);
    }
}

public sealed class RequestTimingMiddleware(RequestDelegate next, ILogger<RequestTimingMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var stopwatch = Stopwatch.StartNew();
        await next(context);

        if (stopwatch.ElapsedMilliseconds > 5000)
        {
            logger.LogWarning("Slow request {Method} {Path} took {Elapsed} ms",
                context.Request.Method, context.Request.Path, stopwatch.ElapsedMilliseconds);
        }
    }
}
