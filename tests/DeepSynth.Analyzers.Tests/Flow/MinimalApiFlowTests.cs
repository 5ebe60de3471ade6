using Microsoft.CodeAnalysis;
using DeepSynth.Analyzers;
using Microsoft.CodeAnalysis.Testing;
using Verifier = DeepSynth.TestSupport.AnalyzerVerifier<DeepSynth.Analyzers.ContentFlowAnalyzer>;

namespace DeepSynth.Analyzers.Tests.Flow;

public class MinimalApiFlowTests
{
    private const string Steps = """
        public static class Steps
        {
            [AigcLabeler] public static string Label(string text) => "AI生成：" + text;
            [ContentReviewer] public static void EnsureAllowed(string text) { }
            [IdentityVerifier] public static void EnsureRealName(HttpContext context) { }
            [SynthesisAuditor] public static void Record(string content) { }
        }
        public record ChatRequest(string Message);
        """;

    [Fact]
    public async Task Lambda_handler_returning_generated_text_misses_every_duty()
    {
        var source = """
            var app = WebApplication.CreateBuilder(args).Build();
            app.MapPost("/chat", async (ChatRequest request, IChatClient chat) =>
            {
                var response = await {|#1:chat.GetResponseAsync(request.Message)|};
                return {|#0:response.Text|};
            });
            app.Run();
            """ + Steps;

        await Verifier.VerifyProgramAsync(source,
            Verifier.Diagnostic("DSYN001").WithLocation(0).WithLocation(1),
            Verifier.Diagnostic("DSYN002").WithLocation(0).WithLocation(1),
            Verifier.Diagnostic("DSYN003").WithLocation(0).WithLocation(1),
            Verifier.Diagnostic("DSYN005").WithLocation(0).WithLocation(1),
            Verifier.Diagnostic("DSYN004").WithLocation(1).WithOptions(DiagnosticOptions.IgnoreAdditionalLocations));
    }

    [Fact]
    public async Task Lambda_handler_with_every_step_is_clean()
    {
        var source = """
            var app = WebApplication.CreateBuilder(args).Build();
            app.MapPost("/chat", async (ChatRequest request, IChatClient chat, HttpContext http) =>
            {
                Steps.EnsureRealName(http);
                Steps.EnsureAllowed(request.Message);
                var response = await chat.GetResponseAsync(request.Message);
                Steps.EnsureAllowed(response.Text);
                Steps.Record(response.Text);
                return Results.Ok(Steps.Label(response.Text));
            });
            app.Run();
            """ + Steps;

        await Verifier.VerifyProgramAsync(source);
    }
}

public class MinimalApiConventionTests
{
    private static Task Verify(string program, params DiagnosticResult[] expected) =>
        Verifier.VerifyProgramAsync(program + TestSteps.Source, expected);

    private const string CompliantBody = """
            {
                Steps.EnsureAllowed(request.Message);
                var response = await chat.GetResponseAsync(request.Message);
                Steps.EnsureAllowed(response.Text);
                Steps.Record(response.Text);
                return Results.Ok(Steps.Label(response.Text));
            }
        """;

    [Fact]
    public async Task Route_convention_group_convention_and_group_statement_require_real_name()
    {
        await Verify($$"""
            var app = WebApplication.CreateBuilder(args).Build();
            app.MapPost("/a", async (ChatRequest request, IChatClient chat) =>
            {{CompliantBody}}).RequireRealName().WithName("a");

            var api = app.MapGroup("/api").RequireRealName();
            api.MapPost("/b", async (ChatRequest request, IChatClient chat) =>
            {{CompliantBody}});

            var v2 = app.MapGroup("/v2");
            v2.RequireRealName();
            v2.MapPost("/c", async (ChatRequest request, IChatClient chat) =>
            {{CompliantBody}});

            app.MapPost("/d", [RequireRealName] async (ChatRequest request, IChatClient chat) =>
            {{CompliantBody}});
            app.Run();

            public static class RealNameConventions
            {
                public static TBuilder RequireRealName<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder => builder;
            }
            """);
    }

    [Fact]
    public async Task Unprotected_route_and_allow_anonymous_are_reported()
    {
        var body = CompliantBody.Replace("return Results.Ok(", "return {|DSYN002:Results.Ok(").Replace("response.Text));", "response.Text))|};");
        await Verify($$"""
            var app = WebApplication.CreateBuilder(args).Build();
            app.MapPost("/a", async (ChatRequest request, IChatClient chat) =>
            {{body}});
            var api = app.MapGroup("/api").RequireRealName();
            api.MapPost("/b", async (ChatRequest request, IChatClient chat) =>
            {{body}}).AllowAnonymous();
            app.Run();

            public static class RealNameConventions
            {
                public static TBuilder RequireRealName<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder => builder;
            }
            """);
    }

    [Fact]
    public async Task Configured_policy_counts_as_real_name_verification()
    {
        var source = $$"""
            var app = WebApplication.CreateBuilder(args).Build();
            app.MapPost("/a", async (ChatRequest request, IChatClient chat) =>
            {{CompliantBody}}).RequireAuthorization("RealNameVerified");
            app.Run();
            """ + TestSteps.Source;

        await Verifier.VerifyAsync(new[] { source }, OutputKind.ConsoleApplication,
            test => test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", "root = true\n[*.cs]\ndeepsynth.identity_policies = RealNameVerified, Other\n")));
    }

    [Fact]
    public async Task Method_group_handler_is_an_entry_point_with_its_route_conventions()
    {
        await Verify("""
            var app = WebApplication.CreateBuilder(args).Build();
            app.MapPost("/ask", ChatEndpoints.Ask);
            app.MapPost("/verified", ChatEndpoints.Verified).RequireRealName();
            app.Run();

            public static class ChatEndpoints
            {
                public static async Task<IResult> Ask(ChatRequest request, IChatClient chat)
                {
                    var response = await {|DSYN004:chat.GetResponseAsync(request.Message)|};
                    return {|DSYN001:{|DSYN002:{|DSYN003:{|DSYN005:TypedResults.Ok(response.Text)|}|}|}|};
                }

                public static async Task<IResult> Verified(ChatRequest request, IChatClient chat)
                {
                    Steps.EnsureAllowed(request.Message);
                    var response = await chat.GetResponseAsync(request.Message);
                    Steps.EnsureAllowed(response.Text);
                    Steps.Record(response.Text);
                    return TypedResults.Text(Steps.Label(response.Text));
                }
            }

            public static class RealNameConventions
            {
                public static TBuilder RequireRealName<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder => builder;
            }
            """);
    }

    [Fact]
    public async Task Response_writes_streams_and_middleware_are_publish_points()
    {
        await Verify("""
            var app = WebApplication.CreateBuilder(args).Build();
            app.MapGet("/write", async (HttpContext context, IChatClient chat) =>
            {
                Steps.EnsureRealName(context);
                var response = await chat.GetResponseAsync("Tell a joke");
                Steps.EnsureAllowed(response.Text);
                Steps.Record(response.Text);
                await {|DSYN001:context.Response.WriteAsync(response.Text)|};
                await using var writer = new StreamWriter(context.Response.Body);
                await {|DSYN001:writer.WriteAsync(response.Text)|};
            });
            app.MapGet("/stream", (IChatClient chat, HttpContext context) =>
            {
                Steps.EnsureRealName(context);
                return Results.Stream(async body =>
                {
                    var response = await chat.GetResponseAsync("Tell a joke");
                    Steps.EnsureAllowed(response.Text);
                    Steps.Record(response.Text);
                    await {|DSYN001:body.WriteAsync(Encoding.UTF8.GetBytes(response.Text))|};
                });
            });
            app.Use(async (HttpContext context, RequestDelegate next) =>
            {
                var chat = context.RequestServices.GetService(typeof(IChatClient)) as IChatClient;
                var question = context.Request.Query["q"].ToString();
                var response = await {|DSYN004:chat!.GetResponseAsync(question)|};
                Steps.EnsureAllowed(response.Text);
                Steps.Record(response.Text);
                await {|DSYN001:{|DSYN002:context.Response.WriteAsJsonAsync(new { answer = response.Text })|}|};
            });
            app.Run();
            """);
    }

    [Fact]
    public async Task Handler_that_generates_nothing_is_clean()
    {
        await Verify("""
            var app = WebApplication.CreateBuilder(args).Build();
            app.MapGet("/health", () => Results.Ok("healthy"));
            app.MapPost("/echo", (ChatRequest request) => Results.Ok(request.Message));
            app.Run();
            """);
    }
}
