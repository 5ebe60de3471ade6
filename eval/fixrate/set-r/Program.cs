using System.ClientModel;
using Amazon.S3;
using Azure.AI.OpenAI;
using DeepSynth.Compliance.RealName;
using DeepSynth.Compliance.Review;
using Elastic.Clients.Elasticsearch;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.AI;
using Microsoft.SemanticKernel;
using OllamaSharp;
using OpenAI;
using PeiFu.Claims.AI;
using PeiFu.Claims.Data;
using PeiFu.Claims.Endpoints;
using PeiFu.Claims.GrpcServices;
using PeiFu.Claims.Hubs;
using PeiFu.Claims.Messaging;
using PeiFu.Claims.Notifications;
using PeiFu.Claims.Search;
using PeiFu.Claims.Security;
using PeiFu.Claims.Storage;
using PeiFu.Claims.Workers;
using Rebus.Config;
using Rebus.Routing.TypeBased;
using Rebus.Transport.InMem;

var builder = WebApplication.CreateBuilder(args);
var config = builder.Configuration;

// Options
builder.Services.Configure<AiOptions>(config.GetSection(AiOptions.Section));
builder.Services.Configure<ZhipuOptions>(config.GetSection(ZhipuOptions.Section));
builder.Services.Configure<StorageOptions>(config.GetSection(StorageOptions.Section));
builder.Services.Configure<NotificationOptions>(config.GetSection(NotificationOptions.Section));
builder.Services.Configure<RenewalOptions>(config.GetSection(RenewalOptions.Section));
builder.Services.Configure<ModerationServiceOptions>(config.GetSection(ModerationServiceOptions.Section));
builder.Services.AddSingleton(TimeProvider.System);

// Compliance SDK: labels, review, audit log, real-name gate
builder.Services.AddDeepSynthCompliance(o => config.GetSection("DeepSynth").Bind(o));
builder.Services.AddScoped<IRealNameVerifier, RealNameRecordVerifier>();
builder.Services.AddHttpClient<IContentModerationAdapter, GroupTextModerationAdapter>();
builder.Services.AddHttpClient<IMediaModerationAdapter, GroupImageModerationAdapter>();

// Authentication: tokens from the group SSO (customers, staff) and the IVR gateway client
builder.Services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme)
    .AddJwtBearer(o =>
    {
        o.Authority = config["Auth:Authority"];
        o.Audience = config["Auth:Audience"];
        o.Events = new JwtBearerEvents
        {
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
    .AddPolicy(PeiFuPolicies.Customer, p => p.RequireAuthenticatedUser().RequireClaim("scope", "claims.customer", "claims.staff"))
    .AddPolicy(PeiFuPolicies.Adjuster, p => p.RequireRole("adjuster", "supervisor"))
    .AddPolicy(PeiFuPolicies.FraudAnalyst, p => p.RequireRole("fraud-analyst", "supervisor"))
    .AddPolicy(PeiFuPolicies.IvrGateway, p => p.RequireClaim("client_id", "peifu-ivr"));

// Storage
builder.Services.AddDbContext<ClaimsDbContext>(o =>
    o.UseSqlite(config.GetConnectionString("Claims") ?? "Data Source=peifu-claims.db"));
builder.Services.AddDefaultAWSOptions(config.GetAWSOptions());
builder.Services.AddAWSService<IAmazonS3>();
builder.Services.AddSingleton<IDocumentStore, S3DocumentStore>();
builder.Services.AddSingleton(_ => new ElasticsearchClient(
    new ElasticsearchClientSettings(new Uri(config["Elastic:Url"] ?? "http://localhost:9200"))
        .DefaultIndex(ElasticFraudSearchIndex.IndexName)));
builder.Services.AddSingleton<IFraudSearchIndex, ElasticFraudSearchIndex>();

// Models
var ai = config.GetSection(AiOptions.Section).Get<AiOptions>() ?? new AiOptions();
builder.Services.AddChatClient(_ =>
        new OpenAIClient(ai.OpenAiApiKey ?? "unset").GetChatClient(ai.ChatModel).AsIChatClient())
    .UseLogging();
builder.Services.AddSingleton(_ => new AzureOpenAIClient(
    new Uri(ai.AzureEndpoint ?? "https://peifu-aoai.openai.azure.com/"), new ApiKeyCredential(ai.AzureApiKey ?? "unset")));
builder.Services.AddSingleton<IOllamaApiClient>(_ => new OllamaApiClient(new Uri(ai.OllamaEndpoint), ai.LocalModel));
builder.Services.AddKernel().AddOpenAIChatCompletion(ai.ChatModel, ai.OpenAiApiKey ?? "unset");
builder.Services.AddHttpClient<IGlmClient, ZhipuGlmClient>();

builder.Services.AddSingleton<IClaimAssistant, ClaimAssistant>();
builder.Services.AddScoped<PolicyLookupPlugin>();
builder.Services.AddScoped<IPolicyAdvisor, PolicyAdvisor>();
builder.Services.AddSingleton<ILocalModelService, LocalModelService>();
builder.Services.AddScoped<IFraudAnalyzer, FraudAnalyzer>();
builder.Services.AddScoped<IRenewalCopywriter, RenewalCopywriter>();
builder.Services.AddSingleton<IMediaGenerator, MediaGenerator>();

// Notifications
builder.Services.AddSingleton<IEmailSender, SmtpEmailSender>();
builder.Services.AddHttpClient<ISmsSender, GatewaySmsSender>();
builder.Services.AddHttpClient<IPushNotifier, GatewayPushNotifier>();

// Background work
builder.Services.AddSingleton<IPhotoDescriptionQueue, PhotoDescriptionQueue>();
builder.Services.AddHostedService<PhotoDescriptionWorker>();
builder.Services.AddHostedService<RenewalReminderWorker>();

// Messaging (in-memory transport; swap for RabbitMQ in the cluster profile)
builder.Services.AddRebus(rebus => rebus
    .Transport(t => t.UseInMemoryTransport(new InMemNetwork(), "peifu.claims"))
    .Routing(r => r.TypeBased().MapAssemblyOf<DecisionLetterApproved>("peifu.claims")));
builder.Services.AutoRegisterHandlersFromAssemblyOf<DecisionLetterApprovedHandler>();

// Orleans: per-claim intake sessions
builder.UseOrleans(silo =>
{
    silo.UseLocalhostClustering();
    silo.AddMemoryGrainStorage("claims");
});

builder.Services.AddControllers();
builder.Services.AddSignalR();
builder.Services.AddGrpc(o => o.EnableDetailedErrors = builder.Environment.IsDevelopment());
builder.Services.AddProblemDetails();
builder.Services.AddHealthChecks();

var app = builder.Build();

using (var scope = app.Services.CreateScope())
{
    scope.ServiceProvider.GetRequiredService<ClaimsDbContext>().Database.EnsureCreated();
}

app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseAuthentication();
app.UseAuthorization();

app.MapControllers();
app.MapHub<ClaimIntakeHub>("/hubs/intake");
app.MapGrpcService<ClaimAssistGrpcService>();
app.MapPolicyEndpoints();
app.MapMediaEndpoints();

app.MapHealthChecks("/health").AllowAnonymous();
app.MapGet("/api/queue", (IPhotoDescriptionQueue queue) => Results.Ok(new { pendingPhotos = queue.Pending }))
    .RequireAuthorization(PeiFuPolicies.Adjuster);
app.MapGet("/api/config/features", (IConfiguration cfg) => Results.Ok(new
{
    voiceLine = cfg.GetValue("Features:VoiceLine", true),
    explainerImages = cfg.GetValue("Features:ExplainerImages", true),
    localPolicyQa = cfg.GetValue("Features:LocalPolicyQa", false),
    fraudEscalationThreshold = cfg.GetValue("Fraud:EscalationThreshold", 70)
})).AllowAnonymous();

app.Run();
