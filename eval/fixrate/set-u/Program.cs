using DeepSynth.Compliance.RealName;
using Hangfire;
using Hangfire.Redis.StackExchange;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.FileProviders;
using Microsoft.IdentityModel.Tokens;
using StarHarbor.LiveOps.Actors;
using StarHarbor.LiveOps.Endpoints;
using StarHarbor.LiveOps.Grpc;
using StarHarbor.LiveOps.Hubs;
using StarHarbor.LiveOps.Identity;
using StarHarbor.LiveOps.Infrastructure;
using StarHarbor.LiveOps.Jobs;
using StarHarbor.LiveOps.Middleware;

var builder = WebApplication.CreateBuilder(args);
var config = builder.Configuration;

builder.Services.Configure<LiveOpsOptions>(config.GetSection(LiveOpsOptions.Section));
builder.Services.AddSingleton(TimeProvider.System);

builder.Services
    .AddAuthentication(JwtBearerDefaults.AuthenticationScheme)
    .AddJwtBearer(options =>
    {
        options.Authority = config["Auth:Authority"];
        options.Audience = "starharbor-liveops";
        options.TokenValidationParameters = new TokenValidationParameters { NameClaimType = "nickname", RoleClaimType = "role" };
        // SignalR and the legacy client send the token in the query string.
        options.Events = new JwtBearerEvents
        {
            OnMessageReceived = ctx =>
            {
                var token = ctx.Request.Query["access_token"];
                if (!string.IsNullOrEmpty(token) &&
                    (ctx.Request.Path.StartsWithSegments("/hubs") || ctx.Request.Path.StartsWithSegments("/legacy")))
                {
                    ctx.Token = token;
                }
                return Task.CompletedTask;
            },
        };
    });
builder.Services.AddAuthorization();

builder.Services.AddDeepSynthCompliance(o => config.GetSection("DeepSynth").Bind(o));
builder.Services.AddScoped<IRealNameVerifier, AccountIdentityVerifier>();
builder.Services.AddShumeiModeration(config);

builder.Services.AddStarHarborData(config);
builder.Services.AddModelProviders(config);
builder.Services.AddStarHarborMessaging(config);
builder.Services.AddMatchRecapPipeline();

builder.Services.AddMediator((Mediator.MediatorOptions o) => o.ServiceLifetime = ServiceLifetime.Scoped);

builder.Services.AddHangfire(cfg => cfg
    .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
    .UseSimpleAssemblyNameTypeSerializer()
    .UseRecommendedSerializerSettings()
    .UseRedisStorage(config.GetConnectionString("HangfireRedis"), new RedisStorageOptions { Prefix = "starharbor:hangfire:" }));
builder.Services.AddHangfireServer(o => o.Queues = ["default", "digest"]);
builder.Services.AddScoped<WeeklyDigestJob>();
builder.Services.AddScoped<EventReminderJob>();
builder.Services.AddScoped<BountyBoardJob>();
builder.Services.AddScoped<OpsReportJob>();

builder.Services.AddControllers();
builder.Services.AddGrpc(o => o.EnableDetailedErrors = builder.Environment.IsDevelopment());
builder.Services.AddSingleton<IShardDirectory, CosmosShardDirectory>();
builder.Services.AddSignalR(o => o.MaximumReceiveMessageSize = 16 * 1024);
builder.Services.AddMemoryCache();
builder.Services.AddDistributedMemoryCache();
builder.Services.AddOutputCache();
builder.Services.AddProblemDetails();

var app = builder.Build();

app.UseExceptionHandler();
app.UseStatusCodePages();

var publicRoot = app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<LiveOpsOptions>>().Value.PublicAssetRoot;
Directory.CreateDirectory(publicRoot);
app.UseStaticFiles(new StaticFileOptions
{
    FileProvider = new PhysicalFileProvider(publicRoot),
    RequestPath = "/public",
    OnPrepareResponse = ctx => ctx.Context.Response.Headers.CacheControl = "public,max-age=86400",
});

app.UseAuthentication();
app.UseAuthorization();
app.UseOutputCache();
app.UseMiddleware<LegacyBarkMiddleware>();

app.MapControllers();
app.MapGuide();
app.MapCommunity();
app.MapMatchesAndMailbox();
app.MapOps();
app.MapHub<GuildChatHub>("/hubs/guild");
app.MapGrpcService<GameClientService>();
app.MapHangfireDashboard("/ops/jobs", new DashboardOptions { Authorization = [] }).RequireAuthorization(p => p.RequireRole("liveops"));

var recurring = app.Services.GetRequiredService<IRecurringJobManager>();
var beijing = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");
foreach (var region in app.Configuration.GetSection("LiveOps:Regions").Get<string[]>() ?? ["cn-east"])
{
    recurring.AddOrUpdate<WeeklyDigestJob>($"weekly-digest-{region}", "digest",
        j => j.RunAsync(region, CancellationToken.None), "0 10 * * 0", new RecurringJobOptions { TimeZone = beijing });
}
recurring.AddOrUpdate<EventReminderJob>("event-reminders", j => j.RunAsync(CancellationToken.None), "*/15 * * * *");
recurring.AddOrUpdate<BountyBoardJob>("bounty-board", j => j.RunAsync(CancellationToken.None), "5 0 * * *",
    new RecurringJobOptions { TimeZone = beijing });
recurring.AddOrUpdate<OpsReportJob>("ops-report", j => j.RunAsync(CancellationToken.None), "30 9 * * *",
    new RecurringJobOptions { TimeZone = beijing });

app.Run();
