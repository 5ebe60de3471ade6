namespace DeepSynth.Analyzers.Tests.Flow;

/// <summary>
/// A value written into an entity's member through a selector lambda (the real MongoDB driver's
/// <c>Builders&lt;T&gt;.Update.Set(d =&gt; d.Polished, text)</c>, EF Core's <c>ExecuteUpdateAsync(s =&gt; s.SetProperty(...))</c>) is
/// stored in that member: an endpoint that reads the entity back and publishes the member publishes what was written,
/// and another member of the same entity stays clean.
/// </summary>
public class SelectorWriteTests
{
    private const string Usings = """
        using Microsoft.AspNetCore.Mvc;
        using Microsoft.EntityFrameworkCore;
        using Microsoft.Extensions.AI;
        using MongoDB.Driver;

        """;

    private const string App = """
        public sealed class Script { public string Id { get; set; } = ""; public string Topic { get; set; } = ""; public string? Polished { get; set; } }
        public sealed class Letter { public int Id { get; set; } public string Recipient { get; set; } = ""; public string? Body { get; set; } }
        public sealed class LetterDb(DbContextOptions<LetterDb> options) : DbContext(options) { public DbSet<Letter> Letters => Set<Letter>(); }

        public sealed class ScriptStore(IMongoCollection<Script> scripts)
        {
            public Task SavePolishedAsync(string id, string polished) =>
                scripts.UpdateOneAsync(s => s.Id == id, Builders<Script>.Update.Set(s => s.Polished, polished));

            public Task<Script> FindAsync(string id) => scripts.Find(s => s.Id == id).FirstAsync();
        }

        [ApiController, Route("scripts")]
        public class ScriptsController(IChatClient chat, ScriptStore store, LetterDb db) : ControllerBase
        {
            [HttpPost("{id}/polish")]
            public async Task<IActionResult> Polish(string id)
            {
                var response = await chat.GetResponseAsync("Polish the script.");
                await store.SavePolishedAsync(id, response.Text);
                return Accepted();
            }

            [HttpGet("{id}")]
            public async Task<string?> Get(string id) => (await store.FindAsync(id)).Polished;

            [HttpGet("{id}/topic")]
            public async Task<string> Topic(string id) => (await store.FindAsync(id)).Topic;

            [HttpPost("letters/{id}")]
            public async Task<IActionResult> Draft(int id)
            {
                var response = await chat.GetResponseAsync("Draft the letter.");
                await db.Letters.Where(l => l.Id == id).ExecuteUpdateAsync(s => s.SetProperty(l => l.Body, response.Text));
                return Accepted();
            }

            [HttpGet("letters/{id}")]
            public async Task<string?> Letter(int id) => (await db.Letters.SingleAsync(l => l.Id == id)).Body;

            [HttpGet("letters/{id}/to")]
            public async Task<string> Recipient(int id) => (await db.Letters.SingleAsync(l => l.Id == id)).Recipient;
        }
        """;

    [Fact]
    public async Task A_member_set_through_a_selector_is_read_back_where_the_entity_is()
    {
        // The polished script (line 25) and the drafted letter body (line 39) are published; the topic (line 28) and the
        // recipient (line 42) are not.
        var findings = await FlowFindings.OfAsync(Usings, App);
        Assert.Equal(
            new[] { "DSYN001@25", "DSYN001@39", "DSYN002@25", "DSYN002@39", "DSYN003@25", "DSYN003@39", "DSYN005@25", "DSYN005@39" },
            findings);
    }
}
