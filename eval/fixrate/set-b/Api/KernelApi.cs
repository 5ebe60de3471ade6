using Microsoft.SemanticKernel;

namespace ShopAssist.Api;

public static class KernelApi
{
    public static void MapKernelApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/api/kernel/slogan", async (string brand, Kernel kernel) =>
        {
            var result = await kernel.InvokePromptAsync($"Write a slogan for the brand {brand}.");
            return Results.Text(result.ToString());
        });

        endpoints.MapGet("/api/kernel/poem", async (string subject, Kernel kernel) =>
        {
            var result = await kernel.InvokePromptAsync("Write a four-line poem about {{$subject}}", new KernelArguments { ["subject"] = subject });
            var poem = result.GetValue<string>() ?? string.Empty;
            return Results.Ok(new { subject, poem, lines = poem.Split('\n').Length });
        });
    }
}
