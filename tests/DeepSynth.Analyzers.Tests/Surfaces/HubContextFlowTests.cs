using DeepSynth.Analyzers.Tests.Flow;
using Verifier = DeepSynth.TestSupport.AnalyzerVerifier<DeepSynth.Analyzers.ContentFlowAnalyzer>;

namespace DeepSynth.Analyzers.Tests.Surfaces;

/// <summary>SignalR's IHubContext&lt;THub&gt; used outside a hub (a background service, a controller): its Clients are channels to people.</summary>
public class HubContextFlowTests
{
    private static Task Verify(string code) => Verifier.VerifyAsync("public class ChatHub : Hub { }\npublic interface IFeedClient { Task Post(string text); }\npublic class FeedHub : Hub<IFeedClient> { }\n" + code + TestSteps.Source);

    [Fact]
    public Task A_background_service_broadcasting_generated_text_through_a_hub_context_publishes_it() =>
        Verify("""
            public class NewsWriter(IChatClient chat, IHubContext<ChatHub> hub) : Microsoft.Extensions.Hosting.BackgroundService
            {
                protected override async Task ExecuteAsync(CancellationToken stoppingToken)
                {
                    var response = await chat.GetResponseAsync("写一条快讯", cancellationToken: stoppingToken);
                    await {|DSYN001:{|DSYN003:{|DSYN005:hub.Clients.All.SendAsync("news", response.Text, stoppingToken)|}|}|};
                }
            }
            """);

    [Fact]
    public Task A_typed_hub_context_used_from_a_controller_publishes_to_the_group() =>
        Verify("""
            [ApiController]
            [RequireRealName]
            public class FeedController(IChatClient chat, IHubContext<FeedHub, IFeedClient> hub) : ControllerBase
            {
                [HttpPost("/feed/{room}")]
                public async Task<IActionResult> Post(string room)
                {
                    var response = await chat.GetResponseAsync("写一条动态");
                    Steps.EnsureAllowed(response.Text);
                    await {|DSYN001:{|DSYN005:hub.Clients.Group(room).Post(response.Text)|}|};
                    return Ok();
                }
            }
            """);

    [Fact]
    public Task A_hub_context_sending_labelled_reviewed_recorded_or_constant_text_is_clean() =>
        Verify("""
            public class NewsWriter(IChatClient chat, IHubContext<ChatHub> hub) : Microsoft.Extensions.Hosting.BackgroundService
            {
                protected override async Task ExecuteAsync(CancellationToken stoppingToken)
                {
                    var response = await chat.GetResponseAsync("写一条快讯", cancellationToken: stoppingToken);
                    Steps.EnsureAllowed(response.Text);
                    Steps.Record(response.Text);
                    await hub.Clients.All.SendAsync("news", Steps.Label(response.Text), stoppingToken);
                    await hub.Clients.All.SendAsync("status", "done", stoppingToken);
                }
            }
            """);
}
