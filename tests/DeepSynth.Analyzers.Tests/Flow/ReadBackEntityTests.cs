using DeepSynth.TestSupport;

namespace DeepSynth.Analyzers.Tests.Flow;

/// <summary>
/// Entities read back from a store (the real EF Core): a repository saves the model's answer into Message.Content, and
/// another endpoint lists the messages. The objects a library query returns hold, in each member, what any method stored
/// there; a projection to other members (Id, Role) holds none of it, and a store that only ever holds user input holds
/// no generated content.
/// </summary>
public class ReadBackEntityTests
{
    private const string Common = """
        using Microsoft.AspNetCore.Builder;
        using Microsoft.AspNetCore.Http;
        using Microsoft.EntityFrameworkCore;
        using Microsoft.Extensions.AI;

        public class Message { public int Id { get; set; } public string Role { get; set; } = ""; public string Content { get; set; } = ""; public DateTime At { get; set; } }
        public class ChatDb(DbContextOptions<ChatDb> options) : DbContext(options) { public DbSet<Message> Messages => Set<Message>(); }
        public class MessageRepository(ChatDb db)
        {
            public async Task SaveAsync(string role, string content) { db.Messages.Add(new Message { Role = role, Content = content, At = DateTime.UtcNow }); await db.SaveChangesAsync(); }
            public Task<List<Message>> ListAsync() => db.Messages.OrderBy(m => m.At).ToListAsync();
        }

        """;

    private static async Task<List<string>> FindingsAsync(string source)
    {
        var run = await AnalyzerRunner.RunAsync(AnalyzerRunner.Compile([Common + source]), [new ContentFlowAnalyzer()]);
        Assert.Empty(run.Exceptions);
        Assert.DoesNotContain(run.Diagnostics, d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error);
        return run.Diagnostics.Where(d => d.Id.StartsWith("DSYN00", StringComparison.Ordinal))
            .Select(d => d.Id + "@" + (d.Location.GetLineSpan().StartLinePosition.Line + 1)).OrderBy(s => s, StringComparer.Ordinal).ToList();
    }

    [Fact]
    public async Task Stored_answers_listed_by_another_endpoint_are_published_generated_content()
    {
        var source = """
                        public static class Routes
                        {
                            public static void Map(WebApplication app)
                            {
                                app.MapPost("/ask", async (string q, IChatClient chat, MessageRepository repo) =>
                                {
                                    var r = await chat.GetResponseAsync(q);
                                    await repo.SaveAsync("assistant", r.Text);
                                    return "ok";
                                });
                                app.MapGet("/history", async (MessageRepository repo) => await repo.ListAsync());
                            }
                        }
            """;

        Assert.Equal(new[] { "DSYN001@23", "DSYN002@23", "DSYN003@23", "DSYN004@19", "DSYN005@23" }, await FindingsAsync(source));
    }

    [Fact]
    public async Task A_projection_to_other_members_holds_none_of_the_stored_answer()
    {
        var source = """
                        public static class Routes
                        {
                            public static void Map(WebApplication app)
                            {
                                app.MapPost("/ask", async (string q, IChatClient chat, MessageRepository repo) =>
                                {
                                    var r = await chat.GetResponseAsync(q);
                                    await repo.SaveAsync("assistant", r.Text);
                                    return "ok";
                                });
                                app.MapGet("/ids", async (MessageRepository repo) => (await repo.ListAsync()).Select(m => m.Id + " " + m.Role).ToList());
                                app.MapGet("/texts", async (MessageRepository repo) => (await repo.ListAsync()).Select(m => m.Content).ToList());
                            }
                        }
            """;

        // /ids (line 23) projects Id and Role: silent. /texts (line 24) projects Content: published.
        Assert.Equal(new[] { "DSYN001@24", "DSYN002@24", "DSYN003@24", "DSYN004@19", "DSYN005@24" }, await FindingsAsync(source));
    }

    [Fact]
    public async Task A_query_projection_to_ids_times_and_lengths_holds_none_of_the_stored_answer()
    {
        // IQueryable.Select takes an expression tree, not a delegate: its selector still decides what the query returns.
        var source = """
                        public static class Routes
                        {
                            public static void Map(WebApplication app)
                            {
                                app.MapPost("/ask", async (string q, IChatClient chat, MessageRepository repo) =>
                                {
                                    var r = await chat.GetResponseAsync(q);
                                    await repo.SaveAsync("assistant", r.Text);
                                    return "ok";
                                });
                                app.MapGet("/meta", async (ChatDb db) => await db.Messages.Where(m => m.Role == "assistant").Select(m => new { m.Id, m.At, Length = m.Content.Length }).FirstOrDefaultAsync());
                                app.MapGet("/texts", async (ChatDb db) => await db.Messages.Select(m => new { m.Id, m.Content }).ToListAsync());
                            }
                        }
            """;

        Assert.Equal(new[] { "DSYN001@24", "DSYN002@24", "DSYN003@24", "DSYN004@19", "DSYN005@24" }, await FindingsAsync(source));
    }

    [Fact]
    public async Task A_store_that_only_holds_user_input_publishes_no_generated_content()
    {
        var source = """
                        public static class Routes
                        {
                            public static void Map(WebApplication app)
                            {
                                app.MapPost("/note", async (string q, MessageRepository repo) => { await repo.SaveAsync("user", q); return "ok"; });
                                app.MapPost("/ask", async (string q, IChatClient chat) => (await chat.GetResponseAsync(q)).Text.Length);
                                app.MapGet("/history", async (MessageRepository repo) => await repo.ListAsync());
                            }
                        }
            """;

        Assert.Equal(new[] { "DSYN004@18" }, await FindingsAsync(source));
    }
}
