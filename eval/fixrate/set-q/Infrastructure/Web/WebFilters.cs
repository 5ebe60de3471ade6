using System.Diagnostics;
using System.Security.Claims;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using XueBa.Coach.Infrastructure.Data;

namespace XueBa.Coach.Infrastructure.Web;

public static class ClaimsPrincipalExtensions
{
    public static string UserId(this ClaimsPrincipal user) =>
        user.FindFirstValue(ClaimTypes.NameIdentifier) ?? user.FindFirstValue("sub")
        ?? throw new InvalidOperationException("authenticated user has no id claim");

    public static string? ClassId(this ClaimsPrincipal user) => user.FindFirstValue("class_id");

    public static bool IsTeacher(this ClaimsPrincipal user) => user.IsInRole("teacher");
}

/// <summary>Students may only touch their own essays; teachers may touch essays of their classes.</summary>
public sealed class EssayOwnershipFilter(IEssayRepository essays) : IAsyncActionFilter
{
    public const string EssayItemKey = "xueba.essay";

    public async Task OnActionExecutionAsync(ActionExecutingContext context, ActionExecutionDelegate next)
    {
        if (!context.ActionArguments.TryGetValue("id", out var raw) || raw is not Guid id)
        {
            await next();
            return;
        }

        var essay = await essays.GetAsync(id, context.HttpContext.RequestAborted);
        if (essay is null)
        {
            context.Result = new NotFoundObjectResult(new ProblemDetails { Title = "作文不存在", Status = 404 });
            return;
        }

        var user = context.HttpContext.User;
        var allowed = essay.StudentId == user.UserId() || (user.IsTeacher() && user.HasClaim("teaches", essay.ClassId));
        if (!allowed)
        {
            context.Result = new ForbidResult();
            return;
        }

        context.HttpContext.Items[EssayItemKey] = essay;
        await next();
    }
}

[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method)]
public sealed class RequestTimingAttribute : ActionFilterAttribute
{
    private const string Key = "xueba.timing";

    public override void OnActionExecuting(ActionExecutingContext context) =>
        context.HttpContext.Items[Key] = Stopwatch.StartNew();

    public override void OnResultExecuted(ResultExecutedContext context)
    {
        if (context.HttpContext.Items[Key] is Stopwatch sw)
        {
            context.HttpContext.Response.Headers["Server-Timing"] = $"app;dur={sw.Elapsed.TotalMilliseconds:F0}";
        }
    }
}

/// <summary>Rejects requests whose grade is outside 1-12 before any model is called.</summary>
public sealed class GradeRangeFilter : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        foreach (var argument in context.Arguments)
        {
            var grade = argument switch
            {
                Contracts.MathExplainRequest r => r.Grade,
                Contracts.QuizRequest r => r.Grade,
                Contracts.PassageRequest r => r.Grade,
                _ => (int?)null,
            };
            if (grade is < 1 or > 12)
            {
                return Results.ValidationProblem(new Dictionary<string, string[]> { ["grade"] = ["年级必须在 1 到 12 之间"] });
            }
        }
        return await next(context);
    }
}

/// <summary>Per-user rate limit for model calls, counted in Redis.</summary>
public sealed class ModelQuotaFilter(StackExchange.Redis.IConnectionMultiplexer redis) : IEndpointFilter
{
    private const int DailyLimit = 200;

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var user = context.HttpContext.User;
        if (user.Identity?.IsAuthenticated == true)
        {
            var key = $"quota:{user.UserId()}:{DateTime.UtcNow:yyyyMMdd}";
            var db = redis.GetDatabase();
            var used = await db.StringIncrementAsync(key);
            if (used == 1) await db.KeyExpireAsync(key, TimeSpan.FromDays(1));
            if (used > DailyLimit)
            {
                return Results.Problem(title: "今日提问次数已用完", statusCode: StatusCodes.Status429TooManyRequests);
            }
        }
        return await next(context);
    }
}
