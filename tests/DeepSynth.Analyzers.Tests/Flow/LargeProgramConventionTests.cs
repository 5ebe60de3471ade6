using Verifier = DeepSynth.TestSupport.AnalyzerVerifier<DeepSynth.Analyzers.ContentFlowAnalyzer>;

namespace DeepSynth.Analyzers.Tests.Flow;

/// <summary>
/// Route conventions read from a Program.cs large enough that the engine binds each registration statement on its own
/// (speculatively) instead of the whole body: every form of convention must still be seen, and a missing one reported.
/// </summary>
public class LargeProgramConventionTests
{
    private static readonly string Filler = string.Concat(Enumerable.Range(0, 20).Select(i => $"app.MapGet(\"/health{i}\", () => \"ok\");\n"));

    private const string Handlers = """
        public static class ChatEndpoints
        {
            public static async Task<IResult> Ask(ChatRequest request, IChatClient chat)
            {
                Steps.EnsureAllowed(request.Message);
                var response = await chat.GetResponseAsync(request.Message);
                Steps.EnsureAllowed(response.Text);
                Steps.Record(response.Text);
                return TypedResults.Text(Steps.Label(response.Text));
            }

            public static async Task<IResult> Unprotected(ChatRequest request, IChatClient chat)
            {
                Steps.EnsureAllowed(request.Message);
                var response = await chat.GetResponseAsync(request.Message);
                Steps.EnsureAllowed(response.Text);
                Steps.Record(response.Text);
                return {|DSYN002:TypedResults.Text(Steps.Label(response.Text))|};
            }
        }

        public class ChatHub(IChatClient chat) : Hub
        {
            public async Task<string> Ask(string question)
            {
                Steps.EnsureAllowed(question);
                var response = await chat.GetResponseAsync(question);
                Steps.EnsureAllowed(response.Text);
                Steps.Record(response.Text);
                return Steps.Label(response.Text);
            }
        }

        public class OpenHub(IChatClient chat) : Hub
        {
            public async Task<string> Ask(string question)
            {
                Steps.EnsureAllowed(question);
                var response = await chat.GetResponseAsync(question);
                Steps.EnsureAllowed(response.Text);
                Steps.Record(response.Text);
                return {|DSYN002:Steps.Label(response.Text)|};
            }
        }

        public static class RealNameConventions
        {
            public static TBuilder RequireRealName<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder => builder;
        }
        """;

    [Theory]
    [InlineData("var api = app.MapGroup(\"/api\").RequireRealName();\napi.MapPost(\"/ask\", ChatEndpoints.Ask);")]
    [InlineData("var v2 = app.MapGroup(\"/v2\");\nv2.RequireRealName();\nv2.MapPost(\"/ask\", ChatEndpoints.Ask);")]
    [InlineData("var ask = app.MapPost(\"/ask\", ChatEndpoints.Ask);\nask.RequireRealName();")]
    [InlineData("app.MapPost(\"/ask\", ChatEndpoints.Ask).WithName(\"ask\").RequireRealName();")]
    public async Task Handler_conventions_are_read_from_a_large_program(string registration)
    {
        await Verify(registration);
    }

    [Fact]
    public async Task Handler_without_conventions_in_a_large_program_is_reported()
    {
        await Verify("""
            var open = app.MapGroup("/open");
            open.MapPost("/ask", ChatEndpoints.Ask);
            """, askIsUnprotected: true);
    }

    private static Task Verify(string registration, bool askIsUnprotected = false)
    {
        var handlers = askIsUnprotected
            ? Handlers.Replace("return TypedResults.Text(Steps.Label(response.Text));\n    }\n\n    public static async Task<IResult> Unprotected", "return {|DSYN002:TypedResults.Text(Steps.Label(response.Text))|};\n    }\n\n    public static async Task<IResult> Unprotected")
            : Handlers;
        var program = "var app = WebApplication.CreateBuilder(args).Build();\n" + Filler + registration + "\n" + """
            app.MapPost("/unprotected", ChatEndpoints.Unprotected);
            var hubs = app.MapGroup("/hubs");
            hubs.RequireRealName();
            hubs.MapHub<ChatHub>("/chat");
            app.MapHub<OpenHub>("/open");
            app.Run();

            """ + handlers + TestSteps.Source;
        return Verifier.VerifyProgramAsync(program);
    }
}
