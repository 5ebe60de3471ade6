using System.ClientModel;
using Azure.AI.OpenAI;
using CareMessenger.Contracts;
using CareMessenger.Data;
using CareMessenger.Endpoints;
using CareMessenger.Grpc;
using CareMessenger.Hubs;
using CareMessenger.Infrastructure;
using CareMessenger.Jobs;
using CareMessenger.Services;
using DeepSynth.Compliance;
using DeepSynth.Compliance.RealName;
using FluentValidation;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Options;
using Microsoft.SemanticKernel;
using OpenAI;
using ProtoBuf.Grpc.Server;
using Quartz;

var builder = WebApplication.CreateBuilder(args);

builder.Services.Configure<AiOptions>(builder.Configuration.GetSection(AiOptions.Section));
builder.Services.Configure<MessagingOptions>(builder.Configuration.GetSection(MessagingOptions.Section));
builder.Services.Configure<OfficialAccountOptions>(builder.Configuration.GetSection(OfficialAccountOptions.Section));
var ai = builder.Configuration.GetSection(AiOptions.Section).Get<AiOptions>() ?? new AiOptions();

builder.Services.AddDbContext<CareDbContext>(o =>
    o.UseSqlite(builder.Configuration.GetConnectionString("Care") ?? "Data Source=caremessenger.db"));
builder.Services.AddSingleton<IPortalReadStore, PortalReadStore>();
builder.Services.AddMemoryCache();

var dashScope = new OpenAIClient(new ApiKeyCredential(ai.DashScopeApiKey),
    new OpenAIClientOptions { Endpoint = new Uri(ai.DashScopeEndpoint) });
builder.Services.AddChatClient(dashScope.GetChatClient(ai.ChatModel).AsIChatClient())
    .UseLogging();
builder.Services.AddKernel()
    .AddOpenAIChatCompletion(ai.LabModel, dashScope);
builder.Services.AddSingleton(_ => new AzureOpenAIClient(new Uri(ai.AzureEndpoint), new ApiKeyCredential(ai.AzureApiKey)));

builder.Services.AddScoped<IMessageDraftingService, MessageDraftingService>();
builder.Services.AddScoped<ILabExplanationService, LabExplanationService>();
builder.Services.AddScoped<IMediaGenerationService, AzureMediaGenerationService>();
builder.Services.AddHttpClient<IVisitSummaryService, ZhipuVisitSummaryService>((sp, http) =>
{
    http.BaseAddress = new Uri(sp.GetRequiredService<IOptions<AiOptions>>().Value.ZhipuEndpoint);
    http.Timeout = TimeSpan.FromSeconds(90);
});
builder.Services.AddHttpClient<ISmsSender, GatewaySmsSender>((sp, http) =>
    http.BaseAddress = new Uri(sp.GetRequiredService<IOptions<MessagingOptions>>().Value.SmsGateway));
builder.Services.AddHttpClient<IOfficialAccountClient, OfficialAccountClient>((sp, http) =>
    http.BaseAddress = new Uri(sp.GetRequiredService<IOptions<OfficialAccountOptions>>().Value.BaseUrl));
builder.Services.AddSingleton<IEmailSender, MailKitEmailSender>();

builder.Services.AddMediator(o => o.ServiceLifetime = ServiceLifetime.Scoped);
builder.Services.AddValidatorsFromAssemblyContaining<PortalQuestionValidator>();

builder.Services.AddQuartz(q =>
{
    q.AddJob<ReminderDispatchJob>(j => j.WithIdentity(ReminderDispatchJob.Key));
    q.AddTrigger(t => t.ForJob(ReminderDispatchJob.Key)
        .WithIdentity("reminder-dispatch-every-15m")
        .WithSimpleSchedule(s => s.WithInterval(TimeSpan.FromMinutes(15)).RepeatForever()));
    q.AddJob<HealthTipPublisherJob>(j => j.WithIdentity(HealthTipPublisherJob.Key));
    q.AddTrigger(t => t.ForJob(HealthTipPublisherJob.Key)
        .WithIdentity("health-tip-weekly")
        .WithCronSchedule("0 0 9 ? * MON", c => c.InTimeZone(TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai"))));
});
builder.Services.AddQuartzHostedService(o => o.WaitForJobsToComplete = true);

builder.Services.AddDeepSynthCompliance(o => builder.Configuration.GetSection("DeepSynth").Bind(o));
builder.Services.AddScoped<IRealNameVerifier, ClinicRealNameVerifier>();

builder.Services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme)
    .AddJwtBearer(o =>
    {
        builder.Configuration.GetSection("Jwt").Bind(o);
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
            },
        };
    });
builder.Services.AddAuthorizationBuilder()
    .AddPolicy("staff", p => p.RequireRole("staff", "doctor", "nurse"));

builder.Services.AddControllers();
builder.Services.AddRazorPages();
builder.Services.AddSignalR();
builder.Services.AddCodeFirstGrpc();
builder.Services.AddProblemDetails();
builder.Services.AddHealthChecks();

var app = builder.Build();

app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseAuthentication();
app.UseAuthorization();

app.MapHealthChecks("/healthz");
app.MapGet("/", () => TypedResults.Ok(new { service = "CareMessenger", version = typeof(Program).Assembly.GetName().Version?.ToString() }));
app.MapGet("/api/info", (IOptions<AiOptions> options, IWebHostEnvironment env) => TypedResults.Ok(new
{
    environment = env.EnvironmentName,
    chatModel = options.Value.ChatModel,
    summaryModel = options.Value.SummaryModel,
    imageModel = options.Value.ImageDeployment,
}));

app.MapPortalEndpoints();
app.MapStaffEndpoints();
app.MapControllers();
app.MapRazorPages();
app.MapHub<PortalChatHub>("/hubs/portal-chat");
app.MapHub<StaffNotificationsHub>("/hubs/staff");
app.MapGrpcService<ClinicFeedService>();

using (var scope = app.Services.CreateScope())
{
    await scope.ServiceProvider.GetRequiredService<CareDbContext>().Database.EnsureCreatedAsync();
}

app.Run();

public partial class Program;
