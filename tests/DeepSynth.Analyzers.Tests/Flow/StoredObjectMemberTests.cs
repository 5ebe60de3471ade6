namespace DeepSynth.Analyzers.Tests.Flow;

/// <summary>
/// What an object holds stays in the member that holds it, on the ways an object travels that used to flatten it (the
/// real EF Core): an entity added to a <c>DbSet</c>, an object returned through <c>Task.FromResult</c>, groups made by
/// <c>GroupBy</c>, and a context whose <c>DbSet</c> a helper added to. Reading another member (the user's own notes,
/// a model name, a count, a customer's phone number) reads none of the generated text.
/// </summary>
public class StoredObjectMemberTests
{
    private const string Usings = """
        using DeepSynth.Compliance.Audit;
        using DeepSynth.Compliance.Labeling;
        using DeepSynth.Compliance.Review;
        using Microsoft.AspNetCore.Mvc;
        using Microsoft.EntityFrameworkCore;
        using Microsoft.Extensions.AI;
        using Microsoft.Extensions.Hosting;

        """;

    private const string Model = """
        public sealed record DraftRequest(string CaseId, string Notes);
        public sealed record LetterItem(Guid Id, string CaseId, string Status);
        public sealed record UsageRow(string Category, int Letters, int Tokens);
        public class Letter { public Guid Id { get; set; } public string CaseId { get; set; } = ""; public string Notes { get; set; } = ""; public string Body { get; set; } = ""; public string Summary { get; set; } = ""; public string Model { get; set; } = ""; public string Category { get; set; } = ""; public string Status { get; set; } = ""; public int Tokens { get; set; } }
        public class Customer { public string Id { get; set; } = ""; public string Mobile { get; set; } = ""; }
        public class LetterDb(DbContextOptions<LetterDb> options) : DbContext(options)
        {
            public DbSet<Letter> Letters => Set<Letter>();
            public DbSet<Customer> Customers => Set<Customer>();
        }

        """;

    [Fact]
    public async Task An_entity_added_to_a_DbSet_keeps_its_members_when_read_back()
    {
        // Draft stores the letter; the notes (line 27) and the listing (line 31) read other members, the body (line 35) is
        // the generated text.
        var source = Model + """
            [ApiController, Route("letters")]
            public class LettersController(IChatClient chat, LetterDb db, IContentReviewer review) : ControllerBase
            {
                [HttpPost]
                public async Task<IActionResult> Draft(DraftRequest request, CancellationToken ct)
                {
                    var notes = await review.EnsureAllowedAsync(request.Notes, ReviewStage.Input, ct);
                    var response = await chat.GetResponseAsync(notes, cancellationToken: ct);
                    var letter = new Letter { Id = Guid.NewGuid(), CaseId = request.CaseId, Notes = notes, Body = response.Text, Status = "draft" };
                    db.Letters.Add(letter);
                    await db.SaveChangesAsync(ct);
                    return Accepted();
                }

                [HttpGet("{id}/notes")]
                public async Task<string?> Notes(Guid id, CancellationToken ct) =>
                    await db.Letters.Where(l => l.Id == id).Select(l => l.Notes).FirstOrDefaultAsync(ct);

                [HttpGet]
                public async Task<List<LetterItem>> List(CancellationToken ct) =>
                    await db.Letters.OrderBy(l => l.Id).Select(l => new LetterItem(l.Id, l.CaseId, l.Status)).ToListAsync(ct);

                [HttpGet("{id}")]
                public async Task<string?> Body(Guid id, CancellationToken ct) =>
                    await db.Letters.Where(l => l.Id == id).Select(l => l.Body).FirstOrDefaultAsync(ct);
            }
            """;

        Assert.Equal(new[] { "DSYN001@35", "DSYN002@35", "DSYN003@35", "DSYN005@35" }, await FlowFindings.OfAsync(Usings, source));
    }

    [Fact]
    public async Task A_group_key_is_only_what_the_key_selector_returns()
    {
        // The usage rows (line 24) and the category list (line 28) hold categories and counts; the groups' letters (line 32) are the stored texts.
        var source = Model + """
            [ApiController, Route("usage")]
            public class UsageController(IChatClient chat, LetterDb db) : ControllerBase
            {
                [HttpPost]
                public async Task Draft(CancellationToken ct)
                {
                    var response = await chat.GetResponseAsync("Draft a letter.", cancellationToken: ct);
                    db.Letters.Add(new Letter { Id = Guid.NewGuid(), Category = "claims", Body = response.Text, Model = response.ModelId ?? "", Tokens = 10 });
                    await db.SaveChangesAsync(ct);
                }

                [HttpGet]
                public async Task<List<UsageRow>> Usage(CancellationToken ct) =>
                    await db.Letters.GroupBy(l => l.Category).Select(g => new UsageRow(g.Key, g.Count(), g.Sum(l => l.Tokens))).ToListAsync(ct);

                [HttpGet("categories")]
                public async Task<List<string>> Categories(CancellationToken ct) =>
                    await db.Letters.Where(l => l.Status != "").GroupBy(l => l.Category).Select(g => g.Key).ToListAsync(ct);

                [HttpGet("by-model")]
                public async Task<List<string>> ByModel(CancellationToken ct) =>
                    await db.Letters.GroupBy(l => l.Model, l => l.Body).Select(g => string.Join("\n", g)).ToListAsync(ct);
            }
            """;

        Assert.Equal(new[] { "DSYN001@32", "DSYN002@32", "DSYN003@32", "DSYN005@32" }, await FlowFindings.OfAsync(Usings, source));
    }

    [Fact]
    public async Task An_object_returned_through_Task_FromResult_keeps_its_members()
    {
        // The stats (line 18) are counts and an id; the summary (line 22) is generated.
        var source = """
            public sealed record Snapshot(string Id, int Turns, string? Summary);
            public interface ISessions { Task<Snapshot> GetSnapshotAsync(string id); }
            public sealed class Sessions(IChatClient chat) : ISessions
            {
                private string? _summary;
                private int _turns;
                public async Task RefreshAsync() { _summary = (await chat.GetResponseAsync("Summarize.")).Text; _turns++; }
                public Task<Snapshot> GetSnapshotAsync(string id) => Task.FromResult(new Snapshot(id, _turns, _summary));
            }

            [ApiController, Route("sessions")]
            public class SessionsController(ISessions sessions) : ControllerBase
            {
                [HttpGet("{id}/stats")]
                public async Task<object> Stats(string id)
                {
                    var snapshot = await sessions.GetSnapshotAsync(id);
                    return new { snapshot.Id, snapshot.Turns };
                }

                [HttpGet("{id}/summary")]
                public async Task<string?> Summary(string id) => (await sessions.GetSnapshotAsync(id)).Summary;
            }
            """;

        Assert.Equal(new[] { "DSYN001@22", "DSYN002@22", "DSYN003@22", "DSYN005@22" }, await FlowFindings.OfAsync(Usings, source));
    }

    [Fact]
    public async Task A_helper_adding_to_one_DbSet_puts_nothing_into_the_contexts_other_sets()
    {
        // The helper sends a reviewed and recorded but unlabeled text (line 41) and stores the letter; the second pass of the
        // loop reads a customer from the same context, whose phone number is not generated text: nothing to report at the
        // calls (lines 22 and 23), where the phone number is all that the send takes from the caller.
        var source = Model + """
            public interface ISms { Task SendAsync(string mobile, string text, CancellationToken ct); }
            public sealed class SmsGateway(HttpClient http) : ISms
            {
                public async Task SendAsync(string mobile, string text, CancellationToken ct) =>
                    (await http.PostAsJsonAsync("https://sms.example.com/send", new { mobile, text }, ct)).EnsureSuccessStatusCode();
            }
            public sealed class ReminderWorker(IServiceProvider services) : BackgroundService
            {
                protected override async Task ExecuteAsync(CancellationToken stoppingToken)
                {
                    using var scope = services.CreateScope();
                    var sp = scope.ServiceProvider;
                    var db = sp.GetRequiredService<LetterDb>();
                    foreach (var id in new[] { "a", "b" })
                    {
                        var customer = await db.Customers.FirstAsync(c => c.Id == id, stoppingToken);
                        await SendAsync(sp, db, customer, stoppingToken);
                        await SendAsync(sp, db, customer, stoppingToken);
                    }
                }

                private static async Task SendAsync(IServiceProvider sp, LetterDb db, Customer customer, CancellationToken ct)
                {
                    var chat = sp.GetRequiredService<IChatClient>();
                    var review = sp.GetRequiredService<IContentReviewer>();
                    var audit = sp.GetRequiredService<ISynthesisAuditLog>();
                    var sms = sp.GetRequiredService<ISms>();
                    var response = await chat.GetResponseAsync("Write a reminder.", cancellationToken: ct);
                    var approved = await review.EnsureAllowedAsync(response.Text, ReviewStage.Output, ct);
                    await audit.RecordAsync(approved, new GenerationRecord { Model = "m", Labeled = true }, ct);
                    await sms.SendAsync(customer.Mobile, approved, ct);
                    db.Letters.Add(new Letter { Id = Guid.NewGuid(), CaseId = customer.Id, Body = approved });
                    await db.SaveChangesAsync(ct);
                }
            }
            """;

        Assert.Equal(new[] { "DSYN001@41" }, await FlowFindings.OfAsync(Usings + "using System.Net.Http;\nusing System.Net.Http.Json;\nusing Microsoft.Extensions.DependencyInjection;\n", source));
    }

    [Fact]
    public async Task An_audit_record_written_after_saving_covers_the_saved_copy_and_a_later_review_does_not()
    {
        // The body was reviewed and labeled before saving and recorded after it, once the letter has its id: only the
        // route's missing real-name check is left (line 40). The summary was reviewed only after saving: what a blocked
        // review would have kept out is already stored, so reading it back is unreviewed (line 44).
        var source = Model + """
            [ApiController, Route("audited")]
            public class AuditedController(IChatClient chat, LetterDb db, IContentReviewer review, IAigcTextLabeler labeler, ISynthesisAuditLog audit) : ControllerBase
            {
                [HttpPost("body")]
                public async Task<IActionResult> DraftBody(CancellationToken ct)
                {
                    var response = await chat.GetResponseAsync("Draft a letter.", cancellationToken: ct);
                    var text = labeler.Label(await review.EnsureAllowedAsync(response.Text, ReviewStage.Output, ct));
                    var letter = new Letter { Id = Guid.NewGuid(), Body = text };
                    db.Letters.Add(letter);
                    await db.SaveChangesAsync(ct);
                    await audit.RecordAsync(text, new GenerationRecord { Model = "m", ContentId = letter.Id.ToString("N"), Labeled = true }, ct);
                    return Accepted();
                }

                [HttpPost("summary")]
                public async Task<IActionResult> DraftSummary(CancellationToken ct)
                {
                    var response = await chat.GetResponseAsync("Summarize the case.", cancellationToken: ct);
                    var letter = new Letter { Id = Guid.NewGuid(), Summary = labeler.Label(response.Text) };
                    db.Letters.Add(letter);
                    await db.SaveChangesAsync(ct);
                    await review.EnsureAllowedAsync(response.Text, ReviewStage.Output, ct);
                    await audit.RecordAsync(response.Text, new GenerationRecord { Model = "m", ContentId = letter.Id.ToString("N"), Labeled = true }, ct);
                    return Accepted();
                }

                [HttpGet("{id}/body")]
                public async Task<string?> Body(Guid id, CancellationToken ct) =>
                    await db.Letters.Where(l => l.Id == id).Select(l => l.Body).FirstOrDefaultAsync(ct);

                [HttpGet("{id}/summary")]
                public async Task<string?> Summary(Guid id, CancellationToken ct) =>
                    await db.Letters.Where(l => l.Id == id).Select(l => l.Summary).FirstOrDefaultAsync(ct);
            }
            """;

        Assert.Equal(new[] { "DSYN002@40", "DSYN002@44", "DSYN003@44" }, await FlowFindings.OfAsync(Usings, source));
    }

    [Fact]
    public async Task A_member_written_on_a_read_back_entity_holds_the_text_and_its_other_members_do_not()
    {
        // The drafted body is written into a letter read back from the database: the letter's case id sent on (line 26)
        // carries none of it, its body (line 27) does.
        var source = Model + """
            public interface ICaseNotifier { Task NotifyAsync(string caseId, string body); }
            public sealed class SmsCaseNotifier(HttpClient http) : ICaseNotifier
            {
                public async Task NotifyAsync(string caseId, string body) =>
                    (await http.PostAsJsonAsync("https://sms.example.com/send", new { caseId, body })).EnsureSuccessStatusCode();
            }

            [ApiController, Route("drafts")]
            public class DraftsController(IChatClient chat, LetterDb db, ICaseNotifier notifier) : ControllerBase
            {
                [HttpPost("{id}")]
                public async Task<IActionResult> Draft(Guid id, CancellationToken ct)
                {
                    var letter = await db.Letters.FirstAsync(l => l.Id == id, ct);
                    letter.Body = (await chat.GetResponseAsync("Draft the letter.", cancellationToken: ct)).Text;
                    await notifier.NotifyAsync(letter.CaseId, "");
                    await notifier.NotifyAsync("", letter.Body);
                    return Accepted();
                }
            }
            """;

        Assert.Equal(new[] { "DSYN001@27", "DSYN002@27", "DSYN003@27", "DSYN005@27" },
            await FlowFindings.OfAsync(Usings + "using System.Net.Http;\nusing System.Net.Http.Json;\n", source));
    }
}
