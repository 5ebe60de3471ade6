using Microsoft.CodeAnalysis.Testing;
using Verifier = DeepSynth.TestSupport.AnalyzerVerifier<DeepSynth.Analyzers.ContentFlowAnalyzer>;

namespace DeepSynth.Analyzers.Tests.Flow;

/// <summary>DSYN004: user input must be reviewed before it reaches a generation call.</summary>
public class InputReviewTests
{
    private static Task Verify(string code, params DiagnosticResult[] expected) => Verifier.VerifyAsync(code + TestSteps.Source, expected);

    [Fact]
    public async Task Input_inside_messages_and_kernel_arguments_is_followed()
    {
        await Verify("""
            using Microsoft.SemanticKernel;

            [RequireRealName]
            public class ChatController(IChatClient chat, Kernel kernel) : ControllerBase
            {
                public async Task<IActionResult> Messages(ChatRequest request)
                {
                    var messages = new List<ChatMessage> { new(ChatRole.System, "You are helpful.") };
                    messages.Add(new ChatMessage(ChatRole.User, request.Message));
                    var response = await {|DSYN004:chat.GetResponseAsync(messages)|};
                    Steps.EnsureAllowed(response.Text);
                    Steps.Record(response.Text);
                    return Ok(Steps.Label(response.Text));
                }

                public async Task<IActionResult> Kernel(ChatRequest request)
                {
                    var arguments = new KernelArguments { ["input"] = request.Message };
                    var result = await {|DSYN004:kernel.InvokePromptAsync("Answer: {{$input}}", arguments)|};
                    Steps.EnsureAllowed(result.ToString());
                    Steps.Record(result.ToString());
                    return Ok(Steps.Label(result.ToString()));
                }
            }
            """);
    }

    [Fact]
    public async Task Reviewing_one_field_of_the_input_does_not_review_another()
    {
        await Verify("""
            public record Prompt(string Question, string Context);

            [RequireRealName]
            public class ChatController(IChatClient chat) : ControllerBase
            {
                public async Task<IActionResult> Ask(Prompt prompt)
                {
                    Steps.EnsureAllowed(prompt.Question);
                    var first = await chat.GetResponseAsync(prompt.Question);
                    var second = await {|DSYN004:chat.GetResponseAsync(prompt.Context)|};
                    var text = first.Text + second.Text;
                    Steps.EnsureAllowed(text);
                    Steps.Record(text);
                    return Ok(Steps.Label(text));
                }
            }
            """);
    }

    [Fact]
    public async Task Request_reads_are_user_input()
    {
        await Verify("""
            [RequireRealName]
            public class ChatController(IChatClient chat) : ControllerBase
            {
                public async Task<IActionResult> Ask()
                {
                    var question = Request.Query["q"].ToString();
                    var body = await new StreamReader(Request.Body).ReadToEndAsync();
                    var response = await {|DSYN004:chat.GetResponseAsync(question + body)|};
                    Steps.EnsureAllowed(response.Text);
                    Steps.Record(response.Text);
                    return Ok(Steps.Label(response.Text));
                }
            }
            """);
    }

    [Fact]
    public async Task Services_and_tokens_are_not_user_input()
    {
        await Verify("""
            public class PromptLibrary { public string SystemPrompt() => "You are helpful."; }

            [RequireRealName]
            public class ChatController(IChatClient chat) : ControllerBase
            {
                public async Task<IActionResult> Ask([FromServices] PromptLibrary prompts, CancellationToken cancellationToken)
                {
                    var response = await chat.GetResponseAsync(prompts.SystemPrompt(), cancellationToken: cancellationToken);
                    Steps.EnsureAllowed(response.Text);
                    Steps.Record(response.Text);
                    return Ok(Steps.Label(response.Text));
                }
            }
            """);
    }

    [Fact]
    public async Task A_conversation_posted_as_chat_messages_is_user_input()
    {
        await Verify("""
            using Microsoft.SemanticKernel.ChatCompletion;

            [RequireRealName]
            public class ChatController(IChatClient chat, IChatCompletionService completions) : ControllerBase
            {
                [HttpPost("chat")]
                public async Task<IActionResult> Chat(List<ChatMessage> messages)
                {
                    var response = await {|DSYN004:chat.GetResponseAsync(messages)|};
                    Steps.EnsureAllowed(response.Text);
                    Steps.Record(response.Text);
                    return Ok(Steps.Label(response.Text));
                }

                [HttpPost("history")]
                public async Task<IActionResult> History([FromBody] ChatHistory history)
                {
                    var reply = await {|DSYN004:completions.GetChatMessageContentAsync(history)|};
                    var text = reply.Content ?? "";
                    Steps.EnsureAllowed(text);
                    Steps.Record(text);
                    return Ok(Steps.Label(text));
                }

                [HttpPost("reviewed")]
                public async Task<IActionResult> Reviewed(ChatMessage message)
                {
                    Steps.EnsureAllowed(message.Text);
                    var response = await chat.GetResponseAsync(message);
                    Steps.EnsureAllowed(response.Text);
                    Steps.Record(response.Text);
                    return Ok(Steps.Label(response.Text));
                }
            }
            """);
    }

    [Fact]
    public async Task Chat_messages_built_inside_a_handler_are_not_input_by_their_type()
    {
        await Verify("""
            [RequireRealName]
            public class ChatController(IChatClient chat) : ControllerBase
            {
                [HttpPost("poem")]
                public async Task<IActionResult> Poem()
                {
                    var messages = new List<ChatMessage> { new(ChatRole.User, "写一首关于春天的诗") };
                    var response = await chat.GetResponseAsync(messages);
                    Steps.EnsureAllowed(response.Text);
                    Steps.Record(response.Text);
                    return Ok(Steps.Label(response.Text));
                }
            }
            """);
    }

    [Fact]
    public async Task Reviewing_a_request_object_or_a_list_of_texts_as_a_whole_covers_what_a_service_reads_from_it()
    {
        await Verify("""
            using DeepSynth.Compliance.Review;

            public record ProductInput(string Name, string[] Features, string Audience);

            public class CopyWriter(IChatClient chat)
            {
                public async Task<string> WriteAsync(ProductInput input) =>
                    (await chat.GetResponseAsync($"{input.Name} for {input.Audience}: {string.Join(", ", input.Features)}")).Text;

                public async Task<string> SummarizeAsync(IEnumerable<string> reviews) =>
                    (await chat.GetResponseAsync(string.Join("\n", reviews))).Text;
            }

            [RequireRealName]
            public class CatalogController(CopyWriter writer, IContentReviewer review) : ControllerBase
            {
                public async Task<IActionResult> Copy(ProductInput input)
                {
                    await review.EnsureAllTextAllowedAsync(input, ReviewStage.Input);
                    return Publish(await writer.WriteAsync(input));
                }

                public async Task<IActionResult> Digest(List<string> reviews)
                {
                    await review.EnsureAllTextAllowedAsync(reviews, ReviewStage.Input);
                    return Publish(await writer.SummarizeAsync(reviews));
                }

                public async Task<IActionResult> Other(ProductInput input, List<string> reviews)
                {
                    // Reviewing one input does not review another.
                    await review.EnsureAllTextAllowedAsync(reviews, ReviewStage.Input);
                    return Publish(await {|DSYN004:writer.WriteAsync(input)|});
                }

                private IActionResult Publish(string text)
                {
                    Steps.EnsureAllowed(text);
                    Steps.Record(text);
                    return Ok(Steps.Label(text));
                }
            }
            """);
    }
}
