using System.Diagnostics;

namespace LumenMarket.Infrastructure;

/// <summary>Adds a Server-Timing header so the storefront team can see slow model calls in the browser.</summary>
public sealed class RequestTimingMiddleware(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var stopwatch = Stopwatch.StartNew();
        context.Response.OnStarting(() =>
        {
            context.Response.Headers["Server-Timing"] = $"app;dur={stopwatch.Elapsed.TotalMilliseconds:0}";
            return Task.CompletedTask;
        });
        await next(context);
    }
}

/// <summary>Every storefront call carries the id of the shop it comes from (we run three brands on one backend).</summary>
public sealed class StoreHeaderFilter : IEndpointFilter
{
    private static readonly HashSet<string> KnownStores = ["lumen-de", "lumen-fr", "lumen-nl"];

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var store = context.HttpContext.Request.Headers["X-Store-Id"].ToString();
        if (!KnownStores.Contains(store))
        {
            return Results.Problem("Unknown or missing X-Store-Id header", statusCode: StatusCodes.Status400BadRequest);
        }
        context.HttpContext.Items["store"] = store;
        return await next(context);
    }
}
