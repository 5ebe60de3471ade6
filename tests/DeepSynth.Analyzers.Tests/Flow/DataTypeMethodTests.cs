using Microsoft.CodeAnalysis.Testing;
using Verifier = DeepSynth.TestSupport.AnalyzerVerifier<DeepSynth.Analyzers.ContentFlowAnalyzer>;

namespace DeepSynth.Analyzers.Tests.Flow;

/// <summary>
/// A data type's method works on the object it is called on: a model's reply deserialized into the app's own class and
/// read through <c>reply.FirstText()</c>, a record's <c>Preview()</c> that calls another of its methods. What the method
/// returns is what it reads of that object, member by member; a method that reads only the reply's id or the product's
/// name returns none of the generated text. A service's methods still read what was stored into its members.
/// </summary>
public class DataTypeMethodTests
{
    private static Task Verify(string program, params DiagnosticResult[] expected) =>
        Verifier.VerifyAsync("using System.Net.Http;\nusing System.Net.Http.Json;\n" + program + TestSteps.Source, expected);

    private const string Reply = """
        public sealed class CompletionMessage { public string? Content { get; set; } }
        public sealed class CompletionChoice { public CompletionMessage? Message { get; set; } }
        public sealed class CompletionReply
        {
            public string? Id { get; set; }
            public List<CompletionChoice>? Choices { get; set; }

            public string FirstText() =>
                Choices?.FirstOrDefault()?.Message?.Content ?? throw new InvalidOperationException($"no text in {Id}");

            public string Reference() => $"completion {Id}";
        }

        public sealed class CompletionService(HttpClient http)
        {
            public async Task<CompletionReply> CompleteAsync(string prompt)
            {
                using var response = await http.PostAsJsonAsync("https://api.moonshot.cn/v1/chat/completions", new { model = "moonshot-v1-8k", messages = new[] { new { role = "user", content = prompt } } });
                return await response.Content.ReadFromJsonAsync<CompletionReply>() ?? new CompletionReply();
            }
        }

        public sealed record ProductCopy(string ProductName, string Text)
        {
            public string Preview() => Trimmed(80);
            public string Trimmed(int length) => Text.Length > length ? Text[..length] + "…" : Text;
            public string Heading() => $"Copy for {ProductName}";
        }

        """;

    [Fact]
    public async Task A_method_of_a_deserialized_reply_returns_the_text_it_reads()
    {
        await Verify(Reply + """
            public class CopyController(CompletionService completions) : ControllerBase
            {
                [HttpPost("/copy")]
                public async Task<IActionResult> Copy([FromBody] ChatRequest request)
                {
                    Steps.EnsureAllowed(request.Message);
                    var reply = await completions.CompleteAsync(request.Message);
                    return {|DSYN001:{|DSYN002:{|DSYN003:{|DSYN005:Ok(reply.FirstText().Trim())|}|}|}|};
                }

                [HttpPost("/copy/reference")]
                public async Task<IActionResult> Reference([FromBody] ChatRequest request)
                {
                    Steps.EnsureAllowed(request.Message);
                    var reply = await completions.CompleteAsync(request.Message);
                    return Ok(reply.Reference());
                }
            }
            """);
    }

    [Fact]
    public async Task A_records_method_reads_only_the_members_it_names_through_its_other_methods()
    {
        await Verify(Reply + """
            public class PreviewController(CompletionService completions) : ControllerBase
            {
                [HttpPost("/preview")]
                public async Task<IActionResult> Preview([FromBody] ChatRequest request)
                {
                    Steps.EnsureAllowed(request.Message);
                    var copy = new ProductCopy(request.Message, (await completions.CompleteAsync(request.Message)).FirstText());
                    Steps.Record(copy.Text);
                    Steps.EnsureAllowed(copy.Text);
                    return {|DSYN001:{|DSYN002:Ok(new { heading = copy.Heading(), preview = copy.Preview() })|}|};
                }

                [HttpPost("/preview/heading")]
                public async Task<IActionResult> Heading([FromBody] ChatRequest request)
                {
                    Steps.EnsureAllowed(request.Message);
                    var copy = new ProductCopy(request.Message, (await completions.CompleteAsync(request.Message)).FirstText());
                    return Ok(copy.Heading());
                }
            }
            """);
    }

    [Fact]
    public async Task A_services_method_still_reads_what_another_method_stored_in_its_members()
    {
        // The service holds an injected client, so it is shared: Last() reads what Remember stored, on any instance.
        await Verify(Reply + """
            public sealed class LastAnswer(CompletionService completions)
            {
                private string _text = "";
                public async Task RememberAsync(string prompt) => _text = (await completions.CompleteAsync(prompt)).FirstText();
                public string Last() => _text;
            }

            public class LastController(LastAnswer last) : ControllerBase
            {
                [HttpPost("/ask")]
                public async Task<IActionResult> Ask([FromBody] ChatRequest request)
                {
                    Steps.EnsureAllowed(request.Message);
                    await last.RememberAsync(request.Message);
                    return Accepted();
                }

                [HttpGet("/last")]
                public IActionResult Last() => {|DSYN001:{|DSYN002:{|DSYN003:{|DSYN005:Ok(last.Last())|}|}|}|};
            }
            """);
    }
}
