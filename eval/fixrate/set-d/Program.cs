using System.ClientModel;
using Azure.AI.OpenAI;
using LumenMarket.Background;
using LumenMarket.Catalog;
using LumenMarket.Hubs;
using LumenMarket.Infrastructure;
using LumenMarket.Marketing;
using LumenMarket.Models;
using LumenMarket.Notifications;
using LumenMarket.Streaming;
using LumenMarket.Support;
using Microsoft.Extensions.AI;
using Microsoft.SemanticKernel;
using OpenAI.Images;

var builder = WebApplication.CreateBuilder(args);

var apiKey = builder.Configuration["OpenAI:ApiKey"] ?? throw new InvalidOperationException("OpenAI:ApiKey is not configured.");
var chatModel = builder.Configuration["OpenAI:ChatModel"] ?? "gpt-4o-mini";
var imageModel = builder.Configuration["OpenAI:ImageModel"] ?? "dall-e-3";

// Chat: one OpenAI client, used directly by the copy controller and through IChatClient everywhere else.
builder.Services.AddSingleton(new OpenAI.Chat.ChatClient(chatModel, apiKey));
builder.Services
    .AddChatClient(services => services.GetRequiredService<OpenAI.Chat.ChatClient>().AsIChatClient())
    .UseLogging();

// Images: Azure OpenAI in production (EU data residency), api.openai.com on developer machines.
builder.Services.AddSingleton(builder.Configuration["AzureOpenAI:Endpoint"] is { Length: > 0 } azureEndpoint
    ? new AzureOpenAIClient(new Uri(azureEndpoint), new ApiKeyCredential(builder.Configuration["AzureOpenAI:ApiKey"]!))
        .GetImageClient(builder.Configuration["AzureOpenAI:ImageDeployment"] ?? imageModel)
    : new ImageClient(imageModel, apiKey));

// Semantic Kernel for the marketing prompts.
builder.Services.AddOpenAIChatCompletion(chatModel, apiKey);
builder.Services.AddKernel();

builder.Services.AddSingleton<IProductCatalog, InMemoryProductCatalog>();
builder.Services.AddScoped<IReplyDraftService, ReplyDraftService>();
builder.Services.AddScoped<NewsletterService>();
builder.Services.AddScoped<OrderDelayNotifier>();
builder.Services.AddHostedService<ReviewDigestWorker>();

builder.Services.AddControllers();
builder.Services.AddSignalR();
builder.Services.AddHealthChecks();

var app = builder.Build();

app.UseMiddleware<RequestTimingMiddleware>();

app.MapHealthChecks("/health");
app.MapGet("/", () => "Lumen Market support & marketing copy service");

app.MapProductEndpoints();
app.MapSupportEndpoints();
app.MapBannerEndpoints();
app.MapStreamingEndpoints();

var marketing = app.MapGroup("/api/marketing");
marketing.MapPost("/newsletter", (NewsletterRequest request, NewsletterService newsletters, CancellationToken ct) =>
    newsletters.ComposeAsync(request, ct));
marketing.MapGet("/product-blurb/{sku}", async (string sku, string? tone, Kernel kernel, IProductCatalog catalog) =>
{
    if (catalog.Find(sku) is not { } product)
    {
        return Results.NotFound();
    }
    var blurb = await kernel.InvokePromptAsync($"Write a two-sentence {tone ?? "playful"} blurb for {product.Name}: {product.Summary}");
    return Results.Ok(new { product.Sku, product.Name, blurb = blurb.ToString(), price = product.Price });
});

app.MapPost("/api/orders/delay-notice", async (OrderDelayNotice notice, OrderDelayNotifier notifier, CancellationToken ct) =>
{
    var sentBody = await notifier.NotifyAsync(notice, ct);
    return Results.Ok(new { sent = true, notice.OrderNumber, preview = sentBody });
});

app.MapControllers();
app.MapHub<SupportChatHub>("/hubs/support");
app.MapHub<AgentAssistHub>("/hubs/agents");

app.Run();
