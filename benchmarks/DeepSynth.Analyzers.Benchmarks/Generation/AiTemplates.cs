namespace DeepSynth.Analyzers.Benchmarks.Generation;

/// <summary>Files that use an AI SDK, in the shapes real services have.</summary>
internal static class AiTemplates_
{
    public static string ControllerWithService(int i) => $$"""
        namespace Generated;

        public interface IAdvisor{{i}} { Task<Answer> AdviseAsync(string question, CancellationToken cancellationToken); }

        public sealed class Advisor{{i}}(IChatClient chat) : IAdvisor{{i}}
        {
            public async Task<Answer> AdviseAsync(string question, CancellationToken cancellationToken)
            {
                var messages = new List<ChatMessage>
                {
                    new(ChatRole.System, "You are a careful advisor #{{i}}."),
                    new(ChatRole.User, question),
                };
                var response = await chat.GetResponseAsync(messages, cancellationToken: cancellationToken);
                var text = response.Text.Trim();
                if (text.Length > 2000)
                {
                    text = text.Substring(0, 2000);
                }

                return new Answer(text, response.Usage?.OutputTokenCount);
            }
        }

        [ApiController]
        [Route("api/advice{{i}}")]
        public sealed class AdviceController{{i}}(IAdvisor{{i}} advisor) : ControllerBase
        {
            [HttpPost]
            public async Task<IActionResult> Ask(Question question, CancellationToken cancellationToken)
            {
                Steps.EnsureAllowed(question.Text);
                var answer = await advisor.AdviseAsync(question.Text, cancellationToken);
                Steps.EnsureAllowed(answer.Text);
                Steps.Record(answer.Text);
                return Ok(new { text = Steps.Label(answer.Text), tokens = answer.Tokens });
            }

            [HttpGet("raw")]
            public async Task<string> Raw(string topic, CancellationToken cancellationToken) =>
                (await advisor.AdviseAsync(topic, cancellationToken)).Text;
        }
        """;

    public static string MinimalApiGroup(int i) => $$"""
        namespace Generated;

        public static class SummaryEndpoints{{i}}
        {
            public static RouteGroupBuilder MapSummaries{{i}}(this IEndpointRouteBuilder app)
            {
                var group = app.MapGroup("/summaries{{i}}").RequireRealName();
                group.MapPost("/", async (Question question, IChatClient chat, CancellationToken cancellationToken) =>
                {
                    Steps.EnsureAllowed(question.Text);
                    var response = await chat.GetResponseAsync("Summarize: " + question.Text, cancellationToken: cancellationToken);
                    var summary = response.Text;
                    Steps.EnsureAllowed(summary);
                    Steps.Record(summary);
                    return Results.Ok(new Answer(Steps.Label(summary), response.Usage?.TotalTokenCount));
                });
                group.MapGet("/{topic}", async (string topic, IChatClient chat) =>
                {
                    var response = await chat.GetResponseAsync($"Summarize the topic {topic}");
                    return TypedResults.Text(response.Text);
                });
                return group;
            }

            private static TBuilder RequireRealName<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder => builder;
        }
        """;

    public static string StreamingHub(int i) => $$"""
        namespace Generated;

        public sealed class ConversationHub{{i}}(IChatClient chat) : Hub
        {
            public async Task Ask(string question)
            {
                var buffer = new System.Text.StringBuilder();
                await foreach (var update in chat.GetStreamingResponseAsync(question))
                {
                    buffer.Append(update.Text);
                    await Clients.Caller.SendAsync("token", update.Text);
                }

                await Clients.Caller.SendAsync("done", buffer.Length);
            }

            public async Task<string> Title(string topic)
            {
                Steps.EnsureAllowed(topic);
                var response = await chat.GetResponseAsync("Give a title for " + topic);
                Steps.EnsureAllowed(response.Text);
                Steps.Record(response.Text);
                return Steps.Label(response.Text);
            }
        }
        """;

    public static string CompliantController(int i) => $$"""
        namespace Generated;

        [ApiController]
        [Route("api/writer{{i}}")]
        [RequireRealName]
        public sealed class WriterController{{i}}(IChatClient chat, ILogger<WriterController{{i}}> logger) : ControllerBase
        {
            private static readonly string[] Tones = { "formal", "friendly", "brief" };

            [HttpPost("{tone}")]
            public async Task<IActionResult> Write(string tone, Question question, CancellationToken cancellationToken)
            {
                if (!Tones.Contains(tone))
                {
                    return BadRequest();
                }

                Steps.EnsureAllowed(question.Text);
                logger.LogInformation("Writing in a {Tone} tone", tone);
                var prompt = $"Write in a {tone} tone about {question.Topic}: {question.Text}";
                var response = await chat.GetResponseAsync(prompt, cancellationToken: cancellationToken);
                var parts = response.Text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(p => p.Trim()).ToList();
                var body = string.Join("\n", parts);
                Steps.EnsureAllowed(body);
                Steps.Record(body);
                return Ok(new Answer(Steps.Label(body), response.Usage?.OutputTokenCount));
            }
        }
        """;

    public static string SemanticKernelWriter(int i) => $$"""
        namespace Generated;

        public sealed class NewsletterService{{i}}(Microsoft.SemanticKernel.Kernel kernel)
        {
            private string _lastIssue = "";

            public async Task<string> DraftAsync(string theme)
            {
                var result = await Microsoft.SemanticKernel.KernelExtensions.InvokePromptAsync(kernel, "Draft a newsletter about " + theme);
                _lastIssue = result.ToString();
                return _lastIssue;
            }

            public string LastIssue() => _lastIssue;
        }

        [ApiController]
        [Route("api/newsletter{{i}}")]
        public sealed class NewsletterController{{i}}(NewsletterService{{i}} newsletters) : ControllerBase
        {
            [HttpPost]
            public async Task<IActionResult> Draft(string theme)
            {
                Steps.EnsureAllowed(theme);
                var draft = await newsletters.DraftAsync(theme);
                Steps.EnsureAllowed(draft);
                Steps.Record(draft);
                return Ok(Steps.Label(draft));
            }

            [HttpGet("last")]
            public IActionResult Last() => Ok(newsletters.LastIssue());
        }
        """;
}
