using DeepSynth.Analyzers;
using DeepSynth.TestSupport;
using Microsoft.CodeAnalysis;

namespace DeepSynth.CodeFixes.Tests;

/// <summary>
/// Lists of generated texts (a service's suggestions, a stored document's hashtags) are labeled element by element where
/// they are published, and statements the fixes put before "return x is null ? NotFound() : ..." go into the branch where
/// x is not null, since before the return they would read the null the condition guards against.
/// </summary>
public sealed class TextListAndNullGuardFixTests
{
    private const string Source = """
        using Microsoft.AspNetCore.Mvc;
        using Microsoft.Extensions.AI;

        namespace Studio;

        public sealed record SuggestionsView(string DraftId, IReadOnlyList<string> Suggestions);
        public sealed record DraftView(string Id, string Comment, IReadOnlyList<string> Suggestions);
        public sealed record PostView(string Id, string? Caption, IReadOnlyList<string> Hashtags);
        public sealed class ReplyDraft { public string Id { get; set; } = ""; public string Comment { get; set; } = ""; public List<string> Suggestions { get; set; } = new(); }
        public sealed class Post { public string Id { get; set; } = ""; public string? Caption { get; set; } public List<string> Hashtags { get; set; } = new(); }
        public interface IDrafts { Task InsertAsync(ReplyDraft draft, CancellationToken ct); Task<ReplyDraft?> FindAsync(string id, CancellationToken ct); }
        public interface IPosts { Task InsertAsync(Post post, CancellationToken ct); Task<Post?> FindAsync(string id, CancellationToken ct); }

        public interface IReplies { Task<IReadOnlyList<string>> SuggestAsync(string comment, CancellationToken ct); }

        public sealed class Replies(IChatClient chat) : IReplies
        {
            public async Task<IReadOnlyList<string>> SuggestAsync(string comment, CancellationToken ct)
            {
                var text = await CompleteAsync("Write three replies to: " + comment, ct);
                return text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Take(3).ToList();
            }

            private async Task<string> CompleteAsync(string prompt, CancellationToken ct) => (await chat.GetResponseAsync(prompt, cancellationToken: ct)).Text;
        }

        [ApiController, Route("studio")]
        public sealed class StudioController(IReplies replies, IChatClient chat, IDrafts drafts, IPosts posts) : ControllerBase
        {
            [HttpPost("suggest")]
            public async Task<ActionResult<SuggestionsView>> Suggest([FromBody] string comment, CancellationToken ct)
            {
                var suggestions = await replies.SuggestAsync(comment, ct);
                var draft = new ReplyDraft { Comment = comment, Suggestions = suggestions.ToList() };
                await drafts.InsertAsync(draft, ct);
                return Ok(new SuggestionsView(draft.Id, suggestions));
            }

            [HttpPost("post")]
            public async Task<ActionResult<string>> Caption([FromBody] string topic, CancellationToken ct)
            {
                var caption = await chat.GetResponseAsync("Caption for " + topic, cancellationToken: ct);
                var post = new Post { Caption = caption.Text, Hashtags = caption.Text.Split('#').ToList() };
                await posts.InsertAsync(post, ct);
                return Ok(post.Id);
            }

            [HttpGet("drafts/{id}")]
            public async Task<ActionResult<DraftView>> GetDraft(string id, CancellationToken ct)
            {
                var draft = await drafts.FindAsync(id, ct);
                return draft is null ? NotFound() : new DraftView(draft.Id, draft.Comment, draft.Suggestions);
            }

            [HttpGet("posts/{id}")]
            public async Task<ActionResult<PostView>> GetPost(string id, CancellationToken ct)
            {
                var post = await posts.FindAsync(id, ct);
                return post is null ? NotFound() : ToView(post);
            }

            private static PostView ToView(Post post) => new(post.Id, post.Caption, post.Hashtags);
        }
        """;

    [Fact]
    public async Task Every_fix_leaves_no_finding_labels_lists_element_by_element_and_reads_nothing_before_its_null_check()
    {
        var project = CodeFixRunner.CreateProject(new Dictionary<string, string> { ["Studio.cs"] = Source, ["GlobalUsings.g.cs"] = WebSdk.ImplicitUsings });
        var analyzer = new CodeFixRunner(new ContentFlowAnalyzer(), FixShapeTests.Steps[0].Fixer);
        var before = (await analyzer.AnalyzeAsync(project)).Where(d => d.Id.StartsWith("DSYN00", StringComparison.Ordinal)).ToList();
        Assert.Contains(before, d => d.Id == "DSYN001" && Line(d) == 36);
        Assert.Contains(before, d => d.Id == "DSYN001" && Line(d) == 52);
        Assert.Contains(before, d => d.Id == "DSYN001" && Line(d) == 59);

        project = await FixShapeTests.ApplyEveryFixAsync(project);

        var compilation = await project.GetCompilationAsync();
        Assert.Empty(compilation!.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
        var text = (await project.Documents.Single(d => d.Name == "Studio.cs").GetTextAsync()).ToString();
        var left = (await analyzer.AnalyzeAsync(project)).Where(d => d.Id.StartsWith("DSYN00", StringComparison.Ordinal)).ToList();
        Assert.True(left.Count == 0, string.Join("\n", left) + "\n" + text);
        Assert.Contains("new SuggestionsView(draft.Id, suggestions.Select(label.Label).ToList())", text);
        Assert.Contains("draft.Suggestions.Select(label.Label).ToList()", text);
        Assert.Contains("Hashtags = ", text);
        // The user's comment and the ids are not labeled.
        Assert.DoesNotContain("Label(comment", text);
        Assert.DoesNotContain("Label(draft.Id", text);
        // Nothing reads the draft or the post before the null check that guards it.
        var draftCheck = text.IndexOf("if (draft is null)", StringComparison.Ordinal);
        var postCheck = text.IndexOf("if (post is null)", StringComparison.Ordinal);
        Assert.True(draftCheck > 0 && postCheck > 0, text);
        Assert.True(text.IndexOf("EnsureAllTextAllowedAsync(draft.Suggestions", StringComparison.Ordinal) > draftCheck, text);
        Assert.True(text.IndexOf("ToView(post)", text.IndexOf("GetPost", StringComparison.Ordinal), StringComparison.Ordinal) > postCheck, text);
    }

    private static int Line(Diagnostic diagnostic) => diagnostic.Location.GetLineSpan().StartLinePosition.Line + 1;
}
