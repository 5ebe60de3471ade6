using DeepSynth.TestSupport;

namespace DeepSynth.Analyzers.Tests.Flow;

/// <summary>
/// A chat service that keeps each conversation's history in a dictionary: the history is taken out of the dictionary
/// into a local (<c>GetOrAdd</c>, <c>TryGetValue</c>, or made and put in) and the model's answer is added through that
/// local. The endpoint that returns a conversation's history publishes the stored answers; a dictionary of lists that
/// only ever gets the user's own tags publishes nothing generated.
/// </summary>
public class StoredConversationTests
{
    private const string Usings = """
        using System.Collections.Concurrent;
        using Microsoft.AspNetCore.Builder;
        using Microsoft.AspNetCore.Http;
        using Microsoft.Extensions.AI;

        """;

    private const string Service = """
        public sealed record Turn(string Role, string Text);
        public sealed class Conversations(IChatClient chat)
        {
            private static readonly ConcurrentDictionary<string, List<ChatMessage>> Histories = new();
            private readonly ConcurrentDictionary<string, List<string>> _tags = new();

            public async Task<string> AskAsync(string id, string question)
            {
                TAKE
                history.Add(new ChatMessage(ChatRole.User, question));
                var response = await chat.GetResponseAsync(history);
                history.Add(new ChatMessage(ChatRole.Assistant, response.Text));
                return "ok";
            }

            public IReadOnlyList<Turn> History(string id) =>
                Histories.TryGetValue(id, out var history) ? history.Select(m => new Turn(m.Role.Value, m.Text)).ToList() : [];

            public void Tag(string user, string tag)
            {
                var tags = _tags.GetOrAdd(user, _ => new List<string>());
                tags.Add(tag);
            }

            public IReadOnlyList<string> Tags(string user) => _tags.TryGetValue(user, out var tags) ? tags : [];
        }
        public static class Routes
        {
            public static void Map(WebApplication app)
            {
                app.MapPost("/ask", (string id, string q, Conversations c) => c.AskAsync(id, q));
                app.MapGet("/history/{id}", (string id, Conversations c) => Results.Ok(c.History(id)));
                app.MapPost("/tags", (string user, string tag, Conversations c) => c.Tag(user, tag));
                app.MapGet("/tags/{user}", (string user, Conversations c) => Results.Ok(c.Tags(user)));
            }
        }
        """;

    private const int HistoryLine = 32;
    private const int TagsLine = 34;

    [Theory]
    [InlineData("var history = Histories.GetOrAdd(id, _ => new List<ChatMessage>());")]
    [InlineData("if (!Histories.TryGetValue(id, out var history)) { history = new List<ChatMessage>(); Histories[id] = history; }")]
    [InlineData("var history = new List<ChatMessage>(); Histories.TryAdd(id, history);")]
    public async Task The_history_endpoint_publishes_the_answers_added_through_a_local_taken_from_the_dictionary(string take)
    {
        var findings = await FlowFindings.OfAsync(Usings, Service.Replace("TAKE", take));

        Assert.Equal(new[] { "DSYN001", "DSYN002", "DSYN003", "DSYN005" }.Select(id => $"{id}@{HistoryLine}"), findings.Where(f => f.EndsWith($"@{HistoryLine}", StringComparison.Ordinal)));
        Assert.DoesNotContain(findings, f => f.EndsWith($"@{TagsLine}", StringComparison.Ordinal));
    }
}
