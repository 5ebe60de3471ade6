using DeepSynth.TestSupport;
using Microsoft.CodeAnalysis;

namespace DeepSynth.Analyzers.Tests.Flow;

/// <summary>
/// Mediators (MediatR 5.1 and Mediator 3.0, the real packages): a controller hands its request to
/// <c>mediator.Send(request)</c>, and the handler registered for the request's type generates the answer. The shape of
/// semantic-kernel-demo's chat endpoint (eval/real batch 4), which the engine did not follow.
/// </summary>
public class MediatorFlowTests
{
    private const string MediatRService = """
        using MediatR;
        using Microsoft.AspNetCore.Mvc;
        using Microsoft.Extensions.AI;

        public record AskQuery(string Question) : IRequest<string>;
        public record LookupQuery(string Key) : IRequest<string>;

        public class AskHandler : IRequestHandler<AskQuery, string>
        {
            private readonly IChatClient _chat;
            public AskHandler(IChatClient chat) { _chat = chat; }

            public async Task<string> Handle(AskQuery request, CancellationToken cancellationToken)
            {
                var response = await _chat.GetResponseAsync(request.Question, cancellationToken: cancellationToken);
                return response.Text;
            }
        }

        public class LookupHandler : IRequestHandler<LookupQuery, string>
        {
            public Task<string> Handle(LookupQuery request, CancellationToken cancellationToken) => Task.FromResult("value of " + request.Key);
        }

        [ApiController]
        [Route("chat")]
        public class ChatController : ControllerBase
        {
            private readonly IMediator _mediator;
            public ChatController(IMediator mediator) { _mediator = mediator; }

            [HttpPost("ask")]
            public async Task<IActionResult> Ask([FromBody] string question)
            {
                var answer = await _mediator.Send(new AskQuery(question));
                return Ok(answer);
            }

            [HttpGet("lookup")]
            public async Task<IActionResult> Lookup(string key)
            {
                var value = await _mediator.Send(new LookupQuery(key));
                return Ok(value);
            }
        }
        """;

    private static async Task<List<string>> FindingsAsync(params string[] sources)
    {
        var run = await AnalyzerRunner.RunAsync(AnalyzerRunner.Compile(sources), [new ContentFlowAnalyzer()]);
        Assert.Empty(run.Exceptions);
        return run.Diagnostics.Where(d => d.Id.StartsWith("DSYN00", StringComparison.Ordinal))
            .Select(d => d.Id + "@" + (d.Location.GetLineSpan().StartLinePosition.Line + 1)).OrderBy(s => s, StringComparer.Ordinal).ToList();
    }

    [Fact]
    public async Task A_request_sent_through_MediatR_is_answered_by_its_handler_and_what_it_generates_is_published()
    {
        var found = await FindingsAsync(MediatRService);

        // The Ask action publishes the handler's generation (Ok, line 36); the input reaches the model through the request (Send, line 35).
        Assert.Equal(new[] { "DSYN001@36", "DSYN002@36", "DSYN003@36", "DSYN004@35", "DSYN005@36" }, found);
    }

    [Fact]
    public async Task The_handler_is_chosen_by_the_request_type_so_a_lookup_publishes_nothing_generated()
    {
        var found = await FindingsAsync(MediatRService.Replace("var answer = await _mediator.Send(new AskQuery(question));", "var answer = await _mediator.Send(new LookupQuery(question));"));

        Assert.Empty(found);
    }

    [Fact]
    public async Task A_handler_that_labels_reviews_and_audits_leaves_only_the_path_duty()
    {
        var compliant = MediatRService
            .Replace("using Microsoft.Extensions.AI;", "using Microsoft.Extensions.AI;\nusing DeepSynth.Compliance.Audit;\nusing DeepSynth.Compliance.Labeling;\nusing DeepSynth.Compliance.Review;")
            .Replace("""
                public AskHandler(IChatClient chat) { _chat = chat; }
            """, """
                private readonly IAigcTextLabeler _labeler; private readonly IContentReviewer _reviewer; private readonly ISynthesisAuditLog _audit;
                public AskHandler(IChatClient chat, IAigcTextLabeler labeler, IContentReviewer reviewer, ISynthesisAuditLog audit) { _chat = chat; _labeler = labeler; _reviewer = reviewer; _audit = audit; }
            """)
            .Replace("""
                    var response = await _chat.GetResponseAsync(request.Question, cancellationToken: cancellationToken);
                    return response.Text;
            """, """
                    var question = await _reviewer.EnsureAllowedAsync(request.Question, ReviewStage.Input, cancellationToken);
                    var response = await _chat.GetResponseAsync(question, cancellationToken: cancellationToken);
                    var text = await _reviewer.EnsureAllowedAsync(response.Text, ReviewStage.Output, cancellationToken);
                    await _audit.RecordAsync(text, new GenerationRecord(), cancellationToken);
                    return _labeler.Label(text);
            """);
        Assert.Contains("_labeler.Label(text)", compliant);
        Assert.Contains("IAigcTextLabeler labeler", compliant);

        var found = await FindingsAsync(compliant);

        // Ok(answer), seven lines lower than in MediatRService (three usings, a constructor line, three step lines).
        Assert.Equal(new[] { "DSYN002@43" }, found);
    }

    [Fact]
    public async Task A_notification_published_through_MediatR_reaches_the_handler_that_sends_it_to_a_hub()
    {
        var source = """
            using MediatR;
            using Microsoft.AspNetCore.Mvc;
            using Microsoft.AspNetCore.SignalR;
            using Microsoft.Extensions.AI;

            public class ChatHub : Hub { }
            public record AnswerReady(string Text) : INotification;

            public class PushAnswer : INotificationHandler<AnswerReady>
            {
                private readonly IHubContext<ChatHub> _hub;
                public PushAnswer(IHubContext<ChatHub> hub) { _hub = hub; }
                public Task Handle(AnswerReady notification, CancellationToken cancellationToken) =>
                    _hub.Clients.All.SendAsync("answer", notification.Text, cancellationToken);
            }

            [ApiController]
            public class AskController : ControllerBase
            {
                private readonly IChatClient _chat; private readonly IMediator _mediator;
                public AskController(IChatClient chat, IMediator mediator) { _chat = chat; _mediator = mediator; }

                [HttpPost("ask")]
                public async Task<IActionResult> Ask()
                {
                    var response = await _chat.GetResponseAsync("Write today's greeting");
                    await _mediator.Publish(new AnswerReady(response.Text));
                    return Accepted();
                }
            }
            """;

        var found = await FindingsAsync(source);

        Assert.Contains(found, f => f.StartsWith("DSYN001@", StringComparison.Ordinal));
        Assert.Contains("DSYN001@27", found);
    }

    [Fact]
    public async Task A_request_sent_through_Mediator_source_generated_reaches_its_value_task_handler()
    {
        var source = """
            using Mediator;
            using Microsoft.AspNetCore.Builder;
            using Microsoft.AspNetCore.Http;
            using Microsoft.Extensions.AI;

            public sealed record Ask(string Question) : IRequest<string>;

            public sealed class AskHandler : IRequestHandler<Ask, string>
            {
                private readonly IChatClient _chat;
                public AskHandler(IChatClient chat) { _chat = chat; }

                public async ValueTask<string> Handle(Ask request, CancellationToken cancellationToken) =>
                    (await _chat.GetResponseAsync(request.Question, cancellationToken: cancellationToken)).Text;
            }

            public static class Endpoints
            {
                public static void Map(WebApplication app) =>
                    app.MapPost("/ask", async (string question, ISender sender) => Results.Ok(await sender.Send(new Ask(question))));
            }
            """;

        var found = await FindingsAsync(source);

        Assert.Equal(new[] { "DSYN001@20", "DSYN002@20", "DSYN003@20", "DSYN004@20", "DSYN005@20" }, found);
    }
}
