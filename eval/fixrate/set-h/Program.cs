using System.ClientModel;
using Azure.AI.OpenAI;
using MenuMuse.Chat;
using MenuMuse.Data;
using MenuMuse.Endpoints;
using MenuMuse.Hubs;
using MenuMuse.Middleware;
using MenuMuse.Models;
using MenuMuse.Options;
using MenuMuse.Promotions;
using MenuMuse.Services;
using Microsoft.Extensions.AI;
using Microsoft.SemanticKernel;
using OpenAI;

var builder = WebApplication.CreateBuilder(args);
builder.Services.Configure<OpenAiOptions>(builder.Configuration.GetSection(OpenAiOptions.SectionName));
builder.Services.Configure<PromotionOptions>(builder.Configuration.GetSection(PromotionOptions.SectionName));
builder.Services.Configure<PhotoStorageOptions>(builder.Configuration.GetSection(PhotoStorageOptions.SectionName));

var ai = builder.Configuration.GetSection(OpenAiOptions.SectionName).Get<OpenAiOptions>() ?? new OpenAiOptions();
OpenAIClient openAi = string.IsNullOrEmpty(ai.AzureEndpoint)
    ? new OpenAIClient(ai.ApiKey)
    : new AzureOpenAIClient(new Uri(ai.AzureEndpoint), new ApiKeyCredential(ai.ApiKey));

builder.Services.AddSingleton(openAi.GetChatClient(ai.ChatModel));
builder.Services.AddSingleton(openAi.GetImageClient(ai.ImageModel));
builder.Services.AddChatClient(sp => sp.GetRequiredService<OpenAI.Chat.ChatClient>().AsIChatClient()).UseLogging();

var kernel = builder.Services.AddKernel();
kernel.AddOpenAIChatCompletion(ai.ChatModel, openAi);
kernel.Plugins.AddFromType<MenuPlugin>("menu");

builder.Services.AddSingleton<MenuCatalog>();
builder.Services.AddSingleton<IReplyDraftStore, InMemoryReplyDraftStore>();
builder.Services.AddSingleton<IDishRecommender, DishRecommender>();
builder.Services.AddScoped<IDishCopywriter, DishCopywriter>();
builder.Services.AddScoped<IMenuTranslator, MenuTranslator>();
builder.Services.AddScoped<IReviewReplyService, ReviewReplyService>();
builder.Services.AddScoped<IDishPhotoService, DishPhotoService>();
builder.Services.AddHostedService<DailyPromotionService>();
builder.Services.AddControllers();
builder.Services.AddSignalR();

var app = builder.Build();
app.UseMiddleware<MenuBoardMiddleware>();
app.MapControllers();
app.MapHub<CustomerChatHub>("/hubs/chat");
app.MapPhotoEndpoints();

app.MapGet("/health", () => Results.Ok(new { status = "ok", time = DateTimeOffset.UtcNow }));

var merchants = app.MapGroup("/api/merchants/{merchantId}").WithTags("Merchants");
merchants.MapGet("/", (string merchantId, MenuCatalog catalog) =>
    catalog.FindMerchant(merchantId) is { } m
        ? Results.Ok(new MerchantProfile(m.Id, m.Name, m.City, m.Cuisine, m.Phone, catalog.DishesFor(m.Id).Count))
        : Results.NotFound());
merchants.MapGet("/orders", (string merchantId, string? status, MenuCatalog catalog) =>
    catalog.OrdersFor(merchantId, status)
        .Select(o => new OrderSummary(o.Id, o.CustomerName, o.Lines.Sum(l => l.Quantity), o.Total, o.Status, o.PlacedAt))
        .ToList());

app.MapGet("/api/dishes/{dishId:int}/description/stream", async (
    int dishId, string? tone, MenuCatalog catalog, IDishCopywriter copywriter, HttpResponse response, CancellationToken cancellationToken) =>
{
    if (catalog.FindDish(dishId) is not { } dish)
    {
        response.StatusCode = StatusCodes.Status404NotFound;
        return;
    }

    response.ContentType = "text/event-stream";
    await foreach (var chunk in copywriter.StreamDescriptionAsync(dish, tone ?? "warm", cancellationToken))
    {
        await response.WriteAsync($"data: {chunk}\n\n", cancellationToken);
        await response.Body.FlushAsync(cancellationToken);
    }
});

app.Run();
