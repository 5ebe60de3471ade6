using Verifier = DeepSynth.TestSupport.AnalyzerVerifier<DeepSynth.Analyzers.ContentFlowAnalyzer>;

namespace DeepSynth.Analyzers.Tests.Flow;

public class SignalRFlowTests
{
    private static Task Verify(string hub, params Microsoft.CodeAnalysis.Testing.DiagnosticResult[] expected) =>
        Verifier.VerifyAsync(hub + TestSteps.Source, expected);

    [Fact]
    public async Task Streaming_tokens_to_the_caller_are_published_unlabeled()
    {
        await Verify("""
            public class ChatHub(IChatClient chat) : Hub
            {
                public async Task Ask(string question)
                {
                    await Steps.EnsureRealNameAsync(Context.User!);
                    Steps.EnsureAllowed(question);
                    await foreach (var update in chat.GetStreamingResponseAsync(question))
                    {
                        Steps.EnsureAllowed(update.Text);
                        Steps.Record(update.Text);
                        await {|DSYN001:Clients.Caller.SendAsync("token", update.Text)|};
                    }
                }
            }
            """);
    }

    [Fact]
    public async Task Label_notice_sent_first_labels_the_streamed_text()
    {
        await Verify("""
            public class ChatHub(IChatClient chat) : Hub
            {
                public async Task Ask(string question)
                {
                    await Steps.EnsureRealNameAsync(Context.User!);
                    Steps.EnsureAllowed(question);
                    await Clients.Caller.SendAsync("notice", Steps.Notice);
                    await foreach (var update in chat.GetStreamingResponseAsync(question))
                    {
                        Steps.EnsureAllowed(update.Text);
                        Steps.Record(update.Text);
                        await Clients.Caller.SendAsync("token", update.Text);
                    }
                }
            }
            """);
    }

    [Fact]
    public async Task Typed_clients_and_group_proxies_are_publish_points()
    {
        await Verify("""
            public interface IChatClientProxy { Task ReceiveAnswer(string answer); }

            [RequireRealName]
            public class ChatHub(IChatClient chat) : Hub<IChatClientProxy>
            {
                public async Task Ask(string room, string question)
                {
                    Steps.EnsureAllowed(question);
                    var response = await chat.GetResponseAsync(question);
                    Steps.EnsureAllowed(response.Text);
                    await {|DSYN001:{|DSYN005:Clients.Group(room).ReceiveAnswer(response.Text)|}|};
                }
            }
            """);
    }

    [Fact]
    public async Task Hub_method_return_value_is_published()
    {
        await Verify("""
            [RequireRealName]
            public class ChatHub(IChatClient chat) : Hub
            {
                public async Task<string> Ask(string question)
                {
                    Steps.EnsureAllowed(question);
                    var response = await chat.GetResponseAsync(question);
                    Steps.EnsureAllowed(response.Text);
                    return {|DSYN001:{|DSYN005:response.Text|}|};
                }
            }
            """);
    }

    [Fact]
    public async Task Hub_argument_reaching_the_model_unreviewed_is_reported_at_the_generation_call()
    {
        await Verify("""
            [RequireRealName]
            public class ChatHub(IChatClient chat) : Hub
            {
                public async Task<string> Ask(string question)
                {
                    var response = await {|DSYN004:chat.GetResponseAsync(question)|};
                    Steps.EnsureAllowed(response.Text);
                    Steps.Record(response.Text);
                    return Steps.Label(response.Text);
                }
            }
            """);
    }

    [Fact]
    public async Task Sending_non_generated_text_is_clean()
    {
        await Verify("""
            public class ChatHub : Hub
            {
                public async Task Join(string room)
                {
                    await Groups.AddToGroupAsync(Context.ConnectionId, room);
                    await Clients.Group(room).SendAsync("joined", Context.ConnectionId, room);
                }
            }
            """);
    }
}
