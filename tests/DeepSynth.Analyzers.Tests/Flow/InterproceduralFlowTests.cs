using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using Verifier = DeepSynth.TestSupport.AnalyzerVerifier<DeepSynth.Analyzers.ContentFlowAnalyzer>;

namespace DeepSynth.Analyzers.Tests.Flow;

/// <summary>Flows across methods: summaries of services, helpers that publish, fields, interfaces, the depth bound.</summary>
public class InterproceduralFlowTests
{
    private static Task Verify(string code, params DiagnosticResult[] expected) => Verifier.VerifyAsync(code + TestSteps.Source, expected);

    [Fact]
    public async Task Service_returning_generated_content_is_followed_through_an_interface()
    {
        await Verify("""
            public interface IAnswerService { Task<string> AnswerAsync(string question); }

            public class AnswerService(IChatClient chat) : IAnswerService
            {
                public async Task<string> AnswerAsync(string question)
                {
                    var response = await {|#1:chat.GetResponseAsync(question)|};
                    return response.Text;
                }
            }

            [RequireRealName]
            public class ChatController(IAnswerService answers) : ControllerBase
            {
                public async Task<IActionResult> Ask(string question)
                {
                    Steps.EnsureAllowed(question);
                    var answer = await answers.AnswerAsync(question);
                    Steps.EnsureAllowed(answer);
                    return {|#0:Ok(answer)|};
                }
            }
            """,
            Verifier.Diagnostic("DSYN001").WithLocation(0).WithLocation(1),
            Verifier.Diagnostic("DSYN005").WithLocation(0).WithLocation(1));
    }

    [Fact]
    public async Task Steps_taken_inside_the_service_travel_with_its_result()
    {
        await Verify("""
            public class AnswerService(IChatClient chat)
            {
                public async Task<string> AnswerAsync(string question)
                {
                    Steps.EnsureAllowed(question);
                    var response = await chat.GetResponseAsync(question);
                    Steps.EnsureAllowed(response.Text);
                    await Steps.RecordAsync(question, response.Text);
                    return Steps.Label(response.Text);
                }
            }

            [RequireRealName]
            public class ChatController(AnswerService answers) : ControllerBase
            {
                public async Task<IActionResult> Ask(string question) => Ok(await answers.AnswerAsync(question));
            }
            """);
    }

    [Fact]
    public async Task User_input_handed_to_a_generating_service_is_reported_at_the_call()
    {
        await Verify("""
            public class AnswerService(IChatClient chat)
            {
                public async Task<string> AnswerAsync(string question)
                {
                    var response = await chat.GetResponseAsync(question);
                    Steps.EnsureAllowed(response.Text);
                    Steps.Record(response.Text);
                    return Steps.Label(response.Text);
                }
            }

            [RequireRealName]
            public class ChatController(AnswerService answers) : ControllerBase
            {
                public async Task<IActionResult> Ask(string question) => Ok(await {|DSYN004:answers.AnswerAsync(question)|});

                public async Task<IActionResult> Reviewed(string question)
                {
                    Steps.EnsureAllowed(question);
                    return Ok(await answers.AnswerAsync(question));
                }
            }
            """);
    }

    [Fact]
    public async Task Helper_that_publishes_its_argument_makes_the_call_a_publish_point()
    {
        await Verify("""
            [RequireRealName]
            public class ChatHub(IChatClient chat) : Hub
            {
                public async Task Ask(string question)
                {
                    Steps.EnsureAllowed(question);
                    var response = await {|#2:chat.GetResponseAsync(question)|};
                    Steps.EnsureAllowed(response.Text);
                    Steps.Record(response.Text);
                    await {|#0:SendAnswer(response.Text)|};
                    await SendAnswer(Steps.Label(response.Text));
                }

                private Task SendAnswer(string text) => {|#1:Clients.Caller.SendAsync("answer", text)|};
            }
            """,
            Verifier.Diagnostic("DSYN001").WithLocation(0).WithLocation(2).WithLocation(1));
    }

    [Fact]
    public async Task Real_identity_for_a_private_helper_is_decided_by_its_callers()
    {
        await Verify("""
            public class ChatHub(IChatClient chat) : Hub
            {
                public async Task Verified(string question)
                {
                    await Steps.EnsureRealNameAsync(Context.User!);
                    await StreamAnswer(question);
                }

                public async Task Unverified(string question)
                {
                    await {|DSYN002:StreamAnswer(question)|};
                }

                private async Task StreamAnswer(string question)
                {
                    Steps.EnsureAllowed(question);
                    var response = await chat.GetResponseAsync(question);
                    Steps.EnsureAllowed(response.Text);
                    Steps.Record(response.Text);
                    await Clients.Caller.SendAsync("answer", Steps.Label(response.Text));
                }
            }
            """);
    }

    [Fact]
    public async Task A_method_that_verifies_identity_counts_for_its_caller()
    {
        await Verify("""
            public class RealNamePolicy
            {
                public async Task RequireAsync(System.Security.Claims.ClaimsPrincipal user)
                {
                    if (user.Identity?.IsAuthenticated != true) throw new UnauthorizedAccessException();
                    await Steps.EnsureRealNameAsync(user);
                }
            }

            public class ChatController(IChatClient chat, RealNamePolicy policy) : ControllerBase
            {
                public async Task<IActionResult> Ask(string question)
                {
                    await policy.RequireAsync(User);
                    Steps.EnsureAllowed(question);
                    var response = await chat.GetResponseAsync(question);
                    Steps.EnsureAllowed(response.Text);
                    Steps.Record(response.Text);
                    return Ok(Steps.Label(response.Text));
                }
            }
            """);
    }

    [Fact]
    public async Task Content_stored_in_a_field_by_one_method_is_followed_into_another()
    {
        await Verify("""
            public class AnswerCache(IChatClient chat)
            {
                private string _last = "";
                public static string Shared = "";

                public async Task RefreshAsync(string question)
                {
                    Steps.EnsureAllowed(question);
                    var response = await chat.GetResponseAsync(question);
                    _last = response.Text;
                    Shared = response.Text;
                }

                public string Last() => _last;
            }

            [RequireRealName]
            public class ChatController(AnswerCache cache) : ControllerBase
            {
                public IActionResult Last() => {|DSYN001:{|DSYN003:{|DSYN005:Ok(cache.Last())|}|}|};

                public IActionResult Shared() => {|DSYN001:{|DSYN003:{|DSYN005:Ok(AnswerCache.Shared)|}|}|};
            }
            """);
    }

    [Fact]
    public async Task Recursion_and_deep_chains_terminate()
    {
        await Verify("""
            public class Chain(IChatClient chat)
            {
                public async Task<string> Level0(string q, int n) => n > 0 ? await Level0(q, n - 1) : await Level1(q);
                public async Task<string> Level1(string q) => await Level2(q);
                public async Task<string> Level2(string q) => (await chat.GetResponseAsync(q)).Text;
            }

            [RequireRealName]
            public class ChatController(Chain chain) : ControllerBase
            {
                public async Task<IActionResult> Ask(string question)
                {
                    Steps.EnsureAllowed(question);
                    var text = await chain.Level0(question, 3);
                    Steps.EnsureAllowed(text);
                    Steps.Record(text);
                    return {|DSYN001:Ok(text)|};
                }
            }
            """);
    }

    /// <summary>
    /// A chain of helpers from the action to the model, followed within the call-depth bound. Six links is the layered
    /// shape of just-an-ai-agent (eval/real batch 4: controller, orchestration, processing, service, broker, provider,
    /// client), one call deeper than the old default of 5 followed; the default is 8.
    /// </summary>
    [Theory]
    [InlineData(4, 2, false)]
    [InlineData(4, 6, true)]
    [InlineData(6, 5, false)]
    [InlineData(6, null, true)]
    public async Task A_chain_of_helpers_is_followed_within_the_depth_bound(int links, int? depth, bool found)
    {
        var chain = string.Concat(Enumerable.Range(0, links - 1).Select(i => $"    public Task<string> L{i}(string q) => L{i + 1}(q);\n")) +
                    $"    public async Task<string> L{links - 1}(string q) => (await chat.GetResponseAsync(q)).Text;\n";
        var code = "public class Chain(IChatClient chat)\n{\n" + chain + """
            }

            [RequireRealName]
            public class ChatController(Chain chain) : ControllerBase
            {
                public async Task<IActionResult> Ask(string question)
                {
                    Steps.EnsureAllowed(question);
                    var text = await chain.L0(question);
                    Steps.EnsureAllowed(text);
                    Steps.Record(text);
                    return MARK;
                }
            }
            """;

        await Verifier.VerifyAsync(new[] { code.Replace("MARK", found ? "{|DSYN001:Ok(text)|}" : "Ok(text)") + TestSteps.Source }, OutputKind.DynamicallyLinkedLibrary,
            test =>
            {
                if (depth is { } bound)
                {
                    test.TestState.AnalyzerConfigFiles.Add(("/.globalconfig", "is_global = true\ndeepsynth.max_call_depth = " + bound + "\n"));
                }
            });
    }

    [Fact]
    public async Task Virtual_calls_join_every_override()
    {
        await Verify("""
            public abstract class Responder
            {
                public abstract Task<string> RespondAsync(string q);
            }

            public class CannedResponder : Responder
            {
                public override Task<string> RespondAsync(string q) => Task.FromResult("Hello!");
            }

            public class ModelResponder(IChatClient chat) : Responder
            {
                public override async Task<string> RespondAsync(string q) => (await chat.GetResponseAsync(q)).Text;
            }

            [RequireRealName]
            public class ChatController(Responder responder) : ControllerBase
            {
                public async Task<IActionResult> Ask(string question)
                {
                    Steps.EnsureAllowed(question);
                    var text = await responder.RespondAsync(question);
                    Steps.EnsureAllowed(text);
                    Steps.Record(text);
                    return {|DSYN001:Ok(text)|};
                }
            }
            """);
    }

    [Fact]
    public async Task Local_functions_and_lambdas_run_with_the_caller_state()
    {
        await Verify("""
            [RequireRealName]
            public class ChatController(IChatClient chat) : ControllerBase
            {
                public async Task<IActionResult> Ask(string question)
                {
                    Steps.EnsureAllowed(question);
                    var text = await Generate();
                    Steps.EnsureAllowed(text);
                    Steps.Record(text);
                    Func<string, string> decorate = t => "> " + t;
                    return {|DSYN001:Ok(decorate(text))|};

                    async Task<string> Generate() => (await chat.GetResponseAsync(question)).Text;
                }
            }
            """);
    }
}

public class SharedStateFlowTests
{
    [Fact]
    public async Task Property_of_a_shared_service_written_by_one_endpoint_and_read_by_another()
    {
        await Verifier.VerifyAsync("""
            public class AnswerCache
            {
                public string LastAnswer { get; set; } = "";
                public void Clear() => LastAnswer = "";
            }

            [RequireRealName]
            public class ChatController(IChatClient chat, AnswerCache cache) : ControllerBase
            {
                public async Task<IActionResult> Ask(string question)
                {
                    Steps.EnsureAllowed(question);
                    var response = await chat.GetResponseAsync(question);
                    Steps.EnsureAllowed(response.Text);
                    Steps.Record(response.Text);
                    cache.LastAnswer = response.Text;
                    return Ok(Steps.Label(response.Text));
                }

                public IActionResult Last() => {|DSYN001:Ok(cache.LastAnswer)|};
            }

            public record Answer(string Text);

            [RequireRealName]
            public class EchoController : ControllerBase
            {
                // A record is a value, not shared state: another instance's Text is not this one's.
                public IActionResult Echo(string text) => Ok(new Answer(text).Text);
            }
            """ + TestSteps.Source);
    }
}
