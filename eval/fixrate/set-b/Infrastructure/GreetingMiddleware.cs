using OpenAI.Chat;

namespace ShopAssist.Infrastructure;

public sealed class GreetingMiddleware : IMiddleware
{
    private readonly ChatClient _chat;

    public GreetingMiddleware(ChatClient chat) => _chat = chat;

    public async Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        if (context.Request.Path == "/greeting")
        {
            var name = context.Request.Query["name"].ToString();
            ChatCompletion completion = await _chat.CompleteChatAsync($"Greet the customer {name} warmly in one sentence.");
            await context.Response.WriteAsJsonAsync(new { greeting = completion.Content[0].Text });
            return;
        }

        await next(context);
    }
}
