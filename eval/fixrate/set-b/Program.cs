using Microsoft.SemanticKernel;
using OpenAI;
using OpenAI.Chat;
using ShopAssist.Api;
using ShopAssist.Hubs;
using ShopAssist.Services;

var builder = WebApplication.CreateBuilder(args);
var apiKey = builder.Configuration["OpenAI:ApiKey"] ?? "sk-dev";

builder.Services.AddSingleton(new ChatClient("gpt-4o-mini", apiKey));
builder.Services.AddSingleton(new OpenAIClient(apiKey));
builder.Services.AddKernel().AddOpenAIChatCompletion("gpt-4o-mini", apiKey);
builder.Services.AddScoped<ProductCopyWriter>();
builder.Services.AddScoped<ReviewSummarizer>();
builder.Services.AddScoped<OrderUpdateNotifier>();
builder.Services.AddControllersWithViews();
builder.Services.AddSignalR();
builder.Services.AddTransient<ShopAssist.Infrastructure.GreetingMiddleware>();

var app = builder.Build();

app.MapControllers();
app.MapHub<SupportHub>("/support");
app.MapProductApi();
app.MapSupportApi();
app.MapKernelApi();
app.MapImageApi();
app.MapStreamingApi();
app.UseMiddleware<ShopAssist.Infrastructure.GreetingMiddleware>();
app.Map("/bot", BotEndpoint.Handle);

app.Run();
