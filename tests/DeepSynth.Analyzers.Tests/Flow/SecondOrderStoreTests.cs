using DeepSynth.TestSupport;

namespace DeepSynth.Analyzers.Tests.Flow;

/// <summary>
/// Content stored twice (the real EF Core): a draft's generated Body is saved, a later request copies it into the
/// listing's Description ("publish the draft"), and the listing endpoints return the Description. The listing's other
/// members, and a listing whose Description only ever gets the agent's own text, hold nothing generated.
/// </summary>
public class SecondOrderStoreTests
{
    private const string Usings = """
        using Microsoft.AspNetCore.Builder;
        using Microsoft.AspNetCore.Http;
        using Microsoft.EntityFrameworkCore;
        using Microsoft.Extensions.AI;

        """;

    private const string App = """
        public class Listing { public int Id { get; set; } public string Title { get; set; } = ""; public string? Description { get; set; } }
        public class Draft { public Guid Id { get; set; } public int ListingId { get; set; } public Listing Listing { get; set; } = null!; public string Body { get; set; } = ""; }
        public class Db(DbContextOptions<Db> options) : DbContext(options)
        {
            public DbSet<Listing> Listings => Set<Listing>();
            public DbSet<Draft> Drafts => Set<Draft>();
        }
        public sealed record ListingDto(int Id, string Title, string? Description);
        public static class Routes
        {
            public static void Map(WebApplication app)
            {
                app.MapPost("/drafts", async (int listingId, string notes, IChatClient chat, Db db) =>
                {
                    var response = await chat.GetResponseAsync(notes);
                    db.Drafts.Add(new Draft { Id = Guid.NewGuid(), ListingId = listingId, Body = response.Text });
                    await db.SaveChangesAsync();
                    return Results.Ok();
                });
                app.MapPost("/drafts/{id}/publish", DraftHandlers.PublishAsync);
                app.MapGet("/listings/{id}", async (int id, Db db) =>
                {
                    var listing = await db.Listings.FirstAsync(l => l.Id == id);
                    return Results.Ok(ToDto(listing));
                });
                app.MapGet("/listings/{id}/title", async (int id, Db db) => Results.Ok((await db.Listings.FirstAsync(l => l.Id == id)).Title));
            }

            private static ListingDto ToDto(Listing l) => new(l.Id, l.Title, l.Description);
        }
        public static class DraftHandlers
        {
            // Another request, in another class: it reads the stored draft and generates nothing itself.
            public static async Task<IResult> PublishAsync(Guid id, Db db)
            {
                var draft = await db.Drafts.Include(d => d.Listing).FirstAsync(d => d.Id == id);
                COPY
                await db.SaveChangesAsync();
                return Results.NoContent();
            }
        }
        """;

    private const int ListingLine = 24;
    private const int TitleLine = 26;

    [Fact]
    public async Task A_listing_whose_description_was_copied_from_a_stored_draft_publishes_it()
    {
        var findings = await FlowFindings.OfAsync(Usings, App.Replace("COPY", "draft.Listing.Description = draft.Body;"));

        Assert.Contains($"DSYN001@{ListingLine}", findings);
        Assert.DoesNotContain(findings, f => f.EndsWith($"@{TitleLine}", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_listing_whose_description_is_the_agents_own_text_publishes_nothing_generated()
    {
        var findings = await FlowFindings.OfAsync(Usings, App.Replace("COPY", "draft.Listing.Description = draft.Listing.Title + \" (published)\";"));

        Assert.DoesNotContain(findings, f => f.EndsWith($"@{ListingLine}", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("return drafts.Select(ToDto);")]
    [InlineData("return drafts.Select(d => ToDto(d));")]
    public async Task Drafts_a_controller_stored_are_published_by_its_other_action(string read)
    {
        var findings = await FlowFindings.OfAsync(Usings + "using Microsoft.AspNetCore.Mvc;\n", """
            public class Draft { public Guid Id { get; set; } public int ListingId { get; set; } public string Body { get; set; } = ""; }
            public class Db(DbContextOptions<Db> options) : DbContext(options) { public DbSet<Draft> Drafts => Set<Draft>(); }
            public sealed record DraftDto(Guid Id, string Body);
            [ApiController, Route("api/drafts")]
            public sealed class DraftsController(Db db, IChatClient chat) : ControllerBase
            {
                [HttpPost]
                public async Task<ActionResult<Guid>> Create(int listingId, string notes)
                {
                    var response = await chat.GetResponseAsync(notes);
                    var draft = new Draft { Id = Guid.NewGuid(), ListingId = listingId, Body = response.Text };
                    db.Drafts.Add(draft);
                    await db.SaveChangesAsync();
                    return draft.Id;
                }

                [HttpGet]
                public async Task<IEnumerable<DraftDto>> ForListing(int listingId)
                {
                    var drafts = await db.Drafts.Where(d => d.ListingId == listingId).ToListAsync();
                    READ
                }

                private static DraftDto ToDto(Draft d) => new(d.Id, d.Body);
            }
            """.Replace("READ", read));

        Assert.Contains("DSYN001@21", findings);
    }

    [Fact]
    public async Task A_DbContext_handler_parameter_is_a_service_not_user_input()
    {
        // The prompt is built from a row the app keeps (a listing's title), not from anything the request carries.
        var findings = await FlowFindings.OfAsync(Usings, App.Replace("COPY", "") + """

            public static class Tours
            {
                public static void Map(WebApplication app) => app.MapGet("/tours/{id}", async (int id, Db db, IChatClient chat) =>
                {
                    var listing = await db.Listings.FindAsync(id);
                    var response = await chat.GetResponseAsync("Write a short tour of " + listing!.Title);
                    return Results.Ok(response.Text);
                });
            }
            """);

        Assert.Contains("DSYN001@48", findings);
        Assert.DoesNotContain("DSYN004@47", findings);
    }
}
