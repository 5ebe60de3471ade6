using System.Diagnostics;
using System.Security.Claims;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace WealthPal.Infrastructure;

/// <summary>Response shape shared with the mobile app (see mobile-api.md in the app repo).</summary>
public sealed record ApiEnvelope<T>(T Data, string TraceId, DateTimeOffset ServerTime)
{
    public static ApiEnvelope<T> Of(T data) =>
        new(data, Activity.Current?.TraceId.ToString() ?? "-", DateTimeOffset.UtcNow);
}

public static class ApiEnvelope
{
    public static ApiEnvelope<T> Wrap<T>(this T data) => ApiEnvelope<T>.Of(data);
}

public static class UserExtensions
{
    public const string CustomerIdClaim = "wp:cid";
    public const string AdvisorIdClaim = "wp:aid";

    public static string UserId(this ClaimsPrincipal user) =>
        user.FindFirstValue(ClaimTypes.NameIdentifier) ?? user.FindFirstValue("sub")
        ?? throw new InvalidOperationException("Authenticated principal has no subject.");

    public static Guid CustomerId(this ClaimsPrincipal user) =>
        Guid.TryParse(user.FindFirstValue(CustomerIdClaim), out var id)
            ? id
            : throw new UnauthorizedAccessException("Token carries no customer id.");

    public static Guid? AdvisorId(this ClaimsPrincipal user) =>
        Guid.TryParse(user.FindFirstValue(AdvisorIdClaim), out var id) ? id : null;
}

/// <summary>Adds X-Server-Elapsed to API responses; the app team uses it for its latency dashboards.</summary>
public sealed class ElapsedHeaderFilter : IAsyncActionFilter
{
    public async Task OnActionExecutionAsync(ActionExecutingContext context, ActionExecutionDelegate next)
    {
        var sw = Stopwatch.StartNew();
        context.HttpContext.Response.OnStarting(() =>
        {
            context.HttpContext.Response.Headers["X-Server-Elapsed"] = sw.ElapsedMilliseconds.ToString();
            return Task.CompletedTask;
        });
        await next();
    }
}

[ApiController]
[ServiceFilter<ElapsedHeaderFilter>]
public abstract class WealthApiController : ControllerBase
{
    protected ActionResult NotFoundProblem(string what) =>
        Problem(title: "Not found", detail: $"{what} 不存在或无权访问", statusCode: StatusCodes.Status404NotFound);
}
