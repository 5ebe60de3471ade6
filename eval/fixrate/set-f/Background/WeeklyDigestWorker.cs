using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.AI;
using TalentDesk.Data;
using TalentDesk.Models;
using TalentDesk.Hubs;

namespace TalentDesk.Background;

public class WeeklyDigestWorker(
    IServiceScopeFactory scopes,
    IHubContext<RecruiterHub> hub,
    IConfiguration configuration,
    ILogger<WeeklyDigestWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var recruiters = (configuration["Digest:Recruiters"] ?? "alice,bob")
            .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var interval = TimeSpan.FromHours(configuration.GetValue("Digest:IntervalHours", 168));

        using var timer = new PeriodicTimer(interval);
        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var digest = scope.ServiceProvider.GetRequiredService<HiringDigestBuilder>();
                var entries = await digest.BuildAsync(recruiters, stoppingToken);

                foreach (var entry in entries)
                {
                    await hub.Clients.User(entry.Recruiter).SendAsync("weeklyDigest", entry, stoppingToken);
                }

                var teamSummary = string.Join("\n\n", entries.Select(e => $"{e.Recruiter}: {e.Highlights}"));
                await hub.Clients.All.SendAsync("digestPublished", $"Weekly hiring digest ({DateTime.UtcNow:yyyy-MM-dd})\n\n{teamSummary}", stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "Weekly digest failed");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}

public class HiringDigestBuilder(IChatClient chat, ICandidateStore candidates, JobPostingStore postings)
{
    public async Task<List<DigestEntry>> BuildAsync(IEnumerable<string> recruiters, CancellationToken ct)
    {
        var since = DateTimeOffset.UtcNow.AddDays(-7);
        var recent = candidates.AppliedSince(since);
        var openRoles = postings.Open().Select(p => p.Title).ToList();

        var entries = new List<DigestEntry>();
        foreach (var recruiter in recruiters)
        {
            var interviewing = recent.Count(c => c.Stage == "interview");
            var facts = string.Join("\n", recent.Select(c => $"- {c.Name} applied for {c.AppliedFor}, stage {c.Stage}"));
            var response = await chat.GetResponseAsync(
                $"Write a 3-sentence weekly hiring update for recruiter {recruiter}. Open roles: {string.Join(", ", openRoles)}.\n" +
                $"New applicants this week:\n{facts}", cancellationToken: ct);

            entries.Add(new DigestEntry(recruiter, recent.Count, interviewing, response.Text));
        }
        return entries;
    }
}
