using System.ClientModel;
using Anthropic;
using Anthropic.Core;
using Azure.AI.OpenAI;
using Coravel;
using DeepSynth.Compliance.RealName;
using DeepSynth.Compliance.Review;
using FastEndpoints;
using MassTransit;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.AI;
using Microsoft.SemanticKernel;
using Minio;
using OllamaSharp;
using OpenAI;
using StackExchange.Redis;
using Twilio.Clients;
using ZhaoPinCopilot.Ai;
using ZhaoPinCopilot.Background;
using ZhaoPinCopilot.Components;
using ZhaoPinCopilot.Data;
using ZhaoPinCopilot.Infrastructure;
using ZhaoPinCopilot.Messaging;
using ZhaoPinCopilot.Security;

var builder = WebApplication.CreateBuilder(args);
var config = builder.Configuration;

// Compliance SDK and what only this app knows (identity records, moderation gateway)
builder.Services.AddDeepSynthCompliance(options => config.GetSection("DeepSynth").Bind(options));
builder.Services.AddScoped<IRealNameVerifier, RealNameRecordVerifier>();
builder.Services.Configure<ModerationGatewayOptions>(config.GetSection("Moderation"));
builder.Services.AddSingleton<IContentModerationAdapter, GreenTextModerationAdapter>();
builder.Services.AddSingleton<IMediaModerationAdapter, GreenMediaModerationAdapter>();

// Persistence
builder.Services.AddDbContext<RecruitingDbContext>(
    o => o.UseSqlite(config.GetConnectionString("Recruiting")),
    optionsLifetime: ServiceLifetime.Singleton);
builder.Services.AddDbContextFactory<RecruitingDbContext>(o => o.UseSqlite(config.GetConnectionString("Recruiting")));
builder.Services.AddSingleton<IConnectionMultiplexer>(_ => ConnectionMultiplexer.Connect(config.GetConnectionString("Redis")!));
builder.Services.Configure<MinioOptions>(config.GetSection("Minio"));
builder.Services.AddMinio(client => client
    .WithEndpoint(config["Minio:Endpoint"])
    .WithCredentials(config["Minio:AccessKey"], config["Minio:SecretKey"])
    .WithSSL(config.GetValue<bool>("Minio:UseSsl")));
builder.Services.AddSingleton<MinioAssetStore>();
builder.Services.AddSingleton<PublishedJobCache>();
builder.Services.AddSingleton<FeedbackFeed>();

// Authentication: cookies for the careers site and dashboard, SSO bearer tokens for the recruiter API
builder.Services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme)
    .AddCookie(o =>
    {
        o.Cookie.Name = "zp.auth";
        o.LoginPath = "/account/login";
        o.AccessDeniedPath = "/account/denied";
        o.SlidingExpiration = true;
        o.ExpireTimeSpan = TimeSpan.FromHours(8);
    })
    .AddJwtBearer(o =>
    {
        o.Authority = config["Jwt:Authority"];
        o.Audience = config["Jwt:Audience"];
        o.MapInboundClaims = false;
        o.TokenValidationParameters.NameClaimType = "name";
        o.TokenValidationParameters.RoleClaimType = "role";
    });

builder.Services.AddAuthorizationBuilder()
    .AddPolicy(AuthPolicies.Recruiter, p => p
        .AddAuthenticationSchemes(JwtBearerDefaults.AuthenticationScheme)
        .RequireAuthenticatedUser()
        .RequireRole("recruiter", "hr-admin"))
    .AddPolicy(AuthPolicies.HiringManager, p => p
        .AddAuthenticationSchemes(JwtBearerDefaults.AuthenticationScheme)
        .RequireAuthenticatedUser()
        .RequireRole("hiring-manager", "hr-admin"))
    .AddPolicy(AuthPolicies.RecruiterPortal, p => p
        .AddAuthenticationSchemes(CookieAuthenticationDefaults.AuthenticationScheme)
        .RequireAuthenticatedUser()
        .RequireClaim("account_type", "staff"))
    .AddPolicy(AuthPolicies.Candidate, p => p
        .AddAuthenticationSchemes(CookieAuthenticationDefaults.AuthenticationScheme)
        .RequireAuthenticatedUser()
        .RequireClaim("account_type", "candidate"));
builder.Services.AddCascadingAuthenticationState();

// Model clients
var azure = new AzureOpenAIClient(new Uri(config["AzureOpenAI:Endpoint"]!), new ApiKeyCredential(config["AzureOpenAI:ApiKey"]!));
builder.Services.AddChatClient(azure.GetChatClient(config["AzureOpenAI:Deployment"]!).AsIChatClient())
    .UseFunctionInvocation()
    .UseLogging();

var ollamaUri = new Uri(config["Ollama:Endpoint"] ?? "http://localhost:11434");
var ollamaModel = config["Ollama:Model"] ?? "qwen2.5:7b";
builder.Services.AddSingleton<IOllamaApiClient>(_ => new OllamaApiClient(ollamaUri, ollamaModel));
builder.Services.AddKeyedChatClient("ollama", sp => (IChatClient)sp.GetRequiredService<IOllamaApiClient>());

builder.Services.AddSingleton<IAnthropicClient>(_ => new AnthropicClient(new ClientOptions { ApiKey = config["Anthropic:ApiKey"] }));
builder.Services.AddSingleton(_ => new OpenAIClient(config["OpenAI:ApiKey"]!).GetImageClient(config["OpenAI:ImageModel"] ?? "gpt-image-1"));
builder.Services.AddKernel().AddOpenAIChatCompletion(
    modelId: config["DashScope:Model"] ?? "qwen-plus",
    endpoint: new Uri(config["DashScope:Endpoint"]!),
    apiKey: config["DashScope:ApiKey"]!);

builder.Services.Configure<ZhipuOptions>(config.GetSection("Zhipu"));
builder.Services.AddSingleton<IZhipuApiClient, ZhipuApiClient>();
builder.Services.AddScoped<IJobDescriptionWriter, JobDescriptionWriter>();
builder.Services.AddScoped<IInterviewKitService, InterviewKitService>();
builder.Services.AddSingleton<IRecruitingAssistant, ClaudeRecruitingAssistant>();

// Notifications
builder.Services.Configure<SmtpOptions>(config.GetSection("Smtp"));
builder.Services.Configure<TwilioOptions>(config.GetSection("Twilio"));
builder.Services.AddSingleton<IEmailSender, MailKitEmailSender>();
builder.Services.AddSingleton<ITwilioRestClient>(_ => new TwilioRestClient(config["Twilio:AccountSid"], config["Twilio:AuthToken"]));
builder.Services.AddSingleton<ISmsSender, TwilioSmsSender>();

// Background work
builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddScheduler();
builder.Services.AddQueue();
builder.Services.AddTransient<InterviewReminderJob>();
builder.Services.AddTransient<TalentDigestJob>();
builder.Services.AddTransient<CampusBannerJob>();
builder.Services.AddTransient<SendOfferEmailInvocable>();
builder.Services.AddSingleton<SpeechPromptQueue>();
builder.Services.AddHostedService<SpeechPromptWorker>();

builder.Services.AddMassTransit(x =>
{
    x.SetKebabCaseEndpointNameFormatter();
    x.AddConsumer<RejectionLetterConsumer>();
    x.AddConsumer<InterviewFeedbackConsumer>();
    x.AddConsumer<FeedbackReadyNotificationConsumer>();
    x.UsingInMemory((context, cfg) =>
    {
        cfg.UseMessageRetry(r => r.Intervals(TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(30), TimeSpan.FromMinutes(2)));
        cfg.ConfigureEndpoints(context);
    });
});

// Web
builder.Services.AddRazorPages();
builder.Services.AddRazorComponents().AddInteractiveServerComponents();
builder.Services.AddFastEndpoints();
builder.Services.AddProblemDetails();
builder.Services.AddHealthChecks();

var app = builder.Build();

using (var scope = app.Services.CreateScope())
{
    scope.ServiceProvider.GetRequiredService<RecruitingDbContext>().Database.EnsureCreated();
}

app.UseExceptionHandler();
app.UseStatusCodePages();
if (!app.Environment.IsDevelopment())
{
    app.UseHsts();
}

app.UseAuthentication();
app.UseAuthorization();
app.UseAntiforgery();

app.UseFastEndpoints(c =>
{
    c.Endpoints.RoutePrefix = "api";
    c.Errors.UseProblemDetails();
});

app.MapStaticAssets();
app.MapRazorPages();
app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
app.MapHealthChecks("/healthz").AllowAnonymous();

app.MapGet("/api/meta/models", (IConfiguration cfg) => Results.Ok(new
{
    jobDescriptions = cfg["AzureOpenAI:Deployment"],
    screening = cfg["Anthropic:Model"],
    offersAndSpeech = new { chat = cfg["Zhipu:ChatModel"], image = cfg["Zhipu:ImageModel"], speech = cfg["Zhipu:SpeechModel"] },
    questionSets = cfg["DashScope:Model"],
    practice = cfg["Ollama:Model"],
    campusBanner = cfg["OpenAI:ImageModel"],
})).RequireAuthorization(AuthPolicies.Recruiter);

// Brand images and spoken prompts are public so the careers site and interview room can embed them
app.MapGet("/media/{**key}", async (string key, MinioAssetStore store, CancellationToken ct) =>
{
    if (!(key.StartsWith("brand/", StringComparison.Ordinal) || key.StartsWith("prompts/", StringComparison.Ordinal)) || key.Contains(".."))
    {
        return Results.NotFound();
    }

    var stored = await store.GetAsync(key, ct);
    return stored is null
        ? Results.NotFound()
        : Results.File(stored.Content, stored.ContentType, enableRangeProcessing: true);
}).AllowAnonymous();

app.Services.UseScheduler(scheduler =>
{
    scheduler.Schedule<InterviewReminderJob>().EveryFiveMinutes().PreventOverlapping(nameof(InterviewReminderJob));
    scheduler.Schedule<TalentDigestJob>().Cron("0 1 * * 1"); // Monday 09:00 Beijing time
    scheduler.Schedule<CampusBannerJob>().Weekly();
}).OnError(ex => app.Logger.LogError(ex, "Scheduled job failed"));

app.Run();
