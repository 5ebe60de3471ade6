using OpenAI.Chat;

namespace ShopAssist.Api;

public static class BotEndpoint
{
    public static async Task Handle(HttpContext context, ChatClient chat)
    {
        using var reader = new StreamReader(context.Request.Body);
        var question = await reader.ReadToEndAsync();
        ChatCompletion completion = await chat.CompleteChatAsync(question);
        context.Response.ContentType = "text/plain";
        await context.Response.WriteAsync(completion.Content[0].Text);
    }
}
