namespace DeepSynth.Analyzers.Tests.Flow;

/// <summary>
/// Kafka as a message bus, against the real Confluent.Kafka: the value a job produces in a <c>Message&lt;TKey, TValue&gt;</c>
/// is what a consumer's <c>ConsumeResult.Message.Value</c> holds, so a consumer that pushes it to a hub publishes it; a
/// topic that only ever carries user data publishes nothing generated.
/// </summary>
public class KafkaBusTests
{
    private const string Usings = """
        using Confluent.Kafka;
        using Microsoft.AspNetCore.SignalR;
        using Microsoft.Extensions.AI;
        using Microsoft.Extensions.Hosting;

        """;

    private const string App = """
        public sealed class TipsHub : Hub { }

        public sealed class DailyTipJob(IChatClient chat, IProducer<string, string> producer)
        {
            public async Task RunAsync(CancellationToken ct)
            {
                var response = await chat.GetResponseAsync("Write today's study tip.", cancellationToken: ct);
                Steps.EnsureAllowed(response.Text);
                Steps.Record(response.Text);
                await producer.ProduceAsync("daily-tips", new Message<string, string> { Key = "tip", Value = PRODUCED }, ct);
            }
        }

        public sealed class TipBroadcaster(IConsumer<string, string> consumer, IHubContext<TipsHub> hub) : BackgroundService
        {
            protected override async Task ExecuteAsync(CancellationToken stoppingToken)
            {
                consumer.Subscribe("daily-tips");
                while (!stoppingToken.IsCancellationRequested)
                {
                    var result = consumer.Consume(stoppingToken);
                    await hub.Clients.All.SendAsync("tip", result.Message.Value, stoppingToken);
                }
            }
        }
        """;

    [Fact]
    public async Task A_produced_tip_is_published_by_the_consumer_that_broadcasts_it()
    {
        // Reviewed and recorded by the job, never labeled: DSYN001 where the consumer broadcasts it (line 22).
        Assert.Equal(new[] { "DSYN001@22" }, await FlowFindings.OfAsync(Usings, App.Replace("PRODUCED", "response.Text")));
    }

    [Fact]
    public async Task A_topic_that_carries_only_the_jobs_own_text_publishes_nothing_generated()
    {
        Assert.Empty(await FlowFindings.OfAsync(Usings, App.Replace("PRODUCED", "\"tip-of-the-day\"")));
    }
}
