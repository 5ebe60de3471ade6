using DeepSynth.TestSupport;

namespace DeepSynth.Analyzers.Tests.Flow;

/// <summary>
/// Content stored through a call and read back by another endpoint: a singleton service whose method adds what it is
/// given to a list or a channel, or assigns it to a field (<c>history.Remember(answer)</c>), and another method that
/// returns what the member holds. The callers that pass generated content are found by name and bound; what they pass
/// is what the member holds wherever it is read (one abstract container per type and member).
/// </summary>
public class StoredContainerTests
{
    private const string Usings = """
        using System.Collections.Concurrent;
        using System.Threading.Channels;
        using Microsoft.AspNetCore.Builder;
        using Microsoft.AspNetCore.Http;
        using Microsoft.Extensions.AI;
        using Microsoft.Extensions.Hosting;

        """;

    private const string ChannelInService = """
        public class AnswerFeed
        {
            private readonly Channel<string> _channel = Channel.CreateUnbounded<string>();
            public ValueTask PublishAsync(string text, CancellationToken ct) => _channel.Writer.WriteAsync(text, ct);
            public IAsyncEnumerable<string> ReadAllAsync(CancellationToken ct) => _channel.Reader.ReadAllAsync(ct);
        }
        public class Producer(IChatClient chat, AnswerFeed feed) : BackgroundService
        {
            protected override async Task ExecuteAsync(CancellationToken ct)
            {
                var response = await chat.GetResponseAsync("daily tip", cancellationToken: ct);
                await feed.PublishAsync(response.Text, ct);
            }
        }
        public static class Routes
        {
            public static void Map(WebApplication app) => app.MapGet("/feed", (AnswerFeed feed, CancellationToken ct) => feed.ReadAllAsync(ct));
        }
        """;

    private const string ChannelProperty = """
        public class AnswerFeed
        {
            public Channel<string> Channel { get; } = System.Threading.Channels.Channel.CreateUnbounded<string>();
        }
        public class Producer(IChatClient chat, AnswerFeed feed) : BackgroundService
        {
            protected override async Task ExecuteAsync(CancellationToken ct)
            {
                var response = await chat.GetResponseAsync("daily tip", cancellationToken: ct);
                await feed.Channel.Writer.WriteAsync(response.Text, ct);
            }
        }
        public static class Routes
        {
            public static void Map(WebApplication app) => app.MapGet("/feed", (AnswerFeed feed, CancellationToken ct) => feed.Channel.Reader.ReadAllAsync(ct));
        }
        """;

    private const string History = """
        public class History
        {
            private readonly List<string> _items = new();
            public void Remember(string answer) { lock (_items) _items.Add(answer); }
            public IReadOnlyList<string> All() { lock (_items) return _items.ToList(); }
        }
        public static class Routes
        {
            public static void Map(WebApplication app)
            {
                app.MapPost("/ask", async (string q, IChatClient chat, History history) =>
                {
                    var r = await chat.GetResponseAsync(q);
                    history.Remember(r.Text);
                    return "ok";
                });
                app.MapGet("/history", (History history) => history.All());
            }
        }
        """;

    private const string LastAnswer = """
        public class LastAnswer
        {
            private string _last = "";
            public void Save(string answer) => _last = answer;
            public string Get() => _last;
        }
        public static class Routes
        {
            public static void Map(WebApplication app)
            {
                app.MapPost("/ask", async (string q, IChatClient chat, LastAnswer last) =>
                {
                    var r = await chat.GetResponseAsync(q);
                    last.Save(r.Text);
                    return "ok";
                });
                app.MapGet("/last", (LastAnswer last) => last.Get());
            }
        }
        """;

    private const string JobQueue = """
        public class Jobs
        {
            private readonly ConcurrentQueue<string> _queue = new();
            public void Add(string name) => _queue.Enqueue(name);
            public string? Next() => _queue.TryDequeue(out var n) ? n : null;
        }
        public static class Routes
        {
            public static void Map(WebApplication app)
            {
                app.MapPost("/job", (string name, Jobs jobs) => { jobs.Add(name); return "ok"; });
                app.MapPost("/ask", async (string q, IChatClient chat) => { var r = await chat.GetResponseAsync(q); return "done"; });
                app.MapGet("/next", (Jobs jobs) => jobs.Next());
            }
        }
        """;

    private static async Task<List<string>> FindingsAsync(string source)
    {
        var run = await AnalyzerRunner.RunAsync(AnalyzerRunner.Compile([Usings + source]), [new ContentFlowAnalyzer()]);
        Assert.Empty(run.Exceptions);
        Assert.DoesNotContain(run.Diagnostics, d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error);
        return run.Diagnostics.Where(d => d.Id.StartsWith("DSYN00", StringComparison.Ordinal))
            .Select(d => d.Id + "@" + (d.Location.GetLineSpan().StartLinePosition.Line + 1)).OrderBy(s => s, StringComparer.Ordinal).ToList();
    }

    [Fact]
    public async Task A_background_producer_writes_a_service_s_channel_and_an_endpoint_streams_what_it_reads()
    {
        // The producer has no user and no input; the /feed endpoint (line 23) publishes what the channel holds.
        Assert.Equal(new[] { "DSYN001@23", "DSYN002@23", "DSYN003@23", "DSYN005@23" }, await FindingsAsync(ChannelInService));
    }

    [Fact]
    public async Task A_channel_held_in_a_property_is_one_container_for_every_reader()
    {
        Assert.Equal(new[] { "DSYN001@21", "DSYN002@21", "DSYN003@21", "DSYN005@21" }, await FindingsAsync(ChannelProperty));
    }

    [Fact]
    public async Task An_answer_remembered_in_a_list_is_published_by_the_endpoint_that_lists_the_history()
    {
        // DSYN004 at the generation (line 19); the four publishing duties at /history (line 23).
        Assert.Equal(new[] { "DSYN001@23", "DSYN002@23", "DSYN003@23", "DSYN004@19", "DSYN005@23" }, await FindingsAsync(History));
    }

    [Fact]
    public async Task A_setter_method_storing_its_argument_in_a_field_is_read_back_by_another_endpoint()
    {
        Assert.Equal(new[] { "DSYN001@23", "DSYN002@23", "DSYN003@23", "DSYN004@19", "DSYN005@23" }, await FindingsAsync(LastAnswer));
    }

    [Fact]
    public async Task Top_level_endpoints_that_store_and_read_back_are_followed_too()
    {
        var program = """
            var app = WebApplication.CreateBuilder(args).Build();
            app.MapPost("/ask", async (string q, IChatClient chat, History history) =>
            {
                var r = await chat.GetResponseAsync(q);
                history.Remember(r.Text);
                return "ok";
            });
            app.MapGet("/history", (History history) => history.All());
            app.Run();

            public class History
            {
                private readonly List<string> _items = new();
                public void Remember(string answer) => _items.Add(answer);
                public IReadOnlyList<string> All() => _items.ToList();
            }
            """;

        Assert.Equal(new[] { "DSYN001@14", "DSYN002@14", "DSYN003@14", "DSYN004@10", "DSYN005@14" }, await FindingsAsync(program));
    }

    [Fact]
    public async Task A_queue_that_only_ever_holds_user_input_publishes_no_generated_content()
    {
        // The /ask endpoint generates but stores nothing; /next publishes job names users sent.
        Assert.Equal(new[] { "DSYN004@18" }, await FindingsAsync(JobQueue));
    }

    [Fact]
    public async Task An_answer_labelled_before_it_is_stored_is_labelled_where_it_is_read()
    {
        var labelled = ("using DeepSynth.Compliance.Labeling;\n" + History)
            .Replace("IChatClient chat, History history) =>", "IChatClient chat, History history, IAigcTextLabeler labeler) =>")
            .Replace("history.Remember(r.Text);", "history.Remember(labeler.Label(r.Text));");
        Assert.Contains("labeler.Label(r.Text)", labelled);

        // One using line more: /history is line 24. The label travels with the content; review and audit do not happen.
        Assert.Equal(new[] { "DSYN002@24", "DSYN003@24", "DSYN004@20", "DSYN005@24" }, await FindingsAsync(labelled));
    }

    [Fact]
    public async Task A_list_of_the_service_s_own_texts_is_not_generated_content()
    {
        var own = History.Replace("history.Remember(r.Text);", "history.Remember(\"asked at \" + DateTime.UtcNow);");
        Assert.Contains("asked at", own);

        Assert.Equal(new[] { "DSYN004@19" }, await FindingsAsync(own));
    }
}
