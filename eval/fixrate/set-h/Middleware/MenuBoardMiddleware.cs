using System.Text;
using MenuMuse.Data;
using OpenAI.Chat;

namespace MenuMuse.Middleware;

// Serves /board/{merchantId} as plain text for the in-store menu screens (they only render text/plain).
public sealed class MenuBoardMiddleware(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context, MenuCatalog catalog, ChatClient chat)
    {
        if (!context.Request.Path.StartsWithSegments("/board", out var rest) || catalog.FindMerchant(rest.Value!.Trim('/')) is not { } merchant)
        {
            await next(context);
            return;
        }

        var dishes = catalog.DishesFor(merchant.Id);
        var board = new StringBuilder()
            .AppendLine(merchant.Name.ToUpperInvariant())
            .AppendLine(new string('=', merchant.Name.Length));
        foreach (var dish in dishes)
        {
            board.AppendLine($"{dish.Name,-40} {dish.Price,8:0.00}");
        }
        board.AppendLine().Append("Chef's note: ");

        var aborted = context.RequestAborted;
        context.Response.ContentType = "text/plain; charset=utf-8";
        await context.Response.WriteAsync(board.ToString(), aborted);

        var prompt = $"In one upbeat sentence, as the chef of {merchant.Name}, recommend one of: {string.Join("; ", dishes.Select(d => d.Name))}.";
        await foreach (var update in chat.CompleteChatStreamingAsync([new UserChatMessage(prompt)], cancellationToken: aborted))
        {
            foreach (var part in update.ContentUpdate)
            {
                await context.Response.WriteAsync(part.Text, aborted);
            }
        }
        await context.Response.WriteAsync("\n", aborted);
    }
}
