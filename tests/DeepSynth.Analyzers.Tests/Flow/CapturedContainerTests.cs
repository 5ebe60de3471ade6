using DeepSynth.TestSupport;

namespace DeepSynth.Analyzers.Tests.Flow;

/// <summary>
/// A lambda that runs where it is handed over (<c>Task.Run</c>, <c>List.ForEach</c>) and adds to a container of the
/// enclosing method: the channel a streaming hub method returns is fed by a producer started with <c>Task.Run</c>; a
/// builder filled in a <c>ForEach</c> is what the handler returns. A producer that only writes the user's own text
/// publishes nothing generated.
/// </summary>
public class CapturedContainerTests
{
    private const string Usings = """
        using System.Text;
        using System.Threading.Channels;
        using Microsoft.AspNetCore.Builder;
        using Microsoft.AspNetCore.Http;
        using Microsoft.AspNetCore.SignalR;
        using Microsoft.Extensions.AI;

        """;

    private const string Hub = """
        public sealed class TutorHub(IChatClient chat) : Hub
        {
            public ChannelReader<string> Feedback(string essay, CancellationToken cancellationToken)
            {
                var channel = Channel.CreateUnbounded<string>();
                _ = Task.Run(async () =>
                {
                    await foreach (var update in chat.GetStreamingResponseAsync(WRITTEN, cancellationToken: cancellationToken))
                    {
                        await channel.Writer.WriteAsync(SENT, cancellationToken);
                    }

                    channel.Writer.TryComplete();
                }, cancellationToken);
                return channel.Reader;
            }
        }
        """;

    private const int ReturnLine = 15;

    [Fact]
    public async Task The_channel_a_streaming_hub_method_returns_carries_what_a_Task_Run_producer_wrote()
    {
        var findings = await FlowFindings.OfAsync(Usings, Hub.Replace("WRITTEN", "essay").Replace("SENT", "update.Text"));

        Assert.Contains($"DSYN001@{ReturnLine}", findings);
        Assert.Contains($"DSYN003@{ReturnLine}", findings);
    }

    [Fact]
    public async Task A_producer_that_writes_only_the_users_own_text_publishes_nothing_generated()
    {
        var findings = await FlowFindings.OfAsync(Usings, Hub.Replace("WRITTEN", "essay").Replace("SENT", "essay"));

        Assert.DoesNotContain(findings, f => f.StartsWith("DSYN001", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_builder_filled_in_ForEach_is_published_with_what_the_lambda_appended()
    {
        var findings = await FlowFindings.OfAsync(Usings, """
            public static class Routes
            {
                public static void Map(WebApplication app) => app.MapGet("/tips", async (string topic, IChatClient chat) =>
                {
                    var response = await chat.GetResponseAsync(topic);
                    var lines = response.Text.Split('\n').ToList();
                    var page = new StringBuilder();
                    lines.ForEach(line => page.AppendLine("- " + line));
                    return Results.Text(page.ToString());
                });
            }
            """);

        Assert.Contains("DSYN001@9", findings);
    }
}
