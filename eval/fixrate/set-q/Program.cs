using System.ClientModel;
using System.Net.Http.Headers;
using System.Security.Claims;
using DeepSynth.Compliance.RealName;
using DeepSynth.Compliance.Review;
using Hangfire;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.AI;
using Microsoft.SemanticKernel;
using Npgsql;
using OpenAI;
using Qdrant.Client;
using StackExchange.Redis;
using XueBa.Coach.Background;
using XueBa.Coach.Configuration;
using XueBa.Coach.Endpoints;
using XueBa.Coach.Hubs;
using XueBa.Coach.Infrastructure.Ai;
using XueBa.Coach.Infrastructure.Compliance;
using XueBa.Coach.Infrastructure.Data;
using XueBa.Coach.Infrastructure.Messaging;
using XueBa.Coach.Infrastructure.Notifications;
using XueBa.Coach.Infrastructure.Web;
using XueBa.Coach.Services;

var builder = WebApplication.CreateBuilder(args);
var config = builder.Configuration;

builder.Services.Configure<AiProviderOptions>(config.GetSection(AiProviderOptions.Section));
builder.Services.Configure<KafkaOptions>(config.GetSection(KafkaOptions.Section));
builder.Services.Configure<NotificationOptions>(config.GetSection(NotificationOptions.Section));
builder.Services.Configure<StorageOptions>(config.GetSection(StorageOptions.Section));

var aiOptions = config.GetSection(AiProviderOptions.Section).Get<AiProviderOptions>() ?? new AiProviderOptions();
var storageOptions = config.GetSection(StorageOptions.Section).Get<StorageOptions>() ?? new StorageOptions();

// ---- storage ----
builder.Services.AddSingleton(_ => NpgsqlDataSource.Create(config.GetConnectionString("Postgres")!));
builder.Services.AddSingleton<IConnectionMultiplexer>(_ => ConnectionMultiplexer.Connect(config.GetConnectionString("Redis")!));
builder.Services.AddSingleton(sp => new QdrantClient(storageOptions.QdrantHost, storageOptions.QdrantPort, https: false,
    apiKey: storageOptions.QdrantApiKey, loggerFactory: sp.GetRequiredService<ILoggerFactory>()));
builder.Services.AddSingleton<IEssayRepository, EssayRepository>();
builder.Services.AddSingleton<ILearningRepository, LearningRepository>();

// ---- models ----
var moonshot = new OpenAIClient(new ApiKeyCredential(aiOptions.Moonshot.ApiKey), new OpenAIClientOptions { Endpoint = new Uri(aiOptions.Moonshot.Endpoint) });
var deepseek = new OpenAIClient(new ApiKeyCredential(aiOptions.DeepSeek.ApiKey), new OpenAIClientOptions { Endpoint = new Uri(aiOptions.DeepSeek.Endpoint) });
var hunyuanOpenAi = new OpenAIClient(new ApiKeyCredential(aiOptions.Hunyuan.ApiKey), new OpenAIClientOptions { Endpoint = new Uri(aiOptions.Hunyuan.BaseUrl) });

builder.Services.AddChatClient(moonshot.GetChatClient(aiOptions.Moonshot.Model).AsIChatClient())
    .UseLogging()
    .UseOpenTelemetry();
builder.Services.AddKeyedChatClient("deepseek", deepseek.GetChatClient(aiOptions.DeepSeek.Model).AsIChatClient())
    .UseLogging();
builder.Services.AddEmbeddingGenerator(hunyuanOpenAi.GetEmbeddingClient("hunyuan-embedding").AsIEmbeddingGenerator());

builder.Services.AddKernel().AddOpenAIChatCompletion(aiOptions.DeepSeek.Model, deepseek);

builder.Services.AddSingleton<IClaudeWriter, ClaudeWriter>();
builder.Services.AddSingleton<ILocalHintModel, LocalHintModel>();
builder.Services.AddHttpClient<IHunyuanClient, HunyuanClient>(http =>
{
    http.BaseAddress = new Uri(aiOptions.Hunyuan.BaseUrl);
    http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", aiOptions.Hunyuan.ApiKey);
    http.Timeout = TimeSpan.FromSeconds(120);
});
builder.Services.AddHttpClient<ISpeechClient, MiniMaxSpeechClient>(http =>
{
    http.BaseAddress = new Uri(aiOptions.MiniMax.BaseUrl);
    http.Timeout = TimeSpan.FromSeconds(60);
});

// ---- application services ----
builder.Services.AddScoped<IEssayCoachService, EssayCoachService>();
builder.Services.AddScoped<IMathTutorService, MathTutorService>();
builder.Services.AddScoped<IQuizService, QuizService>();
builder.Services.AddScoped<IMediaStudioService, MediaStudioService>();
builder.Services.AddScoped<EssayOwnershipFilter>();
builder.Services.AddScoped<WeeklyReportJob>();
builder.Services.AddScoped<DailyTipJob>();

// ---- messaging and notifications ----
builder.Services.AddSingleton<IEventBus, KafkaEventBus>();
builder.Services.AddSingleton<IEmailSender, SmtpEmailSender>();
builder.Services.AddSingleton<ISmsSender, TwilioSmsSender>();
builder.Services.AddHostedService<LearningEventsConsumer>();

builder.Services.AddHangfire(h => h
    .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
    .UseSimpleAssemblyNameTypeSerializer()
    .UseRecommendedSerializerSettings()
    .UseInMemoryStorage());
builder.Services.AddHangfireServer(o => o.WorkerCount = Math.Max(2, Environment.ProcessorCount / 2));

// ---- DeepSynth SDK ----
builder.Services.AddDeepSynthCompliance(o => config.GetSection("DeepSynth").Bind(o));
builder.Services.AddScoped<IRealNameVerifier, AccountRealNameVerifier>();
builder.Services.AddHttpClient<IContentModerationAdapter, CloudTextModerationAdapter>(http =>
    http.BaseAddress = new Uri(config["Moderation:BaseUrl"] ?? "https://moderation.internal.xueba-coach.cn/"));
builder.Services.AddHttpClient<IMediaModerationAdapter, CloudMediaModerationAdapter>(http =>
    http.BaseAddress = new Uri(config["Moderation:BaseUrl"] ?? "https://moderation.internal.xueba-coach.cn/"));

// ---- web ----
builder.Services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme)
    .AddJwtBearer(o =>
    {
        o.Authority = config["Auth:Authority"];
        o.Audience = config["Auth:Audience"];
        o.MapInboundClaims = true;
        o.Events = new JwtBearerEvents
        {
            // browsers cannot set headers on WebSocket upgrades
            OnMessageReceived = ctx =>
            {
                var token = ctx.Request.Query["access_token"];
                if (!string.IsNullOrEmpty(token) && ctx.HttpContext.Request.Path.StartsWithSegments("/hubs"))
                {
                    ctx.Token = token;
                }
                return Task.CompletedTask;
            },
        };
    });
builder.Services.AddAuthorizationBuilder()
    .AddPolicy("Student", p => p.RequireRole("student", "teacher"))
    .AddPolicy("Teacher", p => p.RequireRole("teacher").RequireClaim("teaches"))
    .AddPolicy("Parent", p => p.RequireRole("parent"))
    .AddPolicy("Ops", p => p.RequireRole("ops"));

builder.Services.AddProblemDetails();
builder.Services.AddControllers();
builder.Services.AddSignalR(o => o.MaximumReceiveMessageSize = 64 * 1024);

var app = builder.Build();

app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseAuthentication();
app.UseAuthorization();

app.MapControllers();
app.MapHub<TutoringHub>("/hubs/tutoring");
app.MapLearningEndpoints();
app.MapMediaEndpoints();
app.MapHangfireDashboard("/ops/jobs").RequireAuthorization("Ops");

app.MapGet("/healthz", async (NpgsqlDataSource db, IConnectionMultiplexer redis, CancellationToken ct) =>
{
    await using var cmd = db.CreateCommand("SELECT 1");
    var pg = await cmd.ExecuteScalarAsync(ct) is 1;
    var ping = await redis.GetDatabase().PingAsync();
    return Results.Ok(new { status = pg && redis.IsConnected ? "ok" : "degraded", postgres = pg, redisMs = ping.TotalMilliseconds });
}).AllowAnonymous();

app.MapGet("/api/me", (ClaimsPrincipal user) => Results.Ok(new
{
    id = user.UserId(),
    name = user.FindFirstValue("name"),
    roles = user.FindAll(ClaimTypes.Role).Select(c => c.Value),
    classId = user.ClassId(),
})).RequireAuthorization();

app.MapGet("/api/config/features", (IConfiguration cfg) => Results.Ok(new
{
    essayFeedback = true,
    liveTutoring = true,
    illustrations = cfg.GetValue("Features:Illustrations", true),
    readAloud = cfg.GetValue("Features:ReadAloud", true),
    filingNumber = cfg["Compliance:AlgorithmFilingNumber"],
}));

var recurring = app.Services.GetRequiredService<IRecurringJobManager>();
var chinaTime = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");
recurring.AddOrUpdate<WeeklyReportJob>("weekly-parent-reports", j => j.RunAsync(CancellationToken.None), "0 20 * * 0",
    new RecurringJobOptions { TimeZone = chinaTime });
recurring.AddOrUpdate<DailyTipJob>("daily-study-tip", j => j.RunAsync(CancellationToken.None), "30 6 * * *",
    new RecurringJobOptions { TimeZone = chinaTime });

app.Run();
