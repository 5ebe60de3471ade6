namespace DeepSynth.Analyzers.Tests.Flow;

/// <summary>
/// A method that reads a member of its parameter (a mapper <c>ToView(note)</c> reading <c>note.Title</c>) passes on that
/// member of each caller's argument, not the whole argument: the view's id or status does not carry the note's generated
/// text, and what the caller labelled in the argument stays labelled through the mapper.
/// </summary>
public class ParameterMemberReadTests
{
    private const string Usings = """
        using Microsoft.AspNetCore.Mvc;
        using Microsoft.Extensions.AI;

        """;

    private const string App = """
        public sealed class Note { public string Id { get; set; } = ""; public string Topic { get; set; } = ""; public string Body { get; set; } = ""; }
        public sealed record NoteView(string Id, string Text);

        public static class Views
        {
            public static NoteView ToView(Note note) => new(note.Id, note.Body);
            public static string Heading(Note note) => note.Topic.ToUpperInvariant();
        }

        [ApiController, Route("notes")]
        public class NotesController(IChatClient chat) : ControllerBase
        {
            [HttpPost("id")]
            public async Task<string> Id([FromBody] string topic)
            {
                var response = await chat.GetResponseAsync(topic);
                var note = new Note { Id = Guid.NewGuid().ToString("N"), Topic = topic, Body = response.Text };
                return Views.ToView(note).Id;
            }

            [HttpPost("heading")]
            public async Task<string> Heading([FromBody] string topic)
            {
                var response = await chat.GetResponseAsync(topic);
                var note = new Note { Id = "n", Topic = topic, Body = response.Text };
                return Views.Heading(note);
            }

            [HttpPost("text")]
            public async Task<string> Text([FromBody] string topic)
            {
                var response = await chat.GetResponseAsync(topic);
                var note = new Note { Id = "n", Topic = topic, Body = response.Text };
                return Views.ToView(note).Text;
            }
        }
        """;

    [Fact]
    public async Task A_mapper_passes_on_only_the_members_it_reads()
    {
        // Only "text" (line 34) publishes the generated body; the id (line 18) and the heading built from the user's
        // topic (line 26) carry none of it. DSYN004 is the topic reaching each generation unreviewed.
        var findings = await FlowFindings.OfAsync(Usings, App);
        Assert.Equal(
            new[] { "DSYN001@34", "DSYN002@34", "DSYN003@34", "DSYN004@16", "DSYN004@24", "DSYN004@32", "DSYN005@34" },
            findings);
    }
}
