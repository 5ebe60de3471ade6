using System.ClientModel;
using Anthropic;
using ListingAssistant.Background;
using ListingAssistant.Data;
using ListingAssistant.Email;
using ListingAssistant.Endpoints;
using ListingAssistant.Hubs;
using ListingAssistant.Middleware;
using ListingAssistant.Services;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.AI;
using Microsoft.SemanticKernel;
using OpenAI;
using Quartz;

var builder = WebApplication.CreateBuilder(args);
var config = builder.Configuration;

var openAiKey = config["OpenAI:ApiKey"] ?? throw new InvalidOperationException("OpenAI:ApiKey is not configured.");
var chatModel = config["OpenAI:ChatModel"] ?? "gpt-4.1-mini";

builder.Services.Configure<MediaOptions>(config.GetSection(MediaOptions.Section));
builder.Services.Configure<QwenOptions>(config.GetSection(QwenOptions.Section));
builder.Services.Configure<SmtpOptions>(config.GetSection(SmtpOptions.Section));

builder.Services.AddDbContextFactory<ListingDbContext>(o =>
    o.UseSqlite(config.GetConnectionString("Listings") ?? "Data Source=listings.db"));

builder.Services.AddMemoryCache();
builder.Services.AddControllers();
builder.Services.AddSignalR();
builder.Services.AddProblemDetails();

// OpenAI SDK clients
builder.Services.AddSingleton(_ => new OpenAIClient(new ApiKeyCredential(openAiKey)));
builder.Services.AddSingleton(sp => sp.GetRequiredService<OpenAIClient>().GetImageClient(config["OpenAI:ImageModel"] ?? "gpt-image-1"));
builder.Services.AddSingleton(sp => sp.GetRequiredService<OpenAIClient>().GetAudioClient(config["OpenAI:SpeechModel"] ?? "gpt-4o-mini-tts"));
builder.Services.AddSingleton(sp => sp.GetRequiredService<OpenAIClient>().GetChatClient(config["OpenAI:VisionModel"] ?? "gpt-4.1"));

// Microsoft.Extensions.AI chat client for listing copy
builder.Services
    .AddChatClient(sp => sp.GetRequiredService<OpenAIClient>().GetChatClient(chatModel).AsIChatClient())
    .UseLogging();

// Semantic Kernel for buyer chat and marketing prompts
var kernelBuilder = builder.Services.AddKernel();
kernelBuilder.AddOpenAIChatCompletion(chatModel, openAiKey);
kernelBuilder.Plugins.AddFromType<ListingFactsPlugin>("listing");

// Anthropic for the weekly digest
builder.Services.AddSingleton<IAnthropicClient>(_ => new AnthropicClient { ApiKey = config["Anthropic:ApiKey"] });

// Qwen (DashScope OpenAI-compatible endpoint) for translations
builder.Services.AddHttpClient<ITranslationClient, QwenTranslationClient>(c => c.Timeout = TimeSpan.FromSeconds(60));

builder.Services.AddScoped<IListingCopyService, ListingCopyService>();
builder.Services.AddScoped<IMediaStudio, MediaStudio>();
builder.Services.AddScoped<IBuyerAssistant, BuyerAssistant>();
builder.Services.AddSingleton<IDigestMailer, MailKitDigestMailer>();

builder.Services.AddHostedService<OpenHouseBroadcastService>();
builder.Services.AddQuartz(q =>
{
    q.AddJob<WeeklyDigestJob>(j => j.WithIdentity(WeeklyDigestJob.Key).WithDescription("Weekly market digest e-mail"));
    q.AddTrigger(t => t
        .ForJob(WeeklyDigestJob.Key)
        .WithIdentity("weekly-market-digest-trigger")
        .WithCronSchedule(config["Digest:Cron"] ?? "0 0 8 ? * MON"));
});
builder.Services.AddQuartzHostedService(o => o.WaitForJobsToComplete = true);

var app = builder.Build();

using (var scope = app.Services.CreateScope())
{
    scope.ServiceProvider.GetRequiredService<ListingDbContext>().Database.EnsureCreated();
}

app.UseExceptionHandler();
app.UseRequestTiming();
app.UseStaticFiles();

app.MapGet("/health", () => Results.Ok(new { status = "ok", time = DateTime.UtcNow }));
app.MapGet("/", () => "Listing assistant API");

app.MapPost("/api/subscribers", async (Subscriber subscriber, ListingDbContext db, CancellationToken ct) =>
{
    db.Subscribers.Add(subscriber);
    await db.SaveChangesAsync(ct);
    return Results.Created($"/api/subscribers/{subscriber.Id}", subscriber);
});
app.MapDelete("/api/subscribers/{email}", async (string email, ListingDbContext db, CancellationToken ct) =>
{
    var updated = await db.Subscribers.Where(s => s.Email == email)
        .ExecuteUpdateAsync(s => s.SetProperty(x => x.Active, false), ct);
    return updated == 0 ? Results.NotFound() : Results.NoContent();
});

app.MapListingEndpoints();
app.MapAgentEndpoints();
app.MapControllers();
app.MapHub<BuyerChatHub>("/hubs/buyer-chat");

app.Run();
