using System.ClientModel;
using System.Text;
using System.Threading.RateLimiting;
using Azure.AI.OpenAI;
using DeepSynth.Compliance.RealName;
using DeepSynth.Compliance.Review;
using Elastic.Clients.Elasticsearch;
using Hangfire;
using Hangfire.PostgreSql;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.OData;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;
using Microsoft.SemanticKernel;
using OpenAI;
using WealthPal.Ai;
using WealthPal.Ai.Plugins;
using WealthPal.Components;
using WealthPal.Controllers.OData;
using WealthPal.Data;
using WealthPal.Infrastructure;
using WealthPal.Jobs;
using WealthPal.Hubs;
using WealthPal.Knowledge;
using WealthPal.Notifications;
using WealthPal.Workers;

var builder = WebApplication.CreateBuilder(args);
var config = builder.Configuration;

// ---- data ---------------------------------------------------------------------------------------------
builder.Services.AddDbContextFactory<WealthDbContext>(o => o
    .UseNpgsql(config.GetConnectionString("Wealth"), npg => npg.EnableRetryOnFailure(3)));
builder.Services.AddSingleton(_ => new ElasticsearchClient(
    new ElasticsearchClientSettings(new Uri(config["Elasticsearch:Url"] ?? "http://localhost:9200"))
        .DefaultIndex(KnowledgeBase.Index)
        .RequestTimeout(TimeSpan.FromSeconds(5))));
builder.Services.AddSingleton<KnowledgeBase>();
builder.Services.AddMemoryCache();

builder.Host.UseOrleans(silo =>
{
    if (builder.Environment.IsDevelopment())
        silo.UseLocalhostClustering();
    else
        silo.UseLocalhostClustering(siloPort: config.GetValue("Orleans:SiloPort", 11111), gatewayPort: config.GetValue("Orleans:GatewayPort", 30000));
    silo.AddMemoryGrainStorage("sessions");
});

builder.Services.AddHangfire(h => h
    .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
    .UseSimpleAssemblyNameTypeSerializer()
    .UseRecommendedSerializerSettings()
    .UsePostgreSqlStorage(o => o.UseNpgsqlConnection(config.GetConnectionString("Hangfire"))));
builder.Services.AddHangfireServer(o =>
{
    o.Queues = ["statements", "default"];
    o.WorkerCount = config.GetValue("Hangfire:Workers", 4);
});
builder.Services.AddScoped<StatementExplanationJob>();

// ---- model providers -----------------------------------------------------------------------------------
foreach (var name in Providers.All)
    builder.Services.Configure<ModelProviderOptions>(name, config.GetSection($"Providers:{name}"));

void ConfigureProvider(IServiceProvider sp, HttpClient http, string name)
{
    var o = sp.GetRequiredService<IOptionsMonitor<ModelProviderOptions>>().Get(name);
    http.BaseAddress = new Uri(o.BaseUrl.EndsWith('/') ? o.BaseUrl : o.BaseUrl + "/");
    http.DefaultRequestHeaders.Authorization = new("Bearer", o.ApiKey);
    http.Timeout = TimeSpan.FromSeconds(o.TimeoutSeconds);
}
builder.Services.AddHttpClient<ZhipuGlmClient>((sp, http) => ConfigureProvider(sp, http, Providers.Zhipu));
builder.Services.AddHttpClient<DeepSeekClient>((sp, http) => ConfigureProvider(sp, http, Providers.DeepSeek));
builder.Services.AddHttpClient<ArkClient>((sp, http) => ConfigureProvider(sp, http, Providers.Ark));

builder.Services.AddSingleton(_ => new AzureOpenAIClient(
    new Uri(config["AzureOpenAI:Endpoint"] ?? throw new InvalidOperationException("AzureOpenAI:Endpoint missing")),
    new ApiKeyCredential(config["AzureOpenAI:ApiKey"] ?? "")));

builder.Services.AddChatClient(sp => sp.GetRequiredService<AzureOpenAIClient>()
        .GetChatClient(config["AzureOpenAI:ChatDeployment"] ?? "gpt-4o").AsIChatClient())
    .Use((inner, sp) => new CustomerDataMaskingChatClient(inner, sp.GetRequiredService<ILogger<CustomerDataMaskingChatClient>>()))
    .UseLogging();

builder.Services.AddKeyedChatClient("hunyuan", sp =>
    {
        var o = sp.GetRequiredService<IOptionsMonitor<ModelProviderOptions>>().Get(Providers.Hunyuan);
        return new OpenAIClient(new ApiKeyCredential(o.ApiKey), new OpenAIClientOptions { Endpoint = new Uri(o.BaseUrl) })
            .GetChatClient(o.Model).AsIChatClient();
    })
    .Use((inner, sp) => new CustomerDataMaskingChatClient(inner, sp.GetRequiredService<ILogger<CustomerDataMaskingChatClient>>()));

var dashScope = config.GetSection($"Providers:{Providers.DashScope}").Get<ModelProviderOptions>() ?? new();
var kernel = builder.Services.AddKernel();
kernel.AddOpenAIChatCompletion(modelId: dashScope.Model, endpoint: new Uri(dashScope.BaseUrl), apiKey: dashScope.ApiKey);
kernel.Plugins.AddFromType<PortfolioPlugin>("portfolio");
kernel.Plugins.AddFromType<FundFactsPlugin>("funds");
builder.Services.AddScoped<PortfolioCommentaryService>();

// ---- DeepSynth ------------------------------------------------------------------------------------------
builder.Services.AddDeepSynthCompliance(o => config.GetSection("DeepSynth").Bind(o));
builder.Services.AddScoped<IRealNameVerifier, BankRealNameVerifier>();
builder.Services.AddSingleton<IContentModerationAdapter, ContentRiskTextAdapter>();
builder.Services.AddSingleton<IMediaModerationAdapter, ContentRiskImageAdapter>();
builder.Services.AddHttpClient(ContentRisk.HttpClientName, http =>
{
    http.BaseAddress = new Uri(config["ContentRisk:BaseUrl"] ?? "http://content-risk.sec.svc.cluster.local/");
    http.Timeout = TimeSpan.FromSeconds(3);
});

// ---- notifications -------------------------------------------------------------------------------------
builder.Services.Configure<NotificationOptions>(config.GetSection("Notifications"));
builder.Services.AddSingleton<MailDispatcher>();
builder.Services.AddHttpClient<SmsGateway>((sp, http) =>
    http.BaseAddress = new Uri(sp.GetRequiredService<IOptions<NotificationOptions>>().Value.SmsBaseUrl));
builder.Services.AddHttpClient<PushRelay>((sp, http) =>
    http.BaseAddress = new Uri(sp.GetRequiredService<IOptions<NotificationOptions>>().Value.PushBaseUrl));
builder.Services.AddHttpClient("wecom", (sp, http) =>
    http.BaseAddress = new Uri(sp.GetRequiredService<IOptions<NotificationOptions>>().Value.WeComBaseUrl));
builder.Services.AddHostedService<PortfolioAlertWorker>();

// ---- web -----------------------------------------------------------------------------------------------
builder.Services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme)
    .AddCookie(o =>
    {
        o.LoginPath = "/account/login";
        o.Cookie.Name = "wp.auth";
        o.SlidingExpiration = true;
        o.ExpireTimeSpan = TimeSpan.FromMinutes(30);
    })
    .AddJwtBearer(o =>
    {
        o.Authority = config["Auth:Authority"];
        o.Audience = config["Auth:Audience"];
        o.TokenValidationParameters = new TokenValidationParameters { NameClaimType = "name", ValidateIssuerSigningKey = true };
    });
builder.Services.AddAuthorization(o =>
{
    o.AddPolicy("Advisor", p => p.RequireRole("advisor").RequireClaim(UserExtensions.AdvisorIdClaim));
    o.AddPolicy("Marketing", p => p.RequireRole("marketing"));
    o.AddPolicy("IvrPlatform", p => p.RequireClaim("client_id", config["Ivr:ClientId"] ?? "ivr-platform"));
    o.AddPolicy("ApiGateway", p => p.RequireClaim("client_id", "api-gateway"));
});
builder.Services.AddCascadingAuthenticationState();

builder.Services.AddRateLimiter(o =>
{
    o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
    o.AddPolicy("public-kb", ctx => RateLimitPartition.GetFixedWindowLimiter(
        ctx.Connection.RemoteIpAddress?.ToString() ?? "unknown",
        _ => new FixedWindowRateLimiterOptions { PermitLimit = 10, Window = TimeSpan.FromMinutes(1) }));
});

builder.Services.AddScoped<ElapsedHeaderFilter>();
builder.Services.AddControllersWithViews()
    .AddOData(o => o.Select().Filter().OrderBy().Count().Expand().SetMaxTop(500)
        .AddRouteComponents(AdvisorEdm.RoutePrefix, AdvisorEdm.Build()));
builder.Services.AddRazorComponents().AddInteractiveServerComponents();
builder.Services.AddSignalR();
builder.Services.AddProblemDetails();
builder.Services.AddHealthChecks()
    .AddCheck<DatabaseHealthCheck>("postgres")
    .AddCheck<ElasticsearchHealthCheck>("elasticsearch");

var app = builder.Build();

app.UseExceptionHandler();
if (!app.Environment.IsDevelopment()) app.UseHsts();
app.UseStaticFiles();
app.UseRouting();
app.UseRateLimiter();
app.UseAuthentication();
app.UseAuthorization();
app.UseAntiforgery();
app.UseMiddleware<DailyBriefMiddleware>();

app.MapControllerRoute("default", "{controller=Portfolio}/{action=Index}/{id?}");
app.MapControllers();
app.MapHub<ClientHub>("/hubs/client");
app.MapRazorComponents<App>().AddInteractiveServerRenderMode();

app.MapHealthChecks("/healthz", new HealthCheckOptions
{
    ResponseWriter = async (ctx, report) =>
    {
        ctx.Response.ContentType = "application/json";
        await ctx.Response.WriteAsJsonAsync(new
        {
            status = report.Status.ToString(),
            took = report.TotalDuration.TotalMilliseconds,
            checks = report.Entries.Select(e => new { name = e.Key, status = e.Value.Status.ToString(), e.Value.Description })
        });
    }
});

var ops = app.MapGroup("/api/ops").RequireAuthorization(p => p.RequireRole("ops"));
ops.MapGet("/models", (IOptionsMonitor<ModelProviderOptions> providers) => Providers.All.Select(n =>
{
    var o = providers.Get(n);
    return new { provider = n, baseUrl = o.BaseUrl, model = o.Model, imageModel = o.ImageModel, timeout = o.TimeoutSeconds };
}).Append(new { provider = "AzureOpenAI", baseUrl = config["AzureOpenAI:Endpoint"] ?? "", model = config["AzureOpenAI:ChatDeployment"] ?? "", imageModel = (string?)config["AzureOpenAI:TtsDeployment"], timeout = 100 }));
ops.MapGet("/usage", async (WealthDbContext db, DateOnly? from, CancellationToken ct) =>
{
    var since = (from ?? DateOnly.FromDateTime(DateTime.UtcNow.AddDays(-30))).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
    return await db.ModelUsage.AsNoTracking().Where(u => u.At >= since)
        .GroupBy(u => new { u.Feature, u.Model })
        .Select(g => new { g.Key.Feature, g.Key.Model, calls = g.Count(), prompt = g.Sum(x => x.PromptTokens), completion = g.Sum(x => x.CompletionTokens) })
        .OrderByDescending(x => x.prompt + x.completion)
        .ToListAsync(ct);
});
ops.MapGet("/jobs/{id}", (string id) =>
{
    var details = JobStorage.Current.GetMonitoringApi().JobDetails(id);
    return details is null
        ? Results.NotFound()
        : Results.Ok(new { id, state = details.History.FirstOrDefault()?.StateName, createdAt = details.CreatedAt, method = details.Job?.Method.Name });
});
ops.MapGet("/kb/stats", async (KnowledgeBase kb, CancellationToken ct) => new { index = KnowledgeBase.Index, documents = await kb.CountAsync(ct) });

app.Services.GetRequiredService<IRecurringJobManager>().AddOrUpdate<StatementExplanationJob>(
    "statement-explanations", j => j.EnqueuePendingAsync(CancellationToken.None), "30 6 2 * *",
    new RecurringJobOptions { TimeZone = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai") });

app.Run();

sealed class DatabaseHealthCheck(IDbContextFactory<WealthDbContext> factory) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        return await db.Database.CanConnectAsync(cancellationToken) ? HealthCheckResult.Healthy() : HealthCheckResult.Unhealthy("cannot connect");
    }
}

sealed class ElasticsearchHealthCheck(ElasticsearchClient client) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var ping = await client.PingAsync(cancellationToken);
        return ping.IsValidResponse ? HealthCheckResult.Healthy() : HealthCheckResult.Degraded("ping failed");
    }
}

public partial class Program;
