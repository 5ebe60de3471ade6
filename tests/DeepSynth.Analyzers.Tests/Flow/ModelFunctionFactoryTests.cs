using DeepSynth.TestSupport;

namespace DeepSynth.Analyzers.Tests.Flow;

/// <summary>
/// Tools made from delegates (the real Microsoft.Extensions.AI and Semantic Kernel packages): <c>AIFunctionFactory.Create</c>,
/// <c>KernelFunctionFactory.CreateFromMethod</c> and <c>kernel.CreateFunctionFromMethod</c> hand the model a function whose
/// data arguments it writes, with no attribute to mark it. What the function publishes from them is generated content,
/// whether it is a lambda, a local function or a method group. The same delegate handed to any other call is not.
/// </summary>
public class ModelFunctionFactoryTests
{
    private const string Assistant = """
        using Microsoft.AspNetCore.SignalR;
        using Microsoft.Extensions.AI;

        public class ChatHub : Hub { }

        public class Assistant
        {
            private readonly IChatClient _chat;
            private readonly IHubContext<ChatHub> _hub;
            public Assistant(IChatClient chat, IHubContext<ChatHub> hub) { _chat = chat; _hub = hub; }

            public async Task<string> RunAsync(string task, CancellationToken cancellationToken)
            {
                var options = new ChatOptions { Tools = [TOOL] };
                var response = await _chat.GetResponseAsync(task, options, cancellationToken);
                return response.Text;
            }

            public async Task PostAsync(string message, CancellationToken cancellationToken) =>
                await _hub.Clients.All.SendAsync("post", message, cancellationToken);
        }
        """;

    private static async Task<List<string>> FindingsAsync(string source)
    {
        var run = await AnalyzerRunner.RunAsync(AnalyzerRunner.Compile([source]), [new ContentFlowAnalyzer()]);
        Assert.Empty(run.Exceptions);
        Assert.DoesNotContain(run.Diagnostics, d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error);
        return run.Diagnostics.Where(d => d.Id.StartsWith("DSYN00", StringComparison.Ordinal))
            .Select(d => d.Id + "@" + (d.Location.GetLineSpan().StartLinePosition.Line + 1)).OrderBy(s => s, StringComparer.Ordinal).ToList();
    }

    private static Task<List<string>> ToolAsync(string tool) => FindingsAsync(Assistant.Replace("TOOL", tool));

    [Fact]
    public async Task A_lambda_tool_that_posts_the_model_s_argument_to_a_hub_publishes_generated_content()
    {
        var found = await ToolAsync("""AIFunctionFactory.Create(async (string message) => await _hub.Clients.All.SendAsync("post", message), "post_message")""");

        // The hub send inside the lambda (line 14): label, review and audit; identity belongs to whoever runs the assistant.
        Assert.Equal(new[] { "DSYN001@14", "DSYN003@14", "DSYN005@14" }, found);
    }

    [Fact]
    public async Task A_method_group_tool_makes_its_declaration_a_function_the_model_calls()
    {
        Assert.Equal(new[] { "DSYN001@20", "DSYN003@20", "DSYN005@20" }, await ToolAsync("AIFunctionFactory.Create(PostAsync)"));
    }

    [Fact]
    public async Task The_method_is_a_helper_when_no_factory_makes_it_a_tool()
    {
        // PostAsync is public and unused: its callers answer for what they pass.
        Assert.Empty(await ToolAsync("""AIFunctionFactory.Create((string city) => "sunny in " + city, "weather")"""));
    }

    [Fact]
    public async Task A_tool_that_publishes_only_its_own_text_reports_nothing()
    {
        Assert.Empty(await ToolAsync("""AIFunctionFactory.Create(async (string message) => await _hub.Clients.All.SendAsync("post", "a fixed notice"), "notify")"""));
    }

    [Fact]
    public async Task A_lambda_handed_to_an_ordinary_call_does_not_receive_model_arguments()
    {
        var source = Assistant.Replace("TOOL", string.Empty).Replace(
            "var options = new ChatOptions { Tools = [] };",
            """var options = new ChatOptions(); Func<string, Task> post = async (string message) => await _hub.Clients.All.SendAsync("post", message); await Task.Run(() => post("started"));""");
        Assert.Contains("Task.Run", source);

        Assert.Empty(await FindingsAsync(source));
    }

    [Fact]
    public async Task A_local_function_tool_is_run_with_the_model_s_arguments()
    {
        var source = Assistant.Replace("TOOL", "AIFunctionFactory.Create(Shout)").Replace(
            "var response =",
            """async Task Shout(string message) => await _hub.Clients.All.SendAsync("shout", message.ToUpperInvariant());""" + "\n        var response =");
        Assert.Contains("async Task Shout", source);

        Assert.Equal(new[] { "DSYN001@15", "DSYN003@15", "DSYN005@15" }, await FindingsAsync(source));
    }

    [Fact]
    public async Task A_labelled_post_leaves_review_and_audit()
    {
        var source = Assistant
            .Replace("using Microsoft.Extensions.AI;", "using Microsoft.Extensions.AI;\nusing DeepSynth.Compliance.Labeling;")
            .Replace("public Assistant(IChatClient chat, IHubContext<ChatHub> hub) { _chat = chat; _hub = hub; }",
                "private readonly IAigcTextLabeler _labeler;\n    public Assistant(IChatClient chat, IHubContext<ChatHub> hub, IAigcTextLabeler labeler) { _chat = chat; _hub = hub; _labeler = labeler; }")
            .Replace("TOOL", """AIFunctionFactory.Create(async (string message) => await _hub.Clients.All.SendAsync("post", _labeler.Label(message)), "post_message")""");
        Assert.Contains("_labeler.Label(message)", source);

        Assert.Equal(new[] { "DSYN003@16", "DSYN005@16" }, await FindingsAsync(source));
    }

    [Theory]
    [InlineData("KernelFunctionFactory.CreateFromMethod(PostAsync)")]
    [InlineData("kernel.CreateFunctionFromMethod(PostAsync)")]
    public async Task Semantic_Kernel_functions_made_from_delegates_are_called_by_the_model(string create)
    {
        var source = """
            using Microsoft.AspNetCore.SignalR;
            using Microsoft.SemanticKernel;

            public class ChatHub : Hub { }

            public class Plugins
            {
                private readonly IHubContext<ChatHub> _hub;
                public Plugins(IHubContext<ChatHub> hub) { _hub = hub; }

                public KernelFunction Build(Kernel kernel) => CREATE;

                public async Task PostAsync(string message) => await _hub.Clients.All.SendAsync("post", message);
            }
            """.Replace("CREATE", create);

        Assert.Equal(new[] { "DSYN001@13", "DSYN003@13", "DSYN005@13" }, await FindingsAsync(source));
    }
}
