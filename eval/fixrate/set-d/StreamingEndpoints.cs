using System.Runtime.CompilerServices;
using LumenMarket.Catalog;
using LumenMarket.Models;
using Microsoft.Extensions.AI;
using Microsoft.SemanticKernel;
using Microsoft.SemanticKernel.ChatCompletion;

namespace LumenMarket.Streaming;

public static class StreamingEndpoints
{
    public static void MapStreamingEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/stream");
        group.MapGet("/faq", StreamFaq);
        group.MapPost("/product-story", WriteProductStoryAsync);
    }

    public static async IAsyncEnumerable<string> StreamFaq(string question, IChatClient chat, [EnumeratorCancellation] CancellationToken ct)
    {
        await foreach (var update in chat.GetStreamingResponseAsync($"Answer this shopper question briefly: {question}", cancellationToken: ct))
        {
            if (!string.IsNullOrEmpty(update.Text))
            {
                yield return update.Text;
            }
        }
    }

    public static async Task WriteProductStoryAsync(HttpContext context, ProductCopyRequest request, IProductCatalog catalog, Kernel kernel)
    {
        var product = catalog.Find(request.Sku);
        if (product is null)
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        context.Response.ContentType = "text/event-stream";
        context.Response.Headers.CacheControl = "no-cache";

        var chatService = kernel.GetRequiredService<IChatCompletionService>();
        var history = new ChatHistory("You tell short, warm brand stories about products for a web shop.");
        history.AddUserMessage($"Tell the story behind {product.Name} ({product.Summary}) for {request.Audience ?? "everyday shoppers"}.");

        await foreach (var chunk in chatService.GetStreamingChatMessageContentsAsync(history, kernel: kernel, cancellationToken: context.RequestAborted))
        {
            await context.Response.WriteAsync($"data: {chunk.Content}\n\n", context.RequestAborted);
            await context.Response.Body.FlushAsync(context.RequestAborted);
        }
        await context.Response.WriteAsync("event: done\ndata: {}\n\n", context.RequestAborted);
    }
}
