namespace DeepSynth.Analyzers.Tests.Flow;

/// <summary>
/// A collection's elements keep their members (the real EF Core and LINQ): a list of records projected from stored jobs
/// (<c>Select(j =&gt; new JobCard(j.Id, j.Title, j.City, j.Teaser))</c>) or built by <c>Add</c> in a loop holds the
/// generated teaser in each element's <c>Teaser</c>, so publishing the elements' titles and cities, read in a LINQ lambda,
/// a <c>foreach</c>, an indexer or <c>First()</c>, or put into an array or a collection initializer, publishes nothing
/// generated; publishing their teasers still does.
/// </summary>
public class CollectionElementMemberTests
{
    private const string Usings = """
        using Microsoft.AspNetCore.Mvc;
        using Microsoft.EntityFrameworkCore;
        using Microsoft.Extensions.AI;

        """;

    // Teaser (line 12) stores a generated teaser; LIST (line 21) builds the cards; PUBLISH (line 22) publishes from them.
    private const string Source = """
        public class Job { public Guid Id { get; set; } public string Title { get; set; } = ""; public string City { get; set; } = ""; public string? Teaser { get; set; } }
        public sealed record JobCard(Guid Id, string Title, string City, string? Teaser);
        public class Db(DbContextOptions<Db> o) : DbContext(o) { public DbSet<Job> Jobs => Set<Job>(); }
        [ApiController, Route("jobs")]
        public class JobsController(IChatClient chat, Db db) : ControllerBase
        {
            [HttpPost("{id}/teaser")]
            public async Task<IActionResult> Teaser(Guid id, CancellationToken ct)
            {
                var job = await db.Jobs.FindAsync([id], ct);
                if (job is null) return NotFound();
                job.Teaser = (await chat.GetResponseAsync("Teaser for " + job.Title, cancellationToken: ct)).Text;
                await db.SaveChangesAsync(ct);
                return Accepted();
            }

            [HttpGet]
            public async Task<IActionResult> List(CancellationToken ct)
            {
                var jobs = await db.Jobs.ToListAsync(ct);
                LIST
                PUBLISH
            }
        }
        """;

    private const string Projected = "var cards = await db.Jobs.Select(j => new JobCard(j.Id, j.Title, j.City, j.Teaser)).ToListAsync(ct);";

    private const string Mapped = "var cards = jobs.Select(j => new JobCard(j.Id, j.Title, j.City, j.Teaser)).ToList();";

    private const string Initialized = "var first = jobs[0]; var cards = new List<JobCard> { new JobCard(first.Id, first.Title, first.City, first.Teaser) };";

    private const string Array = "var cards = jobs.Select(j => new JobCard(j.Id, j.Title, j.City, j.Teaser)).ToArray(); var pair = new[] { cards[0], cards[^1] };";

    private const string Added = "var cards = new List<JobCard>(); foreach (var j in jobs) { cards.Add(new JobCard(j.Id, j.Title, j.City, j.Teaser)); }";

    private static Task<List<string>> FindingsAsync(string list, string publish) =>
        FlowFindings.OfAsync(Usings, Source.Replace("LIST", list).Replace("PUBLISH", publish));

    [Theory]
    [InlineData(Projected, "return Ok(cards.Select(c => new { c.Title, c.City }));")]
    [InlineData(Added, "return Ok(cards.Select(c => new { c.Title, c.City }));")]
    [InlineData(Mapped, "var lines = new List<string>(); foreach (var c in cards) { lines.Add(c.Title + \" · \" + c.City); } return Ok(lines);")]
    [InlineData(Mapped, "return Ok(cards.Select(c => new { c.Title, c.City }));")]
    [InlineData(Added, "return Ok(cards.First().City);")]
    [InlineData(Initialized, "return Ok(cards.Select(c => c.Title));")]
    [InlineData(Array, "return Ok(pair.Select(c => c.City));")]
    [InlineData(Added, "return Ok(cards[0].Title);")]
    public async Task Publishing_other_members_of_the_elements_publishes_nothing_generated(string list, string publish)
    {
        Assert.Empty(await FindingsAsync(list, publish));
    }

    [Theory]
    [InlineData(Projected, "return Ok(cards.Select(c => new { c.Title, c.Teaser }));")]
    [InlineData(Added, "var lines = new List<string>(); foreach (var c in cards) { lines.Add(c.Teaser ?? \"\"); } return Ok(lines);")]
    [InlineData(Projected, "return Ok(cards);")]
    [InlineData(Added, "return Ok(cards.First().Teaser);")]
    [InlineData(Initialized, "return Ok(cards.Select(c => c.Teaser));")]
    [InlineData(Array, "return Ok(pair.Select(c => c.Teaser));")]
    [InlineData(Added, "return Ok(cards[0].Teaser);")]
    public async Task Publishing_the_generated_member_of_the_elements_is_still_a_flow(string list, string publish)
    {
        Assert.Equal(new[] { "DSYN001@22", "DSYN002@22", "DSYN003@22", "DSYN005@22" }, await FindingsAsync(list, publish));
    }
}
