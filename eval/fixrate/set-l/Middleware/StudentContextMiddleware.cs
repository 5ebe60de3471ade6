using System.Diagnostics;

namespace LinguaPath.Middleware;

/// <summary>
/// Resolves the calling student from the X-Student-Id header (set by the gateway after login)
/// and logs request timing.
/// </summary>
public sealed class StudentContextMiddleware(RequestDelegate next, ILogger<StudentContextMiddleware> logger)
{
    public const string HeaderName = "X-Student-Id";
    private const string ItemKey = "linguapath.student-id";

    public async Task InvokeAsync(HttpContext context)
    {
        if (context.Request.Headers.TryGetValue(HeaderName, out var raw) && int.TryParse(raw, out var studentId))
        {
            context.Items[ItemKey] = studentId;
        }
        else if (context.Request.Query.TryGetValue("studentId", out var fromQuery) && int.TryParse(fromQuery, out studentId))
        {
            // SignalR and EventSource clients cannot set custom headers
            context.Items[ItemKey] = studentId;
        }

        var stopwatch = Stopwatch.StartNew();
        try
        {
            await next(context);
        }
        finally
        {
            stopwatch.Stop();
            if (stopwatch.ElapsedMilliseconds > 2000)
            {
                logger.LogWarning("Slow request {Method} {Path} took {Elapsed} ms (status {Status})",
                    context.Request.Method, context.Request.Path, stopwatch.ElapsedMilliseconds, context.Response.StatusCode);
            }
            else
            {
                logger.LogDebug("{Method} {Path} -> {Status} in {Elapsed} ms",
                    context.Request.Method, context.Request.Path, context.Response.StatusCode, stopwatch.ElapsedMilliseconds);
            }
        }
    }

    public static int? GetStudentId(HttpContext context) =>
        context.Items.TryGetValue(ItemKey, out var value) && value is int id ? id : null;
}

public static class StudentContextExtensions
{
    public static IApplicationBuilder UseStudentContext(this IApplicationBuilder app) =>
        app.UseMiddleware<StudentContextMiddleware>();

    public static int RequireStudentId(this HttpContext context) =>
        StudentContextMiddleware.GetStudentId(context)
        ?? throw new BadHttpRequestException($"Missing {StudentContextMiddleware.HeaderName} header.", StatusCodes.Status401Unauthorized);
}
