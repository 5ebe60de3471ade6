using Microsoft.Extensions.AI;

namespace WriterApp.Middleware;

public sealed class InstantAnswerMiddleware(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context, IChatClient chat)
    {
        if (context.Request.Path.StartsWithSegments("/instant") && context.Request.Query.TryGetValue("q", out var question))
        {
            var response = await chat.GetResponseAsync(question.ToString());
            context.Response.ContentType = "text/plain; charset=utf-8";
            await context.Response.WriteAsync(response.Text);
            return;
        }

        await next(context);
    }
}
