using Verifier = DeepSynth.TestSupport.AnalyzerVerifier<DeepSynth.Analyzers.ContentFlowAnalyzer>;

namespace DeepSynth.Analyzers.Tests.Flow;

/// <summary>How values carry generated content and its facts through expressions, objects and control flow.</summary>
public class ValueFlowTests
{
    /// <summary>A verified, reviewed, audited action: only the labeling varies between tests.</summary>
    private static Task VerifyBody(string body, params Microsoft.CodeAnalysis.Testing.DiagnosticResult[] expected) =>
        Verifier.VerifyAsync($$"""
            [RequireRealName]
            public class ChatController(IChatClient chat) : ControllerBase
            {
                public async Task<IActionResult> Ask(string question, int count)
                {
                    Steps.EnsureAllowed(question);
                    var response = await chat.GetResponseAsync(question);
                    var text = response.Text;
                    Steps.EnsureAllowed(text);
                    Steps.Record(text);
            {{body}}
                }
            }
            """ + TestSteps.Source, expected);

    [Theory]
    [InlineData("var x = \"Answer: \" + text; return {|DSYN001:Ok(x)|};")]
    [InlineData("var x = $\"Answer: {text}!\"; return {|DSYN001:Ok(x)|};")]
    [InlineData("var x = string.Format(\"{0}\", text); return {|DSYN001:Ok(x)|};")]
    [InlineData("var x = string.Join(\", \", new[] { text, \"b\" }); return {|DSYN001:Ok(x)|};")]
    [InlineData("var x = string.Concat(\"a\", text); return {|DSYN001:Ok(x)|};")]
    [InlineData("var sb = new StringBuilder(); sb.Append(\"> \"); sb.Append(text); return {|DSYN001:Ok(sb.ToString())|};")]
    [InlineData("var x = text.Trim().Substring(0, 3).Replace(\"a\", \"b\").ToUpperInvariant(); return {|DSYN001:Ok(x)|};")]
    [InlineData("var list = new List<string>(); list.Add(text); return {|DSYN001:Ok(list)|};")]
    [InlineData("var arr = new[] { text }; return {|DSYN001:Ok(arr[0])|};")]
    [InlineData("var reply = new ChatReply { Answer = text, Tokens = count }; return {|DSYN001:Ok(reply)|};")]
    [InlineData("var reply = new ChatReply(); reply.Answer = text; return {|DSYN001:Ok(reply.Answer)|};")]
    [InlineData("var anon = new { answer = text, count }; return {|DSYN001:Ok(anon.answer)|};")]
    [InlineData("var tuple = (text, count); return {|DSYN001:Ok(tuple.Item1)|};")]
    [InlineData("var (a, b) = (text, count); return {|DSYN001:Ok(a)|};")]
    [InlineData("object o = text; if (o is string { Length: > 0 } s) { return {|DSYN001:Ok(s)|}; } return NoContent();")]
    [InlineData("var d = new Dictionary<string, string> { [\"a\"] = text }; return {|DSYN001:Ok(d[\"a\"])|};")]
    [InlineData("var parts = response.Messages.Select(m => m.Text).ToList(); return {|DSYN001:Ok(parts)|};")]
    [InlineData("string x; try { x = text; } catch (Exception) { x = \"error\"; } return {|DSYN001:Ok(x)|};")]
    public async Task Derived_values_stay_generated(string body) => await VerifyBody(body);

    [Theory]
    [InlineData("var x = \"Answer: \" + Steps.Label(text); return Ok(x);")]
    [InlineData("var x = $\"{Steps.Label(text)} — thanks\"; return Ok(x);")]
    [InlineData("var reply = new ChatReply { Answer = Steps.Label(text), Tokens = count }; return Ok(reply);")]
    [InlineData("var reply = new ChatReply { Answer = text }; Steps.LabelInPlace(reply); return Ok(reply);")]
    [InlineData("return Ok(new { tokens = response.Usage?.TotalTokenCount, length = text.Length, empty = string.IsNullOrEmpty(text) });")]
    [InlineData("var labeled = Steps.Label(text); var sb = new StringBuilder(labeled); sb.AppendLine(); return Ok(sb.ToString());")]
    public async Task Labeled_or_non_content_values_are_clean(string body) => await VerifyBody(body);

    [Theory]
    [InlineData("var x = Steps.Label(text) + text; return {|DSYN001:Ok(x)|};")]
    [InlineData("var x = count > 1 ? Steps.Label(text) : text; return {|DSYN001:Ok(x)|};")]
    [InlineData("var x = text; if (count > 1) { x = Steps.Label(text); } return {|DSYN001:Ok(x)|};")]
    [InlineData("var labeled = Steps.Label(text); if (labeled.Length == 0) return NoContent(); return {|DSYN001:Ok(text)|};")]
    public async Task A_value_built_from_an_unlabeled_part_is_unlabeled(string body) => await VerifyBody(body);

    [Fact]
    public async Task Early_return_before_review_is_reported_only_on_that_path()
    {
        await Verifier.VerifyAsync("""
            [RequireRealName]
            public class ChatController(IChatClient chat) : ControllerBase
            {
                public async Task<IActionResult> Ask(string question, bool preview)
                {
                    Steps.EnsureAllowed(question);
                    var response = await chat.GetResponseAsync(question);
                    Steps.Record(response.Text);
                    if (preview)
                    {
                        return {|DSYN003:Ok(Steps.Label(response.Text))|};
                    }

                    Steps.EnsureAllowed(response.Text);
                    return Ok(Steps.Label(response.Text));
                }
            }
            """ + TestSteps.Source);
    }

    [Fact]
    public async Task Loop_regenerating_content_needs_review_of_each_generation()
    {
        await Verifier.VerifyAsync("""
            [RequireRealName]
            public class ChatController(IChatClient chat) : ControllerBase
            {
                public async Task<IActionResult> Ask(string question)
                {
                    Steps.EnsureAllowed(question);
                    var answers = new List<string>();
                    for (var i = 0; i < 3; i++)
                    {
                        var response = await chat.GetResponseAsync(question);
                        if (i == 0)
                        {
                            Steps.EnsureAllowed(response.Text);
                        }

                        Steps.Record(response.Text);
                        answers.Add(Steps.Label(response.Text));
                    }

                    return {|DSYN003:Ok(answers)|};
                }
            }
            """ + TestSteps.Source);
    }

    [Fact]
    public async Task Reviewed_copy_returned_by_the_reviewer_is_reviewed_and_verdicts_count_as_review()
    {
        await Verifier.VerifyAsync("""
            [RequireRealName]
            public class ChatController(IChatClient chat) : ControllerBase
            {
                public async Task<IActionResult> Ask(string question)
                {
                    Steps.EnsureAllowed(question);
                    var response = await chat.GetResponseAsync(question);
                    var verdict = Steps.Review(response.Text);
                    if (verdict.IsBlocked)
                    {
                        return BadRequest();
                    }

                    Steps.Record(response.Text);
                    return Ok(Steps.Label(response.Text));
                }
            }
            """ + TestSteps.Source);
    }

    [Fact]
    public async Task Streamed_endpoint_results_are_publish_points()
    {
        await Verifier.VerifyAsync("""
            [RequireRealName]
            public class StreamController(IChatClient chat) : ControllerBase
            {
                public async IAsyncEnumerable<string> Stream(string question)
                {
                    Steps.EnsureAllowed(question);
                    await foreach (var update in chat.GetStreamingResponseAsync(question))
                    {
                        Steps.EnsureAllowed(update.Text);
                        Steps.Record(update.Text);
                        yield return {|DSYN001:update.Text|};
                    }
                }

                public IAsyncEnumerable<string> Labeled(string question)
                {
                    Steps.EnsureAllowed(question);
                    var tokens = Tokens(chat.GetStreamingResponseAsync(question));
                    Steps.EnsureAllowed("stream");
                    return {|DSYN003:{|DSYN005:Steps.LabelStream(tokens)|}|};
                }

                private static async IAsyncEnumerable<string> Tokens(IAsyncEnumerable<ChatResponseUpdate> updates)
                {
                    await foreach (var update in updates)
                    {
                        yield return update.Text;
                    }
                }
            }
            """ + TestSteps.Source);
    }
}
