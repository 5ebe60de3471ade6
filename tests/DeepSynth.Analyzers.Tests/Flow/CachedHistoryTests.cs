using DeepSynth.TestSupport;

namespace DeepSynth.Analyzers.Tests.Flow;

/// <summary>
/// A chat history kept in <c>IMemoryCache</c>: taken out with <c>GetOrCreate</c>, the answer added through the local,
/// and read back by another endpoint. The history object is the cache's element, so what is added to it is in the cache
/// whether or not the service puts it back with <c>Set</c>.
/// </summary>
public class CachedHistoryTests
{
    private const string Usings = """
        using Microsoft.AspNetCore.Builder;
        using Microsoft.AspNetCore.Http;
        using Microsoft.Extensions.AI;
        using Microsoft.Extensions.Caching.Memory;

        """;

    private const string App = """
        public sealed class Tutor(IChatClient chat, IMemoryCache cache)
        {
            public async Task<string> AskAsync(string id, string question)
            {
                TAKE
                history.Add(new ChatMessage(ChatRole.User, question));
                var response = await chat.GetResponseAsync(history);
                history.Add(new ChatMessage(ChatRole.Assistant, response.Text));
                PUTBACK
                return "ok";
            }
        }
        public static class Routes
        {
            public static void Map(WebApplication app)
            {
                app.MapPost("/ask", (string id, string q, Tutor t) => t.AskAsync(id, q));
                app.MapGet("/history/{id}", (string id, IMemoryCache cache) => Results.Ok(cache.Get<List<ChatMessage>>("chat:" + id)));
            }
        }
        """;

    private const int HistoryLine = 18;

    [Theory]
    [InlineData("var history = cache.GetOrCreate(\"chat:\" + id, _ => new List<ChatMessage>())!;", "")]
    [InlineData("var history = cache.GetOrCreate(\"chat:\" + id, _ => new List<ChatMessage>()) ?? new List<ChatMessage>();", "")]
    [InlineData("var history = cache.GetOrCreate(\"chat:\" + id, _ => new List<ChatMessage>())!;", "cache.Set(\"chat:\" + id, history);")]
    [InlineData("if (!cache.TryGetValue(\"chat:\" + id, out List<ChatMessage>? history) || history is null) { history = new List<ChatMessage>(); cache.Set(\"chat:\" + id, history); }", "")]
    public async Task The_history_endpoint_publishes_the_answers_added_to_the_cached_history(string take, string putBack)
    {
        var findings = await FlowFindings.OfAsync(Usings, App.Replace("TAKE", take).Replace("PUTBACK", putBack));

        Assert.Equal(new[] { "DSYN001", "DSYN002", "DSYN003", "DSYN005" }.Select(id => $"{id}@{HistoryLine}"),
            findings.Where(f => f.EndsWith($"@{HistoryLine}", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task A_cached_list_that_only_gets_the_users_own_notes_publishes_nothing_generated()
    {
        var app = App.Replace("TAKE", "var history = cache.GetOrCreate(\"chat:\" + id, _ => new List<ChatMessage>())!;")
            .Replace("history.Add(new ChatMessage(ChatRole.Assistant, response.Text));", "_ = response;").Replace("PUTBACK", "");
        var findings = await FlowFindings.OfAsync(Usings, app);

        Assert.DoesNotContain(findings, f => f.EndsWith($"@{HistoryLine}", StringComparison.Ordinal));
    }
}
