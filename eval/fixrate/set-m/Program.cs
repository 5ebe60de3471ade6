using System.ClientModel;
using Carter;
using DeepSynth.Compliance.RealName;
using FastEndpoints;
using Hangfire;
using Hangfire.InMemory;
using MassTransit;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.AI;
using OllamaSharp;
using OpenAI;
using Refit;
using SendGrid;
using ShopCopilot.Consumers;
using ShopCopilot.Data;
using ShopCopilot.Endpoints;
using ShopCopilot.Hubs;
using ShopCopilot.Jobs;
using ShopCopilot.Models;
using ShopCopilot.Services;

var builder = WebApplication.CreateBuilder(args);
var config = builder.Configuration;

builder.Services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer(o =>
{
    o.Authority = config["Auth:Authority"];
    o.Audience = config["Auth:Audience"] ?? "shopcopilot-api";
});
builder.Services.AddAuthorization();
builder.Services.AddProblemDetails();

builder.Services.AddDeepSynthCompliance(o => config.GetSection("DeepSynth").Bind(o));
builder.Services.AddScoped<IRealNameVerifier, SellerRealNameVerifier>();

builder.Services.AddFastEndpoints();
builder.Services.AddCarter();
builder.Services.AddControllers();
builder.Services.AddSignalR(o => o.MaximumReceiveMessageSize = 64 * 1024);

// Storage
builder.Services.AddSingleton<IShopDatabase, ShopDatabase>();
builder.Services.AddSingleton<IContentStore, ContentStore>();
builder.Services.AddHostedService<SchemaInitializer>();
builder.Services.AddSingleton<IBlobStore, LocalBlobStore>();
if (config.GetConnectionString("Redis") is { Length: > 0 } redis)
{
    builder.Services.AddStackExchangeRedisCache(o =>
    {
        o.Configuration = redis;
        o.InstanceName = "shopcopilot:";
    });
}
else
{
    builder.Services.AddDistributedMemoryCache();
}
builder.Services.AddSingleton<IContentCache, ContentCache>();

// Model providers
builder.Services
    .AddRefitClient<IDeepSeekApi>()
    .ConfigureHttpClient(c =>
    {
        c.BaseAddress = new Uri(config["Providers:DeepSeek:BaseUrl"] ?? "https://api.deepseek.com");
        c.DefaultRequestHeaders.Authorization = new("Bearer", config["Providers:DeepSeek:ApiKey"]);
        c.Timeout = TimeSpan.FromSeconds(90);
    });
builder.Services.AddScoped<IListingCopywriter, ListingCopywriter>();
builder.Services.AddSingleton<IListingTranslator, ErnieTranslator>();
builder.Services.AddSingleton<IMarketingWriter, HunyuanMarketingWriter>();

builder.Services.AddSingleton<IOllamaApiClient>(_ =>
    new OllamaApiClient(new Uri(config["Providers:Ollama:BaseUrl"] ?? "http://localhost:11434"), config["Providers:Ollama:Model"] ?? "qwen2.5:7b"));
builder.Services.AddSingleton<IReviewSummariser, OllamaReviewSummariser>();

builder.Services.AddChatClient(_ =>
{
    var moonshot = new OpenAIClient(
        new ApiKeyCredential(config["Providers:Moonshot:ApiKey"] ?? "unset"),
        new OpenAIClientOptions { Endpoint = new Uri(config["Providers:Moonshot:BaseUrl"] ?? "https://api.moonshot.cn/v1") });
    return moonshot.GetChatClient(config["Providers:Moonshot:Model"] ?? "moonshot-v1-8k").AsIChatClient();
})
.UseLogging();
builder.Services.AddScoped<IBuyerAssistant, BuyerAssistant>();

var openAi = new OpenAIClient(config["Providers:OpenAI:ApiKey"] ?? "unset");
builder.Services.AddSingleton(openAi.GetImageClient(config["Providers:OpenAI:ImageModel"] ?? "gpt-image-1"));
builder.Services.AddSingleton(openAi.GetAudioClient(config["Providers:OpenAI:SpeechModel"] ?? "gpt-4o-mini-tts"));
builder.Services.AddScoped<IMediaStudio, MediaStudio>();

// Messaging and delivery
builder.Services.AddSingleton<ISendGridClient>(new SendGridClient(config["Mail:SendGridKey"] ?? "unset"));
builder.Services.AddSingleton<IMailOutbox, MailOutbox>();
builder.Services.AddSingleton<ISellerNotifier, SellerNotifier>();

builder.Services.AddMassTransit(x =>
{
    x.AddConsumer<TranslateListingConsumer>();
    x.AddConsumer<ListingTranslatedConsumer>();
    x.AddConsumer<DraftPushTextConsumer>();
    x.AddConsumer<PromoEmailConsumer>().Endpoint(e => e.Name = "promo-email");
    x.AddConsumer<BuyerQuestionConsumer>();
    x.AddConsumer<ReviewDigestReadyConsumer>();
    x.AddRequestClient<DraftPushText>(RequestTimeout.After(s: 60));
    x.SetKebabCaseEndpointNameFormatter();
    x.UsingInMemory((context, cfg) => cfg.ConfigureEndpoints(context));
});

// Jobs
builder.Services.AddHangfire(c => c
    .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
    .UseSimpleAssemblyNameTypeSerializer()
    .UseRecommendedSerializerSettings()
    .UseInMemoryStorage(new InMemoryStorageOptions { MaxExpirationTime = TimeSpan.FromDays(3) }));
builder.Services.AddHangfireServer(o => o.WorkerCount = 2);
builder.Services.AddScoped<ReviewDigestJob>();
builder.Services.AddScoped<WeeklyPromoJob>();
builder.Services.AddScoped<CampaignReportJob>();
builder.Services.AddHostedService<PushTextRefresher>();

var app = builder.Build();

app.UseExceptionHandler();
app.UseAuthentication();
app.UseAuthorization();

app.UseFastEndpoints(c => c.Endpoints.RoutePrefix = null);
app.MapCarter();
app.MapControllers();
app.MapHub<BuyerChatHub>("/hubs/buyer-chat");
app.MapShopApis();
app.MapHangfireDashboard("/ops/jobs");

JobSchedule.Register(app.Services.GetRequiredService<IRecurringJobManager>());

app.Run();
