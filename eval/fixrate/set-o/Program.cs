using System.Security.Claims;
using Coravel;
using DeepSynth.Compliance.RealName;
using DeepSynth.Compliance.Review;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.IdentityModel.Tokens;
using Wolverine;
using Wolverine.ErrorHandling;
using ZhengWuTong.Endpoints;
using ZhengWuTong.Hubs;
using ZhengWuTong.Infrastructure.Ai;
using ZhengWuTong.Infrastructure.Compliance;
using ZhengWuTong.Infrastructure.Notifications;
using ZhengWuTong.Infrastructure.Storage;
using ZhengWuTong.Jobs;
using ZhengWuTong.Services;
using ZhengWuTong.Workers;

var builder = WebApplication.CreateBuilder(args);
var config = builder.Configuration;

// Storage
builder.Services.Configure<StorageOptions>(config.GetSection("Storage"));
builder.Services.AddSingleton<GovDataStore>();
builder.Services.AddSingleton<INoticeRepository, NoticeRepository>();
builder.Services.AddSingleton<ILetterRepository, LetterRepository>();

// AI providers
builder.Services.AddZhengWuTongAi(config);

// Application services
builder.Services.AddSingleton<IFormCatalog, StaticFormCatalog>();
builder.Services.AddScoped<IFormAssistService, FormAssistService>();
builder.Services.AddScoped<IPolicyQaService, PolicyQaService>();
builder.Services.AddScoped<ILetterDraftingService, LetterDraftingService>();
builder.Services.AddScoped<INoticeService, NoticeService>();
builder.Services.AddScoped<IMediaGenerationService, MediaGenerationService>();

// Outbound channels
builder.Services.Configure<SmsOptions>(config.GetSection("Sms"));
builder.Services.Configure<SmtpOptions>(config.GetSection("Smtp"));
builder.Services.Configure<TelegramOptions>(config.GetSection("Telegram"));
builder.Services.AddHttpClient<ISmsGateway, SmsGateway>();
builder.Services.AddHttpClient<ITelegramBroadcaster, TelegramBroadcaster>();
builder.Services.AddSingleton<IMailDispatcher, MailDispatcher>();

// Compliance
builder.Services.AddDeepSynthCompliance(o => config.GetSection("DeepSynth").Bind(o));
builder.Services.AddScoped<IRealNameVerifier, CitizenRealNameVerifier>();
builder.Services.Configure<ModerationOptions>(config.GetSection("Moderation"));
builder.Services.AddHttpClient("moderation", (sp, http) =>
{
    var o = config.GetSection("Moderation").Get<ModerationOptions>() ?? new ModerationOptions();
    http.BaseAddress = new Uri(o.Endpoint);
    http.DefaultRequestHeaders.Add("X-Api-Key", o.ApiKey);
    http.Timeout = TimeSpan.FromSeconds(10);
});
builder.Services.AddSingleton<IContentModerationAdapter>(sp =>
    new CloudTextModeration(sp.GetRequiredService<IHttpClientFactory>().CreateClient("moderation")));
builder.Services.AddSingleton<IMediaModerationAdapter>(sp =>
    new CloudMediaModeration(sp.GetRequiredService<IHttpClientFactory>().CreateClient("moderation")));

// Authentication: bearer tokens from the city unified identity platform
builder.Services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme)
    .AddJwtBearer(o =>
    {
        o.Authority = config["Auth:Authority"];
        o.Audience = config["Auth:Audience"];
        o.TokenValidationParameters = new TokenValidationParameters
        {
            NameClaimType = "name",
            RoleClaimType = ClaimTypes.Role
        };
        o.Events = new JwtBearerEvents
        {
            // SignalR sends the token in the query string for WebSocket connections.
            OnMessageReceived = ctx =>
            {
                var token = ctx.Request.Query["access_token"];
                if (!string.IsNullOrEmpty(token) && ctx.HttpContext.Request.Path.StartsWithSegments("/hubs"))
                {
                    ctx.Token = token;
                }

                return Task.CompletedTask;
            }
        };
    });

builder.Services.AddAuthorizationBuilder()
    .AddPolicy("Resident", p => p.RequireAuthenticatedUser().RequireRole("resident", "clerk"))
    .AddPolicy("Clerk", p => p.RequireRole("clerk"))
    .AddPolicy("Ops", p => p.RequireRole("ops"));

builder.Services.AddControllers();
builder.Services.AddSignalR();
builder.Services.AddProblemDetails();
builder.Services.AddHealthChecks();

// Background work
builder.Services.AddScheduler();
builder.Services.AddQueue();
builder.Services.AddTransient<AppointmentReminderJob>();
builder.Services.AddTransient<DailyBriefingJob>();
builder.Services.AddTransient<NoticeTranslationJob>();
builder.Services.AddHostedService<HallQueueBroadcastWorker>();

builder.Host.UseWolverine(opts =>
{
    opts.ServiceName = "zhengwutong";
    opts.OnException<HttpRequestException>()
        .RetryWithCooldown(TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(30), TimeSpan.FromMinutes(2));
});

var app = builder.Build();

app.UseExceptionHandler();
app.UseAuthentication();
app.UseAuthorization();

app.MapControllers();
app.MapHub<ResidentAssistantHub>("/hubs/assistant");
app.MapCitizenEndpoints();
app.MapMediaEndpoints();
app.MapOpsEndpoints();

app.Services.UseScheduler(scheduler =>
{
    scheduler.Schedule<AppointmentReminderJob>().Hourly().PreventOverlapping(nameof(AppointmentReminderJob));
    // 07:30 Beijing time
    scheduler.Schedule<DailyBriefingJob>().DailyAt(23, 30).Zoned(TimeZoneInfo.Utc);
}).OnError(ex => app.Logger.LogError(ex, "Scheduled job failed"));

app.Services.ConfigureQueue().OnError(ex => app.Logger.LogError(ex, "Queued job failed"));

app.Run();
