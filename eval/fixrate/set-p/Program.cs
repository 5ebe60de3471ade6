using System.Text;
using ClipForge.Configuration;
using ClipForge.Endpoints;
using ClipForge.Hubs;
using ClipForge.Infrastructure;
using ClipForge.Storage;
using DeepSynth.Compliance;
using DeepSynth.Compliance.RealName;
using DeepSynth.Compliance.Review;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.IdentityModel.Tokens;

var builder = WebApplication.CreateBuilder(args);

builder.Services.Configure<AiModelOptions>(builder.Configuration.GetSection(AiModelOptions.Section));
builder.Services.Configure<StorageOptions>(builder.Configuration.GetSection(StorageOptions.Section));
builder.Services.Configure<PlatformOptions>(builder.Configuration.GetSection(PlatformOptions.Section));
builder.Services.AddSingleton(TimeProvider.System);

builder.Services
    .AddClipForgeStorage(builder.Configuration)
    .AddClipForgeAi(builder.Configuration)
    .AddClipForgeMessaging(builder.Configuration)
    .AddClipForgeJobs()
    .AddClipForgeNotifications(builder.Configuration);

builder.Services.AddDeepSynthCompliance(options => builder.Configuration.GetSection("DeepSynth").Bind(options));
builder.Services.AddScoped<IRealNameVerifier, MongoRealNameVerifier>();
builder.Services.AddHttpClient(GreenShieldModerationClient.HttpClientName, (sp, client) =>
{
    client.BaseAddress = new Uri(builder.Configuration["Moderation:BaseUrl"] ?? "https://green.cn-shanghai.aliyuncs.com/");
    client.DefaultRequestHeaders.Add("X-Api-Key", builder.Configuration["Moderation:ApiKey"]);
    client.Timeout = TimeSpan.FromSeconds(5);
});
builder.Services.AddSingleton<GreenShieldModerationClient>();
builder.Services.AddSingleton<IContentModerationAdapter>(sp => sp.GetRequiredService<GreenShieldModerationClient>());
builder.Services.AddSingleton<IMediaModerationAdapter>(sp => sp.GetRequiredService<GreenShieldModerationClient>());

builder.Services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme)
    .AddJwtBearer(options =>
    {
        var jwt = builder.Configuration.GetSection("Jwt");
        options.Authority = jwt["Authority"];
        options.Audience = jwt["Audience"];
        options.TokenValidationParameters = new TokenValidationParameters
        {
            ValidateIssuer = true,
            ValidIssuer = jwt["Issuer"],
            ValidateAudience = true,
            IssuerSigningKey = string.IsNullOrEmpty(jwt["SigningKey"]) ? null : new SymmetricSecurityKey(Encoding.UTF8.GetBytes(jwt["SigningKey"]!))
        };
        // SignalR sends the token in the query string for WebSocket connections.
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
            }
        };
    });
builder.Services.AddAuthorization();

builder.Services.AddControllers();
builder.Services.AddProblemDetails();
builder.Services.AddSignalR(o => o.MaximumReceiveMessageSize = 64 * 1024);
builder.Services.AddCors(o => o.AddDefaultPolicy(p => p
    .WithOrigins(builder.Configuration.GetSection("Cors:Origins").Get<string[]>() ?? ["https://studio.clipforge.cn"])
    .AllowAnyHeader()
    .AllowAnyMethod()
    .AllowCredentials()));

var app = builder.Build();

app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseCors();
app.UseAuthentication();
app.UseAuthorization();

app.MapControllers();
app.MapScriptEndpoints();
app.MapMediaEndpoints();
app.MapPlatformEndpoints();
app.MapHub<StudioHub>("/hubs/studio");
app.MapHub<AssistantHub>("/hubs/assistant");

using (var scope = app.Services.CreateScope())
{
    await scope.ServiceProvider.GetRequiredService<MongoContext>().EnsureIndexesAsync(CancellationToken.None);
}

app.Run();
