using DeepSynth.TestSupport;

namespace DeepSynth.Analyzers.Tests.Flow;

/// <summary>
/// A session store behind an interface whose own method hands out a conversation's history
/// (<c>GetOrStart(id, f) =&gt; _sessions.GetOrAdd(id, ...)</c>): the chat service adds the model's answer through the
/// local it got from the wrapper, and the endpoint that reads a session back publishes it. A wrapper over a dictionary
/// that only ever gets the user's own notes publishes nothing generated, and a method that returns a new list (no
/// element of the store) is no wrapper.
/// </summary>
public class StoreWrapperTests
{
    private const string Usings = """
        using System.Collections.Concurrent;
        using Microsoft.AspNetCore.Builder;
        using Microsoft.AspNetCore.Http;
        using Microsoft.Extensions.AI;

        """;

    private const string App = """
        public interface ISessions
        {
            List<ChatMessage> GetOrStart(string id, Func<List<ChatMessage>> start);
            List<ChatMessage>? Find(string id);
            List<string> NotesOf(string user);
            List<string> Copy(string user);
        }
        public sealed class Sessions : ISessions
        {
            private readonly ConcurrentDictionary<string, List<ChatMessage>> _sessions = new();
            private readonly ConcurrentDictionary<string, List<string>> _notes = new();
            public List<ChatMessage> GetOrStart(string id, Func<List<ChatMessage>> start) WRAPPER
            public List<ChatMessage>? Find(string id) => _sessions.TryGetValue(id, out var history) ? history : null;
            public List<string> NotesOf(string user) => _notes.GetOrAdd(user, _ => new List<string>());
            public List<string> Copy(string user) => new List<string>(NotesOf(user));
        }
        public sealed class Chat(IChatClient chat, ISessions sessions)
        {
            public async Task<int> AskAsync(string id, string question)
            {
                var history = sessions.GetOrStart(id, () => new List<ChatMessage>());
                history.Add(new ChatMessage(ChatRole.User, question));
                var response = await chat.GetResponseAsync(history);
                history.Add(new ChatMessage(ChatRole.Assistant, response.Text));
                var copy = sessions.Copy(id);
                copy.Add(response.Text);
                return history.Count;
            }

            public void Note(string user, string note)
            {
                var notes = sessions.NotesOf(user);
                notes.Add(note);
            }
        }
        public static class Routes
        {
            public static void Map(WebApplication app)
            {
                app.MapPost("/ask", (string id, string q, Chat c) => c.AskAsync(id, q));
                app.MapGet("/sessions/{id}", (string id, ISessions s) => Results.Ok(s.Find(id)));
                app.MapPost("/notes", (string user, string note, Chat c) => c.Note(user, note));
                app.MapGet("/notes/{user}", (string user, ISessions s) => Results.Ok(s.NotesOf(user)));
                app.MapGet("/copies/{user}", (string user, ISessions s) => Results.Ok(s.Copy(user)));
            }
        }
        """;

    private const int SessionLine = 41;
    private const int NotesLine = 43;
    private const int CopiesLine = 44;

    [Theory]
    [InlineData("=> _sessions.GetOrAdd(id, _ => start());")]
    [InlineData("{ if (!_sessions.TryGetValue(id, out var h)) { h = start(); _sessions[id] = h; } return h; }")]
    [InlineData("{ var h = _sessions.GetOrAdd(id, _ => start()); return h; }")]
    public async Task The_session_endpoint_publishes_answers_added_through_the_local_the_store_wrapper_returned(string wrapper)
    {
        var findings = await FlowFindings.OfAsync(Usings, App.Replace("WRAPPER", wrapper));

        Assert.Equal(new[] { "DSYN001", "DSYN002", "DSYN003", "DSYN005" }.Select(id => $"{id}@{SessionLine}"),
            findings.Where(f => f.EndsWith($"@{SessionLine}", StringComparison.Ordinal)));
        Assert.DoesNotContain(findings, f => f.EndsWith($"@{NotesLine}", StringComparison.Ordinal));
        Assert.DoesNotContain(findings, f => f.EndsWith($"@{CopiesLine}", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_method_that_returns_a_new_list_is_no_wrapper_so_what_is_added_to_it_is_not_stored()
    {
        var findings = await FlowFindings.OfAsync(Usings, App.Replace("WRAPPER", "=> new List<ChatMessage>(start());"));

        Assert.DoesNotContain(findings, f => f.EndsWith($"@{SessionLine}", StringComparison.Ordinal));
    }
}
