using DeepSynth.Analyzers;
using DeepSynth.CodeFixes.Fixes;
using DeepSynth.TestSupport;
using Microsoft.CodeAnalysis;

namespace DeepSynth.CodeFixes.Tests;

/// <summary>
/// DSYN001's Fix All for a DTO a service fills in (in its own file) and a controller returns whole: the label goes into
/// the service's file, on the generated texts only, and the controller's finding is gone.
/// </summary>
public sealed class ServiceLabelFixTests
{
    private const string Service = """
        using Microsoft.Extensions.AI;

        namespace Shop;

        public sealed record Reply(int TicketId, string Text, string Model);

        public sealed class ReplyWriter
        {
            private readonly IChatClient _chat;

            public ReplyWriter(IChatClient chat) => _chat = chat;

            public async Task<Reply> DraftAsync(int ticketId, string message)
            {
                var response = await _chat.GetResponseAsync("Reply politely to: " + message);
                return new Reply(ticketId, response.Text, response.ModelId ?? "");
            }
        }
        """;

    private const string Controller = """
        using Microsoft.AspNetCore.Mvc;

        namespace Shop;

        [ApiController, Route("tickets")]
        public sealed class TicketsController(ReplyWriter writer) : ControllerBase
        {
            [HttpPost("{id}/reply")]
            public async Task<ActionResult<Reply>> Draft(int id, [FromBody] string message) => await writer.DraftAsync(id, message);
        }
        """;

    [Fact]
    public async Task The_label_goes_where_the_service_puts_the_generated_text_in()
    {
        var project = Project(Service, Controller);
        var runner = new CodeFixRunner(new ContentFlowAnalyzer(), new AddAigcLabelFixProvider());
        Assert.Contains(await runner.AnalyzeAsync(project), d => d.Id == "DSYN001" && d.Location.SourceTree!.FilePath.EndsWith("TicketsController.cs", StringComparison.Ordinal));

        var fixedProject = await runner.FixAllAsync(project, "DSYN001", "DSYN001.Label");

        var service = (await fixedProject.Documents.Single(d => d.Name == "ReplyWriter.cs").GetTextAsync()).ToString();
        Assert.Contains("label.Label(response.Text)", service);
        Assert.DoesNotContain("Label(message", service);
        Assert.DoesNotContain("Label(response.ModelId", service);
        Assert.DoesNotContain("Label(ticketId", service);
        Assert.Contains("IAigcTextLabeler label", service);
        var compilation = await fixedProject.GetCompilationAsync();
        Assert.Empty(compilation!.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
        Assert.DoesNotContain(await runner.AnalyzeAsync(fixedProject), d => d.Id == "DSYN001");
    }

    [Fact]
    public async Task Through_an_interface_and_locals_derived_from_the_answer_every_generated_text_is_labeled()
    {
        var project = Project("""
                using Microsoft.Extensions.AI;

                namespace Shop;

                public sealed record Suggestion(int TicketId, string Reply, IReadOnlyList<string> FollowUps);

                public interface IReplyWriter { Task<Suggestion> SuggestAsync(int ticketId, string message); }

                public sealed class ReplyWriter(IChatClient chat) : IReplyWriter
                {
                    public async Task<Suggestion> SuggestAsync(int ticketId, string message)
                    {
                        var response = await chat.GetResponseAsync("Reply, then follow-up questions one per line: " + message);
                        var text = response.Text;
                        var lines = text.Split('\n');
                        var followUps = new List<string>();
                        foreach (var line in lines.Skip(1))
                        {
                            followUps.Add(line.Trim());
                        }

                        return new Suggestion(ticketId, lines[0].Trim(), followUps);
                    }
                }
                """, """
                using Microsoft.AspNetCore.Mvc;

                namespace Shop;

                [ApiController, Route("tickets")]
                public sealed class TicketsController(IReplyWriter writer) : ControllerBase
                {
                    [HttpPost("{id}/suggest")]
                    public async Task<ActionResult<Suggestion>> Suggest(int id, [FromBody] string message) => await writer.SuggestAsync(id, message);
                }
                """);
        var runner = new CodeFixRunner(new ContentFlowAnalyzer(), new AddAigcLabelFixProvider());

        var fixedProject = await runner.FixAllAsync(project, "DSYN001", "DSYN001.Label");

        var service = (await fixedProject.Documents.Single(d => d.Name == "ReplyWriter.cs").GetTextAsync()).ToString();
        Assert.Contains("followUps.Add(label.Label(line.Trim()))", service);
        Assert.Contains("label.Label(lines[0].Trim())", service);
        Assert.DoesNotContain("Label(message", service);
        var compilation = await fixedProject.GetCompilationAsync();
        Assert.Empty(compilation!.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
        Assert.DoesNotContain(await runner.AnalyzeAsync(fixedProject), d => d.Id == "DSYN001");
    }

    [Fact]
    public async Task A_handler_returning_the_services_task_gets_the_awaited_object_reviewed_whatever_ran_before()
    {
        // The review alone, first: the expression body is a task, which becomes a local awaited once.
        var project = Project(Service, Controller.Replace("public async Task<ActionResult<Reply>> Draft(int id, [FromBody] string message) => await writer.DraftAsync(id, message);",
                "public Task<Reply> Draft(int id, [FromBody] string message) => writer.DraftAsync(id, message);"));
        var runner = new CodeFixRunner(new ContentFlowAnalyzer(), new ReviewOutputFixProvider());

        var fixedProject = await runner.FixAllAsync(project, "DSYN003", "DSYN003.Review");

        var controller = (await fixedProject.Documents.Single(d => d.Name == "TicketsController.cs").GetTextAsync()).ToString();
        Assert.Contains("var content = await writer.DraftAsync(id, message);", controller);
        Assert.Contains("return content;", controller);
        Assert.DoesNotContain("await content", controller);
        var compilation = await fixedProject.GetCompilationAsync();
        Assert.Empty(compilation!.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
        Assert.DoesNotContain(await runner.AnalyzeAsync(fixedProject), d => d.Id == "DSYN003");
    }

    [Fact]
    public async Task The_labeler_is_injected_before_an_optional_constructor_parameter()
    {
        var service = Service.Replace("public ReplyWriter(IChatClient chat) => _chat = chat;", "public ReplyWriter(IChatClient chat, TimeProvider? clock = null) => _chat = chat;");
        Assert.Contains("TimeProvider? clock = null", service);
        var runner = new CodeFixRunner(new ContentFlowAnalyzer(), new AddAigcLabelFixProvider());

        var fixedProject = await runner.FixAllAsync(Project(service, Controller), "DSYN001", "DSYN001.Label");

        var text = (await fixedProject.Documents.Single(d => d.Name == "ReplyWriter.cs").GetTextAsync()).ToString();
        Assert.Contains("public ReplyWriter(IChatClient chat, IAigcTextLabeler label, TimeProvider? clock = null)", text);
        var compilation = await fixedProject.GetCompilationAsync();
        Assert.Empty(compilation!.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
    }

    [Fact]
    public async Task A_service_constructed_with_new_gets_no_label_and_the_finding_stays()
    {
        // The service cannot take the labeler through its constructor (someone news it up): nothing is changed.
        var project = Project(Service + "\npublic static class Writers { public static Shop.ReplyWriter Create(Microsoft.Extensions.AI.IChatClient chat) => new(chat); }", Controller);
        var runner = new CodeFixRunner(new ContentFlowAnalyzer(), new AddAigcLabelFixProvider());

        var fixedProject = await runner.FixAllAsync(project, "DSYN001", "DSYN001.Label");

        Assert.Equal(Service + "\npublic static class Writers { public static Shop.ReplyWriter Create(Microsoft.Extensions.AI.IChatClient chat) => new(chat); }",
            (await fixedProject.Documents.Single(d => d.Name == "ReplyWriter.cs").GetTextAsync()).ToString());
        Assert.Contains(await runner.AnalyzeAsync(fixedProject), d => d.Id == "DSYN001");
    }

    [Fact]
    public async Task Objects_sent_one_by_one_from_the_services_list_get_their_texts_labeled_in_every_branch_and_assignment()
    {
        // The hub sends each entry of a list the service built in a loop; an entry is made in either branch of a
        // conditional, and the subject is a default the answer may replace.
        var project = Project("""
                using Microsoft.Extensions.AI;

                namespace Shop;

                public sealed record Entry(string Recruiter, string Subject, string Text, string Category);

                public sealed class DigestBuilder(IChatClient chat)
                {
                    public async Task<List<Entry>> BuildAsync(IEnumerable<string> recruiters)
                    {
                        var entries = new List<Entry>();
                        foreach (var recruiter in recruiters)
                        {
                            var response = await chat.GetResponseAsync("Weekly update for " + recruiter);
                            var subject = "Weekly update for " + recruiter;
                            var lines = response.Text.Split('\n');
                            if (lines[0].StartsWith("Subject:"))
                            {
                                subject = lines[0].Substring(8);
                            }

                            var parts = lines[^1].Split('|');
                            entries.Add(parts.Length == 2
                                ? new Entry(recruiter, subject, parts[1], parts[0])
                                : new Entry(recruiter, subject, lines[^1], "general"));
                        }

                        return entries;
                    }
                }
                """, """
                using Microsoft.AspNetCore.SignalR;

                namespace Shop;

                public sealed class DigestHub(DigestBuilder digests) : Hub
                {
                    public async Task Send(string[] recruiters)
                    {
                        var entries = await digests.BuildAsync(recruiters);
                        foreach (var entry in entries)
                        {
                            await Clients.All.SendAsync("entry", entry);
                        }
                    }
                }
                """);
        var runner = new CodeFixRunner(new ContentFlowAnalyzer(), new AddAigcLabelFixProvider());
        Assert.Contains(await runner.AnalyzeAsync(project), d => d.Id == "DSYN001" && d.Location.SourceTree!.FilePath.EndsWith("TicketsController.cs", StringComparison.Ordinal));

        var fixedProject = await runner.FixAllAsync(project, "DSYN001", "DSYN001.Label");

        var service = (await fixedProject.Documents.Single(d => d.Name == "ReplyWriter.cs").GetTextAsync()).ToString();
        Assert.Contains("new Entry(recruiter, label.Label(subject), label.Label(parts[1]), label.Label(parts[0]))", service);
        Assert.Contains("new Entry(recruiter, label.Label(subject), label.Label(lines[^1]), \"general\")", service);
        Assert.DoesNotContain("Label(recruiter", service);
        var compilation = await fixedProject.GetCompilationAsync();
        Assert.Empty(compilation!.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
        Assert.DoesNotContain(await runner.AnalyzeAsync(fixedProject), d => d.Id == "DSYN001");
    }

    [Fact]
    public async Task A_list_of_generated_texts_made_by_a_helper_is_labeled_element_by_element_and_keeps_its_type()
    {
        var project = Project("""
                using Microsoft.Extensions.AI;

                namespace Shop;

                public sealed record Posting(string Title, List<string> Duties, string[] Skills, IReadOnlyList<string> Tags);

                public sealed class PostingWriter(IChatClient chat)
                {
                    public async Task<Posting> WriteAsync(string title, List<string> tags)
                    {
                        var response = await chat.GetResponseAsync("Duties then skills for " + title);
                        var text = response.Text;
                        var duties = Bullets(text);
                        return new Posting(title, duties, Bullets(text).ToArray(), tags);
                    }

                    private static List<string> Bullets(string text) =>
                        text.Split('\n').Where(l => l.StartsWith("- ")).Select(l => l[2..]).ToList();
                }
                """, """
                using Microsoft.AspNetCore.Mvc;

                namespace Shop;

                [ApiController, Route("postings")]
                public sealed class TicketsController(PostingWriter writer) : ControllerBase
                {
                    [HttpPost]
                    public async Task<IActionResult> Write([FromBody] string title) => Ok(await writer.WriteAsync(title, ["remote"]));
                }
                """);
        var runner = new CodeFixRunner(new ContentFlowAnalyzer(), new AddAigcLabelFixProvider());
        Assert.Contains(await runner.AnalyzeAsync(project), d => d.Id == "DSYN001");

        var fixedProject = await runner.FixAllAsync(project, "DSYN001", "DSYN001.Label");

        var service = (await fixedProject.Documents.Single(d => d.Name == "ReplyWriter.cs").GetTextAsync()).ToString();
        Assert.Contains("var duties = Bullets(text).Select(label.Label).ToList();", service);
        Assert.Contains("Bullets(text).Select(label.Label).ToList().ToArray()", service);
        Assert.DoesNotContain("Label(title", service);
        Assert.DoesNotContain("tags.Select", service);
        var compilation = await fixedProject.GetCompilationAsync();
        Assert.Empty(compilation!.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
        Assert.DoesNotContain(await runner.AnalyzeAsync(fixedProject), d => d.Id == "DSYN001");
    }

    private static Project Project(string service, string controller) => CodeFixRunner.CreateProject(new Dictionary<string, string>
    {
        ["ReplyWriter.cs"] = service,
        ["TicketsController.cs"] = controller,
        ["GlobalUsings.g.cs"] = WebSdk.ImplicitUsings,
    });
}
