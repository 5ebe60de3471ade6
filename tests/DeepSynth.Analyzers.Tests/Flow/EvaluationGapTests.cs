using Microsoft.CodeAnalysis.Testing;
using Verifier = DeepSynth.TestSupport.AnalyzerVerifier<DeepSynth.Analyzers.ContentFlowAnalyzer>;

namespace DeepSynth.Analyzers.Tests.Flow;

/// <summary>Shapes found by the independent evaluation corpus (tests/DeepSynth.Analyzers.Corpus.Tests), one test each.</summary>
public class EvaluationGapTests
{
    private static Task Verify(string code, params DiagnosticResult[] expected) => Verifier.VerifyAsync(code + TestSteps.Source, expected);

    [Fact]
    public async Task Record_members_survive_a_service_boundary()
    {
        await Verify("""
            public record Draft(string Text, string Model, long? Tokens);

            public class Writer(IChatClient chat)
            {
                public async Task<Draft> WriteAsync(string topic)
                {
                    Steps.EnsureAllowed(topic);
                    var response = await chat.GetResponseAsync(topic);
                    Steps.EnsureAllowed(response.Text);
                    Steps.Record(response.Text);
                    return new Draft(response.Text, "qwen-max", response.Usage?.OutputTokenCount);
                }
            }

            [RequireRealName]
            public class DraftController(Writer writer) : ControllerBase
            {
                public async Task<IActionResult> Get(string topic)
                {
                    var draft = await writer.WriteAsync(topic).ConfigureAwait(false);
                    return Ok(new Draft(Steps.Label(draft.Text), draft.Model, draft.Tokens));
                }
            }
            """);
    }

    [Fact]
    public async Task Method_groups_apply_their_role_to_the_elements()
    {
        await Verify("""
            [RequireRealName]
            public class SloganController(IChatClient chat) : ControllerBase
            {
                public async Task<IActionResult> Many(string brand)
                {
                    Steps.EnsureAllowed(brand);
                    var response = await chat.GetResponseAsync(brand);
                    var variants = response.Text.Split('\n');
                    Steps.EnsureAllowed(response.Text);
                    Steps.Record(response.Text);
                    return Ok(variants.Select(Steps.Label).ToList());
                }

                public async Task<IActionResult> Unlabeled(string brand)
                {
                    Steps.EnsureAllowed(brand);
                    var response = await chat.GetResponseAsync(brand);
                    Steps.EnsureAllowed(response.Text);
                    Steps.Record(response.Text);
                    return {|DSYN001:Ok(response.Text.Split('\n').Select(v => v.Trim()).ToList())|};
                }
            }
            """);
    }

    [Fact]
    public async Task A_notice_through_a_typed_hub_client_labels_the_tokens_that_follow()
    {
        await Verify("""
            public interface IChatUi { Task ReceiveNotice(string notice); Task ReceiveToken(string token); }

            [RequireRealName]
            public class ChatHub(IChatClient chat) : Hub<IChatUi>
            {
                public async Task Ask(string question)
                {
                    Steps.EnsureAllowed(question);
                    await Clients.Caller.ReceiveNotice(Steps.Notice);
                    await foreach (var update in chat.GetStreamingResponseAsync(question))
                    {
                        Steps.EnsureAllowed(update.Text);
                        Steps.Record(update.Text);
                        await Clients.Caller.ReceiveToken(update.Text);
                    }
                }
            }
            """);
    }

    [Fact]
    public async Task A_helper_returning_a_check_combined_with_and_counts_where_true()
    {
        await Verify("""
            [ApiController]
            public class CoachController(IChatClient chat) : ControllerBase
            {
                private async Task<bool> IsVerifiedAsync() => User.Identity?.Name is { } name && await Steps.IsRealNameVerifiedAsync(User);

                public async Task<IActionResult> Ask(string question)
                {
                    if (!await IsVerifiedAsync())
                    {
                        return Forbid();
                    }

                    Steps.EnsureAllowed(question);
                    var response = await chat.GetResponseAsync(question);
                    Steps.EnsureAllowed(response.Text);
                    Steps.Record(response.Text);
                    return Ok(Steps.Label(response.Text));
                }
            }
            """);
    }

    [Fact]
    public async Task Views_render_ViewData_and_ViewBag()
    {
        await Verify("""
            [RequireRealName]
            public class PoemController(IChatClient chat) : Controller
            {
                public async Task<IActionResult> Poem(string topic)
                {
                    Steps.EnsureAllowed(topic);
                    var response = await chat.GetResponseAsync(topic);
                    Steps.EnsureAllowed(response.Text);
                    Steps.Record(response.Text);
                    ViewData["Poem"] = response.Text;
                    return {|DSYN001:View()|};
                }

                public async Task<IActionResult> Haiku(string topic)
                {
                    Steps.EnsureAllowed(topic);
                    var response = await chat.GetResponseAsync(topic);
                    Steps.EnsureAllowed(response.Text);
                    Steps.Record(response.Text);
                    ViewBag.Haiku = Steps.Label(response.Text);
                    return View();
                }
            }
            """);
    }

    [Fact]
    public async Task Content_a_helper_writes_into_a_channel_reaches_the_returned_reader()
    {
        await Verify("""
            [RequireRealName]
            public class StreamHub(IChatClient chat) : Hub
            {
                public System.Threading.Channels.ChannelReader<string> Stream(string question)
                {
                    Steps.EnsureAllowed(question);
                    var channel = System.Threading.Channels.Channel.CreateUnbounded<string>();
                    _ = WriteAsync(channel.Writer, question);
                    return {|DSYN001:{|DSYN003:{|DSYN005:channel.Reader|}|}|};
                }

                private async Task WriteAsync(System.Threading.Channels.ChannelWriter<string> writer, string question)
                {
                    await foreach (var update in chat.GetStreamingResponseAsync(question))
                    {
                        await writer.WriteAsync(update.Text);
                    }

                    writer.Complete();
                }
            }
            """);
    }

    [Fact]
    public async Task Fluent_builders_in_helpers_keep_the_content()
    {
        await Verify("""
            public static class Formatting
            {
                public static string ToBulletList(this string text)
                {
                    var builder = new StringBuilder();
                    foreach (var line in text.Split('\n'))
                    {
                        builder.Append("• ").AppendLine(line);
                    }

                    return builder.ToString();
                }
            }

            [RequireRealName]
            public class AnswerController(IChatClient chat) : ControllerBase
            {
                public async Task<IActionResult> Ask(string question)
                {
                    Steps.EnsureAllowed(question);
                    var answer = (await chat.GetResponseAsync(question)).Text;
                    return {|DSYN001:{|DSYN003:{|DSYN005:Ok(answer.ToBulletList())|}|}|};
                }
            }
            """);
    }

    [Fact]
    public async Task Parameter_level_content_publisher_and_structured_output()
    {
        await Verify("""
            public record Recipe(string Name, string[] Steps);

            public class SmsGateway
            {
                public Task SendAsync(string phone, [ContentPublisher] string body) => Task.CompletedTask;
            }

            [RequireRealName]
            public class KitchenController(IChatClient chat, SmsGateway sms) : ControllerBase
            {
                public async Task<IActionResult> Recipe(string ingredients)
                {
                    Steps.EnsureAllowed(ingredients);
                    var response = await chat.GetResponseAsync<Recipe>(ingredients);
                    Steps.Record(response.Text);
                    return {|DSYN001:{|DSYN003:Ok(response.Result)|}|};
                }

                public async Task<IActionResult> Sms(string phone, string topic)
                {
                    Steps.EnsureAllowed(topic);
                    var response = await chat.GetResponseAsync(topic);
                    Steps.EnsureAllowed(response.Text);
                    Steps.Record(response.Text);
                    await {|DSYN001:sms.SendAsync(phone, response.Text)|};
                    return Accepted();
                }
            }
            """);
    }

    [Fact]
    public async Task Each_generation_in_a_loop_keeps_its_own_audit_record()
    {
        await Verify("""
            [RequireRealName]
            public class SloganController(IChatClient chat) : ControllerBase
            {
                public async Task<IActionResult> Many(string brand)
                {
                    Steps.EnsureAllowed(brand);
                    var results = new List<string>();
                    for (var i = 0; i < 3; i++)
                    {
                        var response = await chat.GetResponseAsync(brand);
                        if (Steps.Review(response.Text).IsBlocked)
                        {
                            continue;
                        }

                        Steps.Record(response.Text);
                        results.Add(Steps.Label(response.Text));
                    }

                    return Ok(results);
                }
            }
            """);
    }

    [Fact]
    public async Task A_with_expression_that_puts_raw_text_back_is_unlabeled()
    {
        await Verify("""
            public record Article(string Title, string Body);

            [RequireRealName]
            public class ArticleController(IChatClient chat) : ControllerBase
            {
                public async Task<IActionResult> Draft(string notes)
                {
                    Steps.EnsureAllowed(notes);
                    var body = (await chat.GetResponseAsync(notes)).Text;
                    Steps.EnsureAllowed(body);
                    Steps.Record(body);
                    var draft = new Article("untitled", Steps.Label(body));
                    if (draft.Body.Length > 5000)
                    {
                        draft = draft with { Body = body[..5000] };
                    }

                    return {|DSYN001:Ok(draft)|};
                }
            }
            """);
    }

    [Fact]
    public async Task Lookups_by_key_or_id_do_not_carry_the_key()
    {
        await Verify("""
            public class DocumentStore { public Task<string> GetTextAsync(string documentId) => Task.FromResult("stored"); }

            [RequireRealName]
            public class SummaryController(IChatClient chat, DocumentStore store, Dictionary<string, string> sessions) : ControllerBase
            {
                public async Task<IActionResult> Summarize(string documentId, string sessionId)
                {
                    var document = await store.GetTextAsync(documentId);
                    sessions.TryGetValue(sessionId, out var history);
                    var response = await chat.GetResponseAsync(document + history);
                    Steps.EnsureAllowed(response.Text);
                    Steps.Record(response.Text);
                    return Ok(Steps.Label(response.Text));
                }
            }
            """);
    }
}
