using System.Threading.Channels;
using DeepSynth.Compliance;
using DeepSynth.Compliance.Audit;
using DeepSynth.Compliance.Labeling;
using DeepSynth.Compliance.RealName;
using DeepSynth.Compliance.Review;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.AI;

namespace Newsroom.Workers;

public sealed class UpdatesHub : Hub
{
}

public sealed record ReportJob(string UserId, string Prompt);

public sealed class ReportQueue
{
    private readonly Channel<ReportJob> _channel = Channel.CreateBounded<ReportJob>(100);

    public ValueTask EnqueueAsync(ReportJob job, CancellationToken ct) => _channel.Writer.WriteAsync(job, ct);

    public IAsyncEnumerable<ReportJob> ReadAllAsync(CancellationToken ct) => _channel.Reader.ReadAllAsync(ct);
}

[ApiController]
[Route("api/reports")]
public sealed class ReportsController(ReportQueue queue, IContentReviewer reviewer) : ControllerBase
{
    [HttpPost]
    public async Task<IActionResult> Queue([FromBody] string prompt, CancellationToken ct)
    {
        var reviewed = await reviewer.EnsureAllowedAsync(prompt, ReviewStage.Input, ct);
        await queue.EnqueueAsync(new ReportJob(User.Identity?.Name ?? "anonymous", reviewed), ct);
        return Accepted();
    }
}

/// <summary>Writes the long reports users queued and pushes them to the user when they are ready.</summary>
public sealed class ReportWorker(
    ReportQueue queue,
    IServiceScopeFactory scopes,
    IChatClient chat,
    IContentReviewer reviewer,
    IAigcTextLabeler labeler,
    ISynthesisAuditLog audit,
    IHubContext<UpdatesHub> hub,
    ILogger<ReportWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var job in queue.ReadAllAsync(stoppingToken))
        {
            try
            {
                using var scope = scopes.CreateScope();
                var gate = scope.ServiceProvider.GetRequiredService<IRealNameGate>();
                await gate.EnsureVerifiedAsync(job.UserId, stoppingToken);

                var response = await chat.GetResponseAsync(job.Prompt, cancellationToken: stoppingToken);
                var report = await reviewer.EnsureAllowedAsync(response.Text, ReviewStage.Output, stoppingToken);
                await audit.RecordAsync(report, new GenerationRecord { UserId = job.UserId, Model = response.ModelId }, stoppingToken);
                await hub.Clients.User(job.UserId).SendAsync("report", labeler.Label(report), stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "Report job failed");
            }
        }
    }
}

/// <summary>Translations users queued from the mobile app; this worker predates the real-name gate.</summary>
public sealed class TranslationWorker(
    Channel<ReportJob> jobs,
    IChatClient chat,
    IContentReviewer reviewer,
    IAigcTextLabeler labeler,
    ISynthesisAuditLog audit,
    IHubContext<UpdatesHub> hub) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (await jobs.Reader.WaitToReadAsync(stoppingToken))
        {
            while (jobs.Reader.TryRead(out var job))
            {
                var source = await reviewer.EnsureAllowedAsync(job.Prompt, ReviewStage.Input, stoppingToken);
                var response = await chat.GetResponseAsync("Translate into English:\n" + source, cancellationToken: stoppingToken);
                var translation = await reviewer.EnsureAllowedAsync(response.Text, ReviewStage.Output, stoppingToken);
                await audit.RecordAsync(translation, new GenerationRecord { UserId = job.UserId }, stoppingToken);
                await hub.Clients.User(job.UserId).SendAsync("translation", labeler.Label(translation), stoppingToken); // expect: DSYN002
            }
        }
    }
}

/// <summary>Every morning at 7: an AI digest of the top headlines, broadcast to everyone online.</summary>
public sealed class MorningDigestService(IChatClient chat, IAigcTextLabeler labeler, IHubContext<UpdatesHub> hub, TimeProvider clock) : BackgroundService
{
    private static readonly string[] Headlines =
    [
        "央行宣布下调存款准备金率",
        "多地迎来今年首场降雪",
        "新能源汽车出口同比增长",
    ];

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromHours(24), clock);
        do
        {
            var response = await chat.GetResponseAsync("用轻松的语气为以下新闻写一段早间简报：\n" + string.Join("\n", Headlines), cancellationToken: stoppingToken);
            // Provider-initiated content with no requesting user: there is nobody whose real name could be checked.
            await hub.Clients.All.SendAsync("digest", labeler.Label(response.Text), stoppingToken); // expect: DSYN003, DSYN005
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
