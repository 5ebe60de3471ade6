using Microsoft.CodeAnalysis.Testing;
using Verifier = DeepSynth.TestSupport.AnalyzerVerifier<DeepSynth.Analyzers.ContentFlowAnalyzer>;

namespace DeepSynth.Analyzers.Tests.Flow;

/// <summary>
/// Reading a member of an object carries what was written into that member, not the whole object: error texts, statuses
/// and counts of a result wrapper are not generated content, whichever method built the wrapper. And a library call that
/// is handed generated text returns it only when its result can hold it.
/// </summary>
public class MemberPrecisionTests
{
    private const string Wrapper = """
        public sealed class AnswerResult
        {
            public AnswerResult(string answer)
            {
                Answer = answer;
                Status = "ok";
            }

            private AnswerResult() { }

            public static AnswerResult Failed(string message) => new AnswerResult { ErrorMessage = message, Status = "failed" };

            public string? Answer { get; private init; }
            public string? ErrorMessage { get; private init; }
            public string Status { get; private init; } = "";
            public string Preview => (Answer ?? "").Length > 20 ? Answer!.Substring(0, 20) : Answer ?? "";
        }

        public sealed class AnswerService(IChatClient chat)
        {
            public async Task<AnswerResult> AskAsync(string question)
            {
                if (question.Length == 0) return AnswerResult.Failed("empty question");
                var response = await chat.GetResponseAsync(question);
                return new AnswerResult(response.Text);
            }
        }
        """;

    private static Task Verify(string program, params DiagnosticResult[] expected) =>
        Verifier.VerifyAsync(program + Wrapper + TestSteps.Source, expected);

    [Fact]
    public async Task Status_and_error_message_of_a_wrapper_built_by_a_constructor_elsewhere_are_not_generated()
    {
        await Verify("""
            public static class Endpoints
            {
                public static void Map(WebApplication app) =>
                    app.MapPost("/ask", [RequireRealName] async (ChatRequest request, AnswerService service) =>
                    {
                        Steps.EnsureAllowed(request.Message);
                        var result = await service.AskAsync(request.Message);
                        if (result.Answer is null) return Results.BadRequest(result.ErrorMessage);
                        return Results.Ok(result.Status);
                    });
            }
            """);
    }

    [Fact]
    public async Task The_member_the_constructor_stored_generated_content_in_is_generated()
    {
        await Verify("""
            public static class Endpoints
            {
                public static void Map(WebApplication app) =>
                    app.MapPost("/ask", [RequireRealName] async (ChatRequest request, AnswerService service) =>
                    {
                        Steps.EnsureAllowed(request.Message);
                        var result = await service.AskAsync(request.Message);
                        return {|DSYN001:{|DSYN003:{|DSYN005:Results.Ok(result.Answer)|}|}|};
                    });
            }
            """);
    }

    [Fact]
    public async Task A_computed_property_over_generated_content_is_generated()
    {
        await Verify("""
            public static class Endpoints
            {
                public static void Map(WebApplication app) =>
                    app.MapPost("/ask", [RequireRealName] async (ChatRequest request, AnswerService service) =>
                    {
                        Steps.EnsureAllowed(request.Message);
                        var result = await service.AskAsync(request.Message);
                        return {|DSYN001:{|DSYN003:{|DSYN005:Results.Ok(result.Preview)|}|}|};
                    });
            }
            """);
    }

    [Fact]
    public async Task The_whole_wrapper_published_carries_its_generated_member()
    {
        await Verify("""
            public static class Endpoints
            {
                public static void Map(WebApplication app) =>
                    app.MapPost("/ask", [RequireRealName] async (ChatRequest request, AnswerService service) =>
                    {
                        Steps.EnsureAllowed(request.Message);
                        return {|DSYN001:{|DSYN003:{|DSYN005:Results.Ok(await service.AskAsync(request.Message))|}|}|};
                    });
            }
            """);
    }

    [Fact]
    public async Task Members_set_by_an_object_initializer_are_told_apart()
    {
        await Verify("""
            public sealed class Reply { public string Text { get; set; } = ""; public string Kind { get; set; } = ""; }

            public static class Endpoints
            {
                public static void Map(WebApplication app) =>
                    app.MapPost("/ask", [RequireRealName] async (ChatRequest request, IChatClient chat) =>
                    {
                        Steps.EnsureAllowed(request.Message);
                        var response = await chat.GetResponseAsync(request.Message);
                        var reply = new Reply { Text = Steps.Label(response.Text), Kind = "answer" };
                        Steps.EnsureAllowed(reply.Text);
                        Steps.Record(reply.Text);
                        if (reply.Kind == "answer") return Results.Ok(reply.Kind);
                        return Results.Ok(reply.Text);
                    });
            }
            """);
    }

    [Fact]
    public async Task A_member_written_by_a_method_of_the_object_after_construction_is_not_assumed_empty()
    {
        await Verify("""
            public sealed class Draft
            {
                public string Body { get; private set; } = "";
                public void Fill(string text) => Body = text;
            }

            public static class Endpoints
            {
                public static void Map(WebApplication app) =>
                    app.MapPost("/draft", [RequireRealName] async (ChatRequest request, IChatClient chat) =>
                    {
                        Steps.EnsureAllowed(request.Message);
                        var response = await chat.GetResponseAsync(request.Message);
                        var draft = new Draft();
                        draft.Fill(response.Text);
                        return {|DSYN001:{|DSYN003:{|DSYN005:Results.Ok(draft.Body)|}|}|};
                    });
            }
            """);
    }

    [Fact]
    public async Task A_library_call_that_returns_its_own_record_does_not_return_the_generated_text_it_was_given()
    {
        await Verify("""
            public static class Endpoints
            {
                public static void Map(WebApplication app) =>
                    app.MapPost("/ask", [RequireRealName] async (ChatRequest request, IChatClient chat, System.Net.Http.HttpClient http) =>
                    {
                        Steps.EnsureAllowed(request.Message);
                        var response = await chat.GetResponseAsync(request.Message);
                        using var sent = await http.PostAsync("https://example.invalid/store", new System.Net.Http.StringContent(response.Text));
                        return Results.Ok(sent.StatusCode.ToString() + sent.ReasonPhrase);
                    });
            }
            """);
    }

    [Fact]
    public async Task A_library_call_whose_result_holds_text_returns_the_generated_text()
    {
        await Verify("""
            public sealed record Structured(string Title, string Body);

            public static class Endpoints
            {
                public static void Map(WebApplication app) =>
                    app.MapPost("/ask", [RequireRealName] async (ChatRequest request, IChatClient chat) =>
                    {
                        Steps.EnsureAllowed(request.Message);
                        var response = await chat.GetResponseAsync(request.Message);
                        var parsed = System.Text.Json.JsonSerializer.Deserialize<Structured>(response.Text)!;
                        var html = System.Net.WebUtility.HtmlEncode(parsed.Body);
                        return {|DSYN001:{|DSYN003:{|DSYN005:Results.Ok(html)|}|}|};
                    });
            }
            """);
    }

    [Fact]
    public async Task An_object_built_here_and_wrapped_in_a_task_is_not_read_back_from_a_store()
    {
        // TipReply.Text holds generations elsewhere; Task.FromResult(reply) returns this reply, not a stored one.
        await Verifier.VerifyAsync("""
            using Microsoft.Extensions.AI;
            public sealed class TipReply { public string Text { get; set; } = ""; }
            [RequireRealName]
            public class TipController(IChatClient chat) : ControllerBase
            {
                [HttpGet("/a")]
                public async Task<TipReply> A() { var response = await chat.GetResponseAsync("x"); Steps.EnsureAllowed(response.Text); Steps.Record(response.Text); return {|DSYN001:new TipReply { Text = response.Text }|}; }
                [HttpGet("/c")]
                public Task<TipReply> C() { var reply = new TipReply { Text = "pong" }; return Task.FromResult(reply); }
                [HttpGet("/d")]
                public ValueTask<TipReply> D() => ValueTask.FromResult(new TipReply { Text = "pong" });
            }
            """ + TestSteps.Source);
    }

    [Fact]
    public async Task A_named_tuple_element_read_by_name_is_the_element_it_names()
    {
        // (string Subject, string Body): mail.Body is Item2, mail.Subject of a constant holds nothing generated.
        await Verifier.VerifyAsync("""
            using Microsoft.Extensions.AI;
            public sealed class Writer(IChatClient chat)
            {
                public async Task<(string Subject, string Body)> WriteAsync(string topic)
                {
                    var text = (await chat.GetResponseAsync(topic)).Text;
                    Steps.EnsureAllowed(text);
                    Steps.Record(text);
                    return ("Newsletter", text);
                }
            }
            [RequireRealName]
            public class MailController(Writer writer) : ControllerBase
            {
                [HttpPost("/body")]
                public async Task<IActionResult> Body() { var mail = await writer.WriteAsync("spring"); return {|DSYN001:Ok(mail.Body)|}; }
                [HttpPost("/subject")]
                public async Task<IActionResult> Subject() { var mail = await writer.WriteAsync("spring"); return Ok(mail.Subject); }
            }
            """ + TestSteps.Source);
    }
    [Fact]
    public async Task The_key_of_a_group_is_what_the_key_selector_returned()
    {
        // Stored appointments hold a generated reminder: grouped by hall, a group's Key is the hall's name, and the
        // counts beside it are numbers; the reminders of a group are still generated content.
        await Verify("""
            public sealed class Appointment { public string Hall { get; set; } = ""; public string Reminder { get; set; } = ""; }
            public sealed record HallStatus(string Hall, int Waiting);

            public sealed class AppointmentStore
            {
                public void Add(Appointment appointment) => System.IO.File.AppendAllText("appointments.jsonl", System.Text.Json.JsonSerializer.Serialize(appointment));
                public IEnumerable<Appointment> All => System.Text.Json.JsonSerializer.Deserialize<List<Appointment>>("[]")!;
            }

            public class RemindersController(IChatClient chat, AppointmentStore store) : ControllerBase
            {
                [HttpPost("/appointments")]
                public async Task<IActionResult> Book(string hall)
                {
                    var reminder = await chat.GetResponseAsync("Write a reminder");
                    var appointment = new Appointment { Hall = hall };
                    appointment.Reminder = reminder.Text;
                    store.Add(appointment);
                    return Accepted();
                }

                [HttpGet("/halls")]
                public IActionResult Halls() => Ok(store.All.GroupBy(a => a.Hall).Select(g => new HallStatus(g.Key, g.Count())).ToList());

                [HttpGet("/halls/reminders")]
                public IActionResult Reminders() =>
                    {|DSYN001:{|DSYN002:{|DSYN003:{|DSYN005:Ok(store.All.GroupBy(a => a.Hall).Select(g => new { g.Key, Texts = g.Select(a => a.Reminder).ToList() }).ToList())|}|}|}|};
            }
            """);
    }
}
