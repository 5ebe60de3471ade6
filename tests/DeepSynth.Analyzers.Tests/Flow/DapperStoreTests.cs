namespace DeepSynth.Analyzers.Tests.Flow;

/// <summary>
/// Dapper (the real package) as a store: what a command's parameter object carries is what a query reads back, member by
/// member (a parameter's member and a row's member of the same name, without case); a member nothing generated was
/// written into, and a table only ever written with user text, read back nothing generated. One store per compilation
/// (tables told apart only by their SQL text), so these tests do not run in the concurrent copies, which would share it.
/// </summary>
public class DapperStoreTests
{
    private const string Usings = """
        using System.Data;
        using Dapper;
        using Microsoft.AspNetCore.Mvc;
        using Microsoft.Extensions.AI;

        """;

    private const string Store = """
        public sealed class Draft { public string ProductId { get; set; } = ""; public string Body { get; set; } = ""; }

        public sealed class DraftStore(IDbConnection db)
        {
            public Task SaveAsync(string productId, string body) =>
                db.ExecuteAsync("INSERT INTO drafts (product_id, body) VALUES (@productId, @body)", new { productId, body });

            public Task<Draft?> FindAsync(string id) =>
                db.QuerySingleOrDefaultAsync<Draft>("SELECT product_id AS ProductId, body AS Body FROM drafts WHERE product_id = @id", new { id });

            public Task<IEnumerable<Draft>> ListAsync() => db.QueryAsync<Draft>("SELECT product_id AS ProductId, body AS Body FROM drafts");
        }

        [RequireRealName]
        public class DraftsController(IChatClient chat, DraftStore store) : ControllerBase
        {
            [HttpPost("/drafts/{productId}")]
            public async Task<IActionResult> Create(string productId)
            {
                Steps.EnsureAllowed(productId);
                var response = await chat.GetResponseAsync("Describe product " + productId);
                Steps.EnsureAllowed(response.Text);
                Steps.Record(response.Text);
                await store.SaveAsync(productId, STORED);
                return NoContent();
            }

            [HttpGet("/drafts/{id}")]
            public async Task<IActionResult> Get(string id)
            {
                var draft = await store.FindAsync(id);
                return draft is null ? NotFound() : Ok(draft.Body);
            }

            [HttpGet("/drafts")]
            public async Task<IActionResult> List() => Ok(await store.ListAsync());

            [HttpGet("/drafts/{id}/product")]
            public async Task<IActionResult> Product(string id) => Ok((await store.FindAsync(id))?.ProductId);
        }
        """;

    private static Task<List<string>> FindingsAsync(string source) => FlowFindings.OfAsync(Usings, source);

    [Fact]
    public async Task A_generated_body_saved_with_Dapper_is_published_where_another_endpoint_reads_it_back()
    {
        // Reviewed and recorded before it was saved: only the label is missing where it is read back; the product id is not content.
        Assert.Equal(new[] { "DSYN001@32", "DSYN001@36" }, await FindingsAsync(Store.Replace("STORED", "response.Text")));
    }

    [Fact]
    public async Task A_table_written_only_with_user_text_reads_back_nothing_generated()
    {
        Assert.Empty(await FindingsAsync(Store.Replace("STORED", "productId")));
    }

    private const string ReadModel = """
        public sealed class Summary { public int Id { get; set; } public string Body { get; set; } = ""; public string Author { get; set; } = ""; }
        public sealed record SummaryRow(int Id, string Body);
        public sealed record AuthorRow(int Id, string Author);

        public sealed class Summaries(IChatClient chat, List<Summary> saved)
        {
            public async Task WriteAsync(string author)
            {
                var response = await chat.GetResponseAsync("Summarise the visit");
                Steps.EnsureAllowed(response.Text);
                Steps.Record(response.Text);
                saved.Add(new Summary { Body = response.Text, Author = author });
            }
        }

        [RequireRealName]
        public class ReadController(IDbConnection db) : ControllerBase
        {
            [HttpGet("/summaries")]
            public async Task<IActionResult> List() =>
                Ok(await db.QueryAsync<SummaryRow>(new CommandDefinition("SELECT Id, Body FROM Summaries")));

            [HttpGet("/summaries/latest")]
            public async Task<IActionResult> Latest() =>
                Ok(await db.QueryFirstOrDefaultAsync<string>("SELECT Body FROM Summaries ORDER BY Id DESC LIMIT 1"));

            [HttpGet("/summaries/authors")]
            public async Task<IActionResult> Authors() => Ok(await db.QueryAsync<AuthorRow>("SELECT Id, Author FROM Summaries"));

            [HttpGet("/summaries/author")]
            public async Task<IActionResult> Author() => Ok(await db.QueryFirstOrDefaultAsync<string>("SELECT Author FROM Summaries LIMIT 1"));
        }
        """;

    [Fact]
    public async Task Columns_an_entity_member_of_the_same_name_holds_are_read_back_by_row_types_and_scalar_queries()
    {
        // Written through another library (an entity whose Body holds the generation), read through Dapper into a read
        // model and as a single column; the Author column holds none of it.
        Assert.Equal(new[] { "DSYN001@21", "DSYN001@25" }, await FindingsAsync(ReadModel));
    }

    [Fact]
    public async Task A_column_of_another_table_with_the_same_name_is_not_read_back()
    {
        // drafts.body holds the generation; notes.body only the user's text: a read of notes sees none of it.
        Assert.Equal(new[] { "DSYN001@32", "DSYN001@36" }, await FindingsAsync(Store.Replace("STORED", "response.Text") + """

            public sealed record NoteRow(string ProductId, string Body);
            public class NotesController(IDbConnection db) : ControllerBase
            {
                [HttpPost("/notes")]
                public async Task<IActionResult> Add([FromBody] string body) { await db.ExecuteAsync("INSERT INTO notes (body) VALUES (@body)", new { body }); return NoContent(); }

                [HttpGet("/notes")]
                public async Task<IActionResult> List() => Ok(await db.QueryAsync<NoteRow>("SELECT product_id AS ProductId, body AS Body FROM notes"));
            }
            """));
    }
    [Fact]
    public async Task Commands_built_as_a_CommandDefinition_with_named_arguments_store_their_parameters()
    {
        // A named argument (cancellationToken: ct) makes the control-flow graph capture the anonymous object's members;
        // the command still stores them, and the transcript written line by line publishes the assistant's turns. The
        // roles and times alone are not content.
        var found = await FindingsAsync("""
            public sealed class ChatTurnRow { public string SessionId { get; set; } = ""; public string Role { get; set; } = ""; public string Text { get; set; } = ""; public string CreatedAt { get; set; } = ""; }
            public sealed class Db { public IDbConnection Open() => throw new NotImplementedException(); }

            public sealed class ChatStore(Db db)
            {
                public async Task AppendAsync(string sessionId, string role, string text, CancellationToken ct)
                {
                    using var connection = db.Open();
                    await connection.ExecuteAsync(new CommandDefinition(
                        "INSERT INTO chat_turns (SessionId, Role, Text) VALUES (@sessionId, @role, @text)",
                        new { sessionId, role, text }, cancellationToken: ct));
                }

                public async Task<IReadOnlyList<ChatTurnRow>> TurnsAsync(string sessionId, CancellationToken ct)
                {
                    using var connection = db.Open();
                    var rows = await connection.QueryAsync<ChatTurnRow>(new CommandDefinition(
                        "SELECT * FROM chat_turns WHERE SessionId = @sessionId ORDER BY rowid DESC", new { sessionId }, cancellationToken: ct));
                    return rows.Reverse().ToList();
                }
            }

            [RequireRealName]
            public class ChatHub(IChatClient chat, ChatStore store) : Microsoft.AspNetCore.SignalR.Hub
            {
                public async Task Ask(string sessionId, string question)
                {
                    Steps.EnsureAllowed(question);
                    var answer = (await chat.GetResponseAsync(question)).Text;
                    await store.AppendAsync(sessionId, "assistant", answer, Context.ConnectionAborted);
                }
            }

            public static class TranscriptApi
            {
                public static void Map(Microsoft.AspNetCore.Routing.IEndpointRouteBuilder app)
                {
                    app.MapGet("/sessions/{sessionId}/transcript", async (string sessionId, ChatStore store, HttpContext http, CancellationToken ct) =>
                    {
                        foreach (var turn in await store.TurnsAsync(sessionId, ct))
                        {
                            await http.Response.WriteAsync($"[{turn.CreatedAt}] {turn.Role}: {turn.Text}\n", ct);
                        }
                    });

                    app.MapGet("/sessions/{sessionId}/timeline", async (string sessionId, ChatStore store, HttpContext http, CancellationToken ct) =>
                    {
                        foreach (var turn in await store.TurnsAsync(sessionId, ct))
                        {
                            await http.Response.WriteAsync($"[{turn.CreatedAt}] {turn.Role}\n", ct);
                        }
                    });
                }
            }
            """);

        Assert.Equal(new[] { "DSYN001@42", "DSYN002@42", "DSYN003@42", "DSYN005@42" }, found);
    }
}
