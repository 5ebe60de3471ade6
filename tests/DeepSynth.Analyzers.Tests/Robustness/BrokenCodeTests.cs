using DeepSynth.Analyzers.Tests.Flow;
using DeepSynth.TestSupport;
using Microsoft.CodeAnalysis;

namespace DeepSynth.Analyzers.Tests.Robustness;

/// <summary>Incomplete and invalid code, as the IDE sees it while the user types: the analyzer must never throw.</summary>
public class BrokenCodeTests
{
    private const string Realistic = """
        [RequireRealName]
        public class ChatController(IChatClient chat) : ControllerBase
        {
            private string _last = "";

            public async Task<IActionResult> Ask(ChatRequest request, bool stream)
            {
                Steps.EnsureAllowed(request.Message);
                var messages = new List<ChatMessage> { new(ChatRole.User, request.Message) };
                var response = await chat.GetResponseAsync(messages);
                _last = response.Text;
                if (stream) { return Ok(new { answer = Steps.Label(response.Text) }); }
                try { Steps.Record(response.Text); } catch (Exception e) when (e is IOException) { return Problem(e.Message); }
                foreach (var m in response.Messages) { if (m.Text is { Length: > 0 } t) { _last += t; } }
                return Ok(Steps.Label($"{_last}!"));
            }
        }

        public class ChatHub(IChatClient chat) : Hub
        {
            public async Task Ask(string q)
            {
                await foreach (var u in chat.GetStreamingResponseAsync(q)) { await Clients.Caller.SendAsync("t", u.Text); }
                Func<string, Task> send = s => Clients.All.SendAsync("x", s);
                await send(q);
            }
        }
        """;

    [Fact]
    public async Task Every_truncation_of_a_realistic_file_is_analysed_without_exceptions()
    {
        var failures = new List<string>();
        for (var length = 0; length < Realistic.Length; length += 37)
        {
            var source = Realistic.Substring(0, length);
            var run = await AnalyzerRunner.RunAsync(AnalyzerRunner.Compile(new[] { source, TestSteps.Source }), new[] { new ContentFlowAnalyzer() });
            failures.AddRange(Problems(run).Select(p => $"truncated at {length}: {p}"));
        }

        Assert.Empty(failures);
    }

    [Fact]
    public async Task Deleting_any_line_is_analysed_without_exceptions()
    {
        var lines = Realistic.Split('\n');
        var failures = new List<string>();
        for (var i = 0; i < lines.Length; i++)
        {
            var source = string.Join("\n", lines.Where((_, index) => index != i));
            var run = await AnalyzerRunner.RunAsync(AnalyzerRunner.Compile(new[] { source, TestSteps.Source }), new[] { new ContentFlowAnalyzer() });
            failures.AddRange(Problems(run).Select(p => $"without line {i + 1}: {p}"));
        }

        Assert.Empty(failures);
    }

    [Fact]
    public async Task Missing_references_and_unknown_types_do_not_throw()
    {
        var compilation = Microsoft.CodeAnalysis.CSharp.CSharpCompilation.Create(
            "NoReferences",
            new[] { Microsoft.CodeAnalysis.CSharp.CSharpSyntaxTree.ParseText(Realistic + TestSteps.Source) },
            Basic.Reference.Assemblies.Net100.References.All);
        var run = await AnalyzerRunner.RunAsync(compilation, new[] { new ContentFlowAnalyzer() });
        Assert.Empty(Problems(run));
    }

    private static IEnumerable<string> Problems(AnalyzerRun run) =>
        run.Exceptions.Select(e => e.ToString())
            .Concat(run.Diagnostics.Where(d => d.Id == "DSYN999" || d.Id == "AD0001").Select(d => d.ToString()));
}
