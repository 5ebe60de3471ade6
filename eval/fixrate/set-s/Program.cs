using System.ClientModel;
using System.Text.Json;
using Azure;
using Azure.AI.Inference;
using Azure.AI.OpenAI;
using Azure.Storage.Blobs;
using Carter;
using DeepSynth.Compliance.RealName;
using DeepSynth.Compliance.Review;
using FluentValidation;
using HuoPin.Live.Bots;
using HuoPin.Live.Controllers;
using HuoPin.Live.Domain;
using HuoPin.Live.Hubs;
using HuoPin.Live.Infrastructure.Ai;
using HuoPin.Live.Infrastructure.Compliance;
using HuoPin.Live.Infrastructure.Messaging;
using HuoPin.Live.Infrastructure.Notifications;
using HuoPin.Live.Infrastructure.Storage;
using HuoPin.Live.Jobs;
using HuoPin.Live.Services;
using Marten;
using Microsoft.SemanticKernel;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Options;
using OpenAI;
using Quartz;
using Refit;
using SendGrid;
using Serilog;
using Telegram.Bot;

Log.Logger = new LoggerConfiguration().WriteTo.Console().CreateBootstrapLogger();

try
{
    var builder = WebApplication.CreateBuilder(args);
    var config = builder.Configuration;

    builder.Host.UseSerilog((context, services, logger) => logger
        .ReadFrom.Configuration(context.Configuration)
        .ReadFrom.Services(services)
        .Enrich.FromLogContext()
        .WriteTo.Console());

    // Options
    builder.Services.Configure<DashScopeOptions>(config.GetSection("DashScope"));
    builder.Services.Configure<InferenceOptions>(config.GetSection("Inference"));
    builder.Services.Configure<MediaModelOptions>(config.GetSection("Media:Models"));
    builder.Services.Configure<MediaStorageOptions>(config.GetSection("Media:Storage"));
    builder.Services.Configure<RabbitMqOptions>(config.GetSection("RabbitMq"));
    builder.Services.Configure<EmailOptions>(config.GetSection("Email"));
    builder.Services.Configure<SmsOptions>(config.GetSection("Sms"));
    builder.Services.Configure<PushOptions>(config.GetSection("Push"));
    builder.Services.Configure<GreenModerationOptions>(config.GetSection("Moderation"));
    builder.Services.Configure<AiQuotaOptions>(config.GetSection("AI:Quota"));

    // Authentication: tokens come from the HuoPin account service; SignalR passes them in the query string.
    builder.Services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme)
        .AddJwtBearer(options =>
        {
            options.Authority = config["Auth:Authority"];
            options.Audience = config["Auth:Audience"];
            options.MapInboundClaims = false;
            options.TokenValidationParameters.NameClaimType = "name";
            options.TokenValidationParameters.RoleClaimType = "role";
            options.Events = new JwtBearerEvents
            {
                OnMessageReceived = context =>
                {
                    var token = context.Request.Query["access_token"];
                    if (!string.IsNullOrEmpty(token) && context.HttpContext.Request.Path.StartsWithSegments("/hubs"))
                    {
                        context.Token = token;
                    }
                    return Task.CompletedTask;
                },
            };
        });
    builder.Services.AddAuthorizationBuilder()
        .AddPolicy("Merchant", policy => policy.RequireAuthenticatedUser().RequireClaim("role", "merchant"))
        .AddPolicy("Operator", policy => policy.RequireAuthenticatedUser().RequireClaim("role", "operator"));

    // Compliance SDK
    builder.Services.AddDeepSynthCompliance(options => config.GetSection("DeepSynth").Bind(options));
    builder.Services.AddScoped<IRealNameVerifier, MerchantRealNameVerifier>();
    builder.Services.AddSingleton<IContentModerationAdapter, GreenTextModerationAdapter>();
    builder.Services.AddSingleton<IMediaModerationAdapter, GreenMediaModerationAdapter>();
    builder.Services.AddHttpClient("green", (sp, http) =>
    {
        var options = sp.GetRequiredService<IOptions<GreenModerationOptions>>().Value;
        http.BaseAddress = new Uri(options.Endpoint);
        http.DefaultRequestHeaders.Add("X-Acs-AccessKey", options.AccessKey);
        http.Timeout = TimeSpan.FromSeconds(5);
    });

    // Documents
    builder.Services.AddMarten(options =>
        {
            options.Connection(config.GetConnectionString("Marten") ?? throw new InvalidOperationException("ConnectionStrings:Marten is missing"));
            options.DatabaseSchemaName = "huopin";
            options.Schema.For<Product>().Index(p => p.MerchantId);
            options.Schema.For<BuyerReview>().Index(r => r.ProductId);
            options.Schema.For<Campaign>().Index(c => c.MerchantId);
            options.Schema.For<MerchantProfile>().Index(m => m.TelegramChatId!);
        })
        .UseLightweightSessions();

    // Caches
    builder.Services.AddMemoryCache(options => options.SizeLimit = 10_000);
    builder.Services.AddDistributedMemoryCache();

    // Chat models: Qwen through DashScope's OpenAI-compatible endpoint for chat; Azure OpenAI for images and speech.
    builder.Services.AddHttpContextAccessor();
    builder.Services.AddSingleton(TimeProvider.System);
    builder.Services.AddSingleton<IUsageLedger, InMemoryUsageLedger>();
    builder.Services.AddSingleton(_ => new OpenAIClient(
        new ApiKeyCredential(config["AI:ApiKey"] ?? ""),
        new OpenAIClientOptions { Endpoint = new Uri(config["AI:Endpoint"] ?? "https://dashscope.aliyuncs.com/compatible-mode/v1") }));
    builder.Services.AddChatClient(sp => sp.GetRequiredService<OpenAIClient>().GetChatClient(config["AI:ChatModel"] ?? "qwen-plus").AsIChatClient())
        .Use((inner, sp) => new UsageTrackingChatClient(
            inner,
            sp.GetRequiredService<IUsageLedger>(),
            sp.GetRequiredService<IHttpContextAccessor>(),
            sp.GetRequiredService<IOptions<AiQuotaOptions>>(),
            sp.GetRequiredService<ILogger<UsageTrackingChatClient>>()))
        .UseFunctionInvocation()
        .UseLogging();

    builder.Services.AddKernel();
    builder.Services.AddOpenAIChatCompletion(config["AI:SummaryModel"] ?? "qwen-plus");

    builder.Services.AddSingleton(_ => new AzureOpenAIClient(
        new Uri(config["AzureOpenAI:Endpoint"] ?? "https://huopin-media.openai.azure.com"),
        new AzureKeyCredential(config["AzureOpenAI:ApiKey"] ?? "")));
    builder.Services.AddSingleton(sp => sp.GetRequiredService<AzureOpenAIClient>()
        .GetImageClient(sp.GetRequiredService<IOptions<MediaModelOptions>>().Value.ImageDeployment));
    builder.Services.AddSingleton(sp => sp.GetRequiredService<AzureOpenAIClient>()
        .GetAudioClient(sp.GetRequiredService<IOptions<MediaModelOptions>>().Value.SpeechDeployment));

    builder.Services.AddSingleton(sp =>
    {
        var options = sp.GetRequiredService<IOptions<InferenceOptions>>().Value;
        return new ChatCompletionsClient(new Uri(options.Endpoint), new AzureKeyCredential(options.ApiKey));
    });

    builder.Services
        .AddRefitClient<IDashScopeApi>(new RefitSettings
        {
            ContentSerializer = new SystemTextJsonContentSerializer(new JsonSerializerOptions(JsonSerializerDefaults.Web)),
        })
        .ConfigureHttpClient((sp, http) =>
        {
            var options = sp.GetRequiredService<IOptions<DashScopeOptions>>().Value;
            http.BaseAddress = new Uri(options.BaseUrl);
            http.DefaultRequestHeaders.Authorization = new("Bearer", options.ApiKey);
            http.Timeout = TimeSpan.FromSeconds(90);
        });
    builder.Services.AddHttpClient("dashscope-oss", http => http.Timeout = TimeSpan.FromSeconds(30));

    // Application services
    builder.Services.AddScoped<IMarketingCopyService, MarketingCopyService>();
    builder.Services.AddSingleton<IShopperAssistant, ShopperAssistant>();
    builder.Services.AddScoped<IHostScriptWriter, HostScriptWriter>();
    builder.Services.AddScoped<IReviewInsightService, ReviewInsightService>();
    builder.Services.AddScoped<IMediaStudio, MediaStudio>();
    builder.Services.AddSingleton<IValidator<CreateCampaignRequest>, CreateCampaignRequestValidator>();

    // Storage and delivery
    builder.Services.AddSingleton(_ => new BlobServiceClient(config.GetConnectionString("Blobs")));
    builder.Services.AddSingleton<IMediaBlobStore, AzureMediaBlobStore>();
    builder.Services.AddSingleton<ISendGridClient>(sp => new SendGridClient(sp.GetRequiredService<IOptions<EmailOptions>>().Value.ApiKey));
    builder.Services.AddSingleton<IEmailSender, SendGridEmailSender>();
    builder.Services.AddHttpClient<ISmsSender, GatewaySmsSender>();
    builder.Services.AddHttpClient<IPushSender, GatewayPushSender>();
    builder.Services.AddSingleton<ITelegramBotClient>(_ => new TelegramBotClient(config["Telegram:BotToken"] ?? ""));

    // Messaging
    builder.Services.AddSingleton<RabbitMqConnectionProvider>();
    builder.Services.AddSingleton<ICampaignDispatchPublisher, RabbitCampaignDispatchPublisher>();
    builder.Services.AddHostedService<CampaignDispatchConsumer>();
    if (config.GetValue("Telegram:Enabled", true))
    {
        builder.Services.AddHostedService<MerchantBotService>();
    }

    // Scheduled work (times are Beijing time)
    var beijing = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");
    builder.Services.AddQuartz(q =>
    {
        q.AddJob<ReviewDigestJob>(j => j.WithIdentity(ReviewDigestJob.Key));
        q.AddTrigger(t => t.ForJob(ReviewDigestJob.Key).WithIdentity("review-digest-nightly")
            .WithCronSchedule("0 30 2 * * ?", c => c.InTimeZone(beijing)));

        q.AddJob<MerchantBriefingJob>(j => j.WithIdentity(MerchantBriefingJob.Key));
        q.AddTrigger(t => t.ForJob(MerchantBriefingJob.Key).WithIdentity("merchant-briefing-morning")
            .WithCronSchedule("0 0 8 * * ?", c => c.InTimeZone(beijing)));

        q.AddJob<WeeklyReportJob>(j => j.WithIdentity(WeeklyReportJob.Key));
        q.AddTrigger(t => t.ForJob(WeeklyReportJob.Key).WithIdentity("weekly-report-monday")
            .WithCronSchedule("0 0 9 ? * MON", c => c.InTimeZone(beijing)));

        q.AddJob<ScheduledCampaignJob>(j => j.WithIdentity(ScheduledCampaignJob.Key));
        q.AddTrigger(t => t.ForJob(ScheduledCampaignJob.Key).WithIdentity("scheduled-campaigns-poll")
            .WithSimpleSchedule(s => s.WithInterval(TimeSpan.FromMinutes(15)).RepeatForever()));
    });
    builder.Services.AddQuartzHostedService(options => options.WaitForJobsToComplete = true);

    // Web
    builder.Services.AddControllers().AddDapr();
    builder.Services.AddCarter();
    builder.Services.AddSignalR();
    builder.Services.AddProblemDetails();
    builder.Services.AddHealthChecks();

    var app = builder.Build();

    app.UseExceptionHandler();
    app.UseSerilogRequestLogging();
    app.UseCloudEvents();
    app.UseAuthentication();
    app.UseAuthorization();

    app.MapHealthChecks("/healthz").AllowAnonymous();
    app.MapGet("/api/config/public", (IConfiguration configuration) => Results.Ok(new
    {
        app = "HuoPin Live",
        version = typeof(Program).Assembly.GetName().Version?.ToString(),
        algorithmFilingNumber = configuration["Compliance:AlgorithmFilingNumber"],
        complaintUrl = configuration["Compliance:ComplaintUrl"],
        complaintResponseDays = configuration.GetValue("Compliance:ComplaintResponseDays", 7),
    })).AllowAnonymous();

    app.MapSubscribeHandler();
    app.MapControllers();
    app.MapCarter();
    app.MapHub<LiveRoomHub>("/hubs/live-room");

    app.Run();
}
catch (Exception ex) when (ex is not HostAbortedException)
{
    Log.Fatal(ex, "HuoPin Live terminated unexpectedly");
}
finally
{
    Log.CloseAndFlush();
}

public partial class Program;
