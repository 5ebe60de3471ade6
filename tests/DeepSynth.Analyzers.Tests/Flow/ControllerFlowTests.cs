using Verifier = DeepSynth.TestSupport.AnalyzerVerifier<DeepSynth.Analyzers.ContentFlowAnalyzer>;

namespace DeepSynth.Analyzers.Tests.Flow;

public class ControllerFlowTests
{
    private static Task Verify(string controller, params Microsoft.CodeAnalysis.Testing.DiagnosticResult[] expected) =>
        Verifier.VerifyAsync(controller + TestSteps.Source, expected);

    [Fact]
    public async Task Action_returning_generated_string_is_a_publish_point()
    {
        await Verify("""
            [ApiController]
            public class ChatController(IChatClient chat) : ControllerBase
            {
                [HttpPost]
                public async Task<string> Ask(ChatRequest request)
                {
                    Steps.EnsureAllowed(request.Message);
                    var response = await chat.GetResponseAsync(request.Message);
                    return {|DSYN001:{|DSYN002:{|DSYN003:{|DSYN005:response.Text|}|}|}|};
                }
            }
            """);
    }

    [Fact]
    public async Task Ok_call_is_the_publish_point_not_the_return()
    {
        await Verify("""
            public class ChatController(IChatClient chat) : ControllerBase
            {
                [RequireRealName]
                public async Task<IActionResult> Ask(ChatRequest request)
                {
                    Steps.EnsureAllowed(request.Message);
                    var response = await chat.GetResponseAsync(request.Message);
                    Steps.Record(response.Text);
                    return {|DSYN001:{|DSYN003:Ok(new { answer = response.Text })|}|};
                }
            }
            """);
    }

    [Fact]
    public async Task Compliant_action_with_attribute_on_controller_is_clean()
    {
        await Verify("""
            [RequireRealName]
            public class ChatController(IChatClient chat) : ControllerBase
            {
                public async Task<ActionResult<ChatReply>> Ask(ChatRequest request)
                {
                    Steps.EnsureAllowed(request.Message);
                    var response = await chat.GetResponseAsync(request.Message);
                    var text = await Steps.ReviewedAsync(response.Text);
                    Steps.Record(text);
                    return new ChatReply { Answer = Steps.Label(text), Tokens = 3 };
                }
            }
            """);
    }

    [Fact]
    public async Task Authorize_alone_is_not_real_name_verification_and_says_so()
    {
        await Verify("""
            [Authorize]
            public class ChatController(IChatClient chat) : ControllerBase
            {
                public async Task<string> Ask(ChatRequest request)
                {
                    Steps.EnsureAllowed(request.Message);
                    var response = await chat.GetResponseAsync(request.Message);
                    Steps.EnsureAllowed(response.Text);
                    Steps.Record(response.Text);
                    return {|#0:Steps.Label(response.Text)|};
                }
            }
            """,
            Verifier.Diagnostic("DSYN002").WithLocation(0).WithOptions(Microsoft.CodeAnalysis.Testing.DiagnosticOptions.IgnoreAdditionalLocations)
                .WithArguments("'IChatClient.GetResponseAsync' (Test0.cs:7)", " ([Authorize] only authenticates the user; it counts as real-name verification only when configured)"));
    }

    [Fact]
    public async Task AllowAnonymous_on_action_cancels_controller_requirement()
    {
        await Verify("""
            [RequireRealName]
            public class ChatController(IChatClient chat) : ControllerBase
            {
                [AllowAnonymous]
                public async Task<string> Ask(ChatRequest request)
                {
                    Steps.EnsureAllowed(request.Message);
                    var response = await chat.GetResponseAsync(request.Message);
                    Steps.EnsureAllowed(response.Text);
                    Steps.Record(response.Text);
                    return {|DSYN002:Steps.Label(response.Text)|};
                }
            }
            """);
    }

    [Fact]
    public async Task Verification_on_one_branch_does_not_cover_the_other()
    {
        await Verify("""
            [ApiController]
            public class ChatController(IChatClient chat) : ControllerBase
            {
                public async Task<string> Ask(ChatRequest request, bool fast)
                {
                    if (!fast)
                    {
                        await Steps.EnsureRealNameAsync(User);
                    }

                    Steps.EnsureAllowed(request.Message);
                    var response = await chat.GetResponseAsync(request.Message);
                    Steps.EnsureAllowed(response.Text);
                    Steps.Record(response.Text);
                    return {|DSYN002:Steps.Label(response.Text)|};
                }
            }
            """);
    }

    [Fact]
    public async Task Boolean_check_counts_only_where_it_was_true()
    {
        await Verify("""
            [ApiController]
            public class ChatController(IChatClient chat) : ControllerBase
            {
                public async Task<IActionResult> Ask(ChatRequest request)
                {
                    if (!await Steps.IsRealNameVerifiedAsync(User))
                    {
                        return Forbid();
                    }

                    Steps.EnsureAllowed(request.Message);
                    var response = await chat.GetResponseAsync(request.Message);
                    Steps.EnsureAllowed(response.Text);
                    Steps.Record(response.Text);
                    return Ok(Steps.Label(response.Text));
                }

                public async Task<IActionResult> Unchecked(ChatRequest request)
                {
                    // The check's result is never tested: reported once, as an ignored step, not again as DSYN002.
                    var verified = await {|DSYN008:Steps.IsRealNameVerifiedAsync(User)|};
                    Steps.EnsureAllowed(request.Message);
                    var response = await chat.GetResponseAsync(request.Message);
                    Steps.EnsureAllowed(response.Text);
                    Steps.Record(response.Text);
                    return Ok(Steps.Label(response.Text));
                }

                public async Task<IActionResult> Elsewhere(ChatRequest request)
                {
                    // Tested, but on one branch only: the other branch publishes unverified.
                    var verified = await Steps.IsRealNameVerifiedAsync(User);
                    if (verified)
                    {
                        Console.WriteLine("verified");
                    }

                    Steps.EnsureAllowed(request.Message);
                    var response = await chat.GetResponseAsync(request.Message);
                    Steps.EnsureAllowed(response.Text);
                    Steps.Record(response.Text);
                    return {|DSYN002:Ok(Steps.Label(response.Text))|};
                }
            }
            """);
    }

    [Fact]
    public async Task Publishing_generation_metadata_is_not_publishing_content()
    {
        await Verify("""
            [ApiController]
            public class ChatController(IChatClient chat) : ControllerBase
            {
                public async Task<IActionResult> Usage(ChatRequest request)
                {
                    Steps.EnsureAllowed(request.Message);
                    var response = await chat.GetResponseAsync(request.Message);
                    return Ok(new { response.ResponseId, response.ModelId, tokens = response.Usage?.TotalTokenCount, when = response.CreatedAt });
                }
            }
            """);
    }

    [Fact]
    public async Task Non_action_methods_and_non_controllers_are_not_entry_points()
    {
        await Verify("""
            public class ChatService(IChatClient chat)
            {
                public async Task<string> AskAsync(string question)
                {
                    var response = await chat.GetResponseAsync(question);
                    return response.Text;
                }
            }

            public class ChatController(IChatClient chat) : ControllerBase
            {
                [NonAction]
                public async Task<string> Helper(string question) => (await chat.GetResponseAsync(question)).Text;
            }
            """);
    }
}
