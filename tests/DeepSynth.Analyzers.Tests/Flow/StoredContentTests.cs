using Microsoft.CodeAnalysis.Testing;
using Verifier = DeepSynth.TestSupport.AnalyzerVerifier<DeepSynth.Analyzers.ContentFlowAnalyzer>;

namespace DeepSynth.Analyzers.Tests.Flow;

/// <summary>
/// Second-order flows: generated content written into a member of an entity or DTO, stored (EF Core, a cache, a
/// repository) and read back by another endpoint is generated where it is published (the real EF Core package).
/// </summary>
public class StoredContentTests
{
    private const string Model = """
        public sealed class Conversation
        {
            public int Id { get; set; }
            public string Question { get; set; } = "";
            public string Answer { get; set; } = "";
            public string Title { get; set; } = "";
            public DateTime CreatedAt { get; set; }
        }

        public sealed class ChatDb(Microsoft.EntityFrameworkCore.DbContextOptions<ChatDb> options) : Microsoft.EntityFrameworkCore.DbContext(options)
        {
            public Microsoft.EntityFrameworkCore.DbSet<Conversation> Conversations => Set<Conversation>();
        }
        """;

    private static Task Verify(string program, params DiagnosticResult[] expected) =>
        Verifier.VerifyAsync("using Microsoft.EntityFrameworkCore;\n" + program + Model + TestSteps.Source, expected);

    [Fact]
    public async Task Answer_saved_by_one_endpoint_and_served_by_another_is_generated_there()
    {
        await Verify("""
            public static class Endpoints
            {
                public static void Map(WebApplication app)
                {
                    app.MapPost("/ask", [RequireRealName] async (ChatRequest request, IChatClient chat, ChatDb db) =>
                    {
                        Steps.EnsureAllowed(request.Message);
                        var response = await {|#0:chat.GetResponseAsync(request.Message)|};
                        db.Conversations.Add(new Conversation { Question = request.Message, Answer = response.Text, Title = "Chat" });
                        await db.SaveChangesAsync();
                        return Results.Ok();
                    });

                    app.MapGet("/history/{id}", [RequireRealName] async (int id, ChatDb db) =>
                    {
                        var conversation = await db.Conversations.FirstAsync(c => c.Id == id);
                        return {|#1:Results.Ok(conversation.Answer)|};
                    });
                }
            }
            """,
            Verifier.Diagnostic("DSYN001").WithLocation(1).WithLocation(0).WithArguments("'IChatClient.GetResponseAsync' (Test0.cs:9)", ""),
            Verifier.Diagnostic("DSYN003").WithLocation(1).WithLocation(0).WithArguments("'IChatClient.GetResponseAsync' (Test0.cs:9)", ""),
            Verifier.Diagnostic("DSYN005").WithLocation(1).WithLocation(0).WithArguments("'IChatClient.GetResponseAsync' (Test0.cs:9)", ""));
    }

    [Fact]
    public async Task Members_the_generation_was_never_written_into_are_not_generated_when_read_back()
    {
        await Verify("""
            public static class Endpoints
            {
                public static void Map(WebApplication app)
                {
                    app.MapPost("/ask", [RequireRealName] async (ChatRequest request, IChatClient chat, ChatDb db) =>
                    {
                        Steps.EnsureAllowed(request.Message);
                        var response = await chat.GetResponseAsync(request.Message);
                        Steps.EnsureAllowed(response.Text);
                        Steps.Record(response.Text);
                        db.Conversations.Add(new Conversation { Question = request.Message, Answer = Steps.Label(response.Text), Title = "Chat" });
                        await db.SaveChangesAsync();
                        return Results.Ok();
                    });

                    app.MapGet("/titles", [RequireRealName] async (ChatDb db) =>
                        Results.Ok(await db.Conversations.Select(c => c.Title + " " + c.Question + " " + c.CreatedAt).ToListAsync()));
                }
            }
            """);
    }

    [Fact]
    public async Task A_labeled_reviewed_and_recorded_answer_stays_so_when_read_back()
    {
        await Verify("""
            public static class Endpoints
            {
                public static void Map(WebApplication app)
                {
                    app.MapPost("/ask", [RequireRealName] async (ChatRequest request, IChatClient chat, ChatDb db) =>
                    {
                        Steps.EnsureAllowed(request.Message);
                        var response = await chat.GetResponseAsync(request.Message);
                        Steps.EnsureAllowed(response.Text);
                        Steps.Record(response.Text);
                        var conversation = new Conversation { Question = request.Message, Title = "Chat" };
                        conversation.Answer = Steps.Label(response.Text);
                        db.Conversations.Add(conversation);
                        await db.SaveChangesAsync();
                        return Results.Ok();
                    });

                    app.MapGet("/history/{id}", [RequireRealName] async (int id, ChatDb db) =>
                        Results.Ok((await db.Conversations.FindAsync(id))!.Answer));
                }
            }
            """);
    }
}
