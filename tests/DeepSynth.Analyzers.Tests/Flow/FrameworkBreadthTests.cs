using Microsoft.CodeAnalysis.Testing;
using Verifier = DeepSynth.TestSupport.AnalyzerVerifier<DeepSynth.Analyzers.ContentFlowAnalyzer>;

namespace DeepSynth.Analyzers.Tests.Flow;

/// <summary>
/// Frameworks of the breadth survey (issue 14) against their real packages: FastEndpoints endpoints, Carter modules,
/// MassTransit consumers, Hangfire jobs. Each must be found where it publishes, and their plain endpoints must not.
/// </summary>
public class FrameworkBreadthTests
{
    private static Task Verify(string program, params DiagnosticResult[] expected) =>
        Verifier.VerifyAsync("using Microsoft.Extensions.AI;\n" + program + TestSteps.Source, expected);

    [Fact]
    public async Task FastEndpoints_endpoint_sending_a_generated_answer_is_found()
    {
        await Verify("""
            public sealed record AskRequest(string Question);
            public sealed record AskResponse(string Answer, string Model);

            public sealed class AskEndpoint(IChatClient chat) : FastEndpoints.Endpoint<AskRequest, AskResponse>
            {
                public override void Configure() { Post("/ask"); AllowAnonymous(); }

                public override async Task HandleAsync(AskRequest req, CancellationToken ct)
                {
                    var response = await {|DSYN004:chat.GetResponseAsync(req.Question, cancellationToken: ct)|};
                    await {|DSYN001:{|DSYN002:{|DSYN003:{|DSYN005:Send.OkAsync(new AskResponse(response.Text, response.ModelId ?? ""), ct)|}|}|}|};
                }
            }

            public sealed class ModelEndpoint(IChatClient chat) : FastEndpoints.EndpointWithoutRequest<string>
            {
                public override void Configure() { Get("/model"); AllowAnonymous(); }

                public override async Task HandleAsync(CancellationToken ct)
                {
                    var response = await chat.GetResponseAsync("ping", cancellationToken: ct);
                    await Send.StringAsync(response.ModelId ?? "unknown", cancellation: ct);
                }
            }
            """);
    }

    [Fact]
    public async Task FastEndpoints_real_name_required_in_Configure_is_read()
    {
        await Verify("""
            public sealed record AskRequest(string Question);

            public sealed class VerifiedAskEndpoint(IChatClient chat) : FastEndpoints.Endpoint<AskRequest, string>
            {
                public override void Configure()
                {
                    Post("/ask/verified");
                    Options(b => b.RequireRealName());
                }

                public override async Task HandleAsync(AskRequest req, CancellationToken ct)
                {
                    var response = await {|DSYN004:chat.GetResponseAsync(req.Question, cancellationToken: ct)|};
                    await {|DSYN001:{|DSYN003:{|DSYN005:Send.OkAsync(response.Text, ct)|}|}|};
                }
            }

            public sealed class PolicyAskEndpoint(IChatClient chat) : FastEndpoints.Endpoint<AskRequest, string>
            {
                public override void Configure()
                {
                    Post("/ask/policy");
                    Policies(DeepSynth.Compliance.RealNamePolicy.Name);
                }

                public override async Task HandleAsync(AskRequest req, CancellationToken ct)
                {
                    var response = await {|DSYN004:chat.GetResponseAsync(req.Question, cancellationToken: ct)|};
                    await {|DSYN001:{|DSYN003:{|DSYN005:Send.OkAsync(response.Text, ct)|}|}|};
                }
            }

            public sealed class RolesAskEndpoint(IChatClient chat) : FastEndpoints.Endpoint<AskRequest, string>
            {
                public override void Configure()
                {
                    Post("/ask/roles");
                    Roles("seller");
                }

                public override async Task HandleAsync(AskRequest req, CancellationToken ct)
                {
                    var response = await {|DSYN004:chat.GetResponseAsync(req.Question, cancellationToken: ct)|};
                    await {|DSYN001:{|DSYN002:{|DSYN003:{|DSYN005:Send.OkAsync(response.Text, ct)|}|}|}|};
                }
            }
            """);
    }

    [Fact]
    public async Task FastEndpoints_response_returned_from_ExecuteAsync_is_published()
    {
        await Verify("""
            public sealed record AskRequest(string Question);

            public sealed class SloganEndpoint(IChatClient chat) : FastEndpoints.Endpoint<AskRequest, string>
            {
                public override void Configure() { Post("/slogan"); AllowAnonymous(); }

                public override async Task<string> ExecuteAsync(AskRequest req, CancellationToken ct)
                {
                    var response = await {|DSYN004:chat.GetResponseAsync(req.Question, cancellationToken: ct)|};
                    return {|DSYN001:{|DSYN002:{|DSYN003:{|DSYN005:response.Text|}|}|}|};
                }
            }

            public sealed class EchoEndpoint : FastEndpoints.Endpoint<AskRequest, string>
            {
                public override void Configure() { Post("/echo"); AllowAnonymous(); }

                public override Task<string> ExecuteAsync(AskRequest req, CancellationToken ct) => Task.FromResult(req.Question);
            }
            """);
    }

    [Fact]
    public async Task Carter_module_routes_are_minimal_api_handlers()
    {
        await Verify("""
            public sealed class TitleModule : Carter.ICarterModule
            {
                public void AddRoutes(Microsoft.AspNetCore.Routing.IEndpointRouteBuilder app)
                {
                    app.MapPost("/titles", async (AskRequestBody body, IChatClient chat) =>
                    {
                        var response = await {|DSYN004:chat.GetResponseAsync(body.Product)|};
                        return {|DSYN001:{|DSYN002:{|DSYN003:{|DSYN005:Results.Ok(response.Text)|}|}|}|};
                    });
                    app.MapGet("/titles/count", () => Results.Ok(42));
                }
            }
            public sealed record AskRequestBody(string Product);
            """);
    }

    [Fact]
    public async Task MassTransit_consumer_that_mails_a_generated_text_is_found()
    {
        await Verify("""
            public sealed record ReviewSubmitted(string Email, string Text);

            public sealed class ReplyConsumer(IChatClient chat, System.Net.Mail.SmtpClient smtp) : MassTransit.IConsumer<ReviewSubmitted>
            {
                public async Task Consume(MassTransit.ConsumeContext<ReviewSubmitted> context)
                {
                    var reply = await {|DSYN004:chat.GetResponseAsync("Answer this review: " + context.Message.Text)|};
                    await {|DSYN001:{|DSYN003:{|DSYN005:smtp.SendMailAsync("shop@example.com", context.Message.Email, "Thanks", reply.Text)|}|}|};
                }
            }
            """);
    }

    [Fact]
    public async Task Hangfire_job_that_mails_a_generated_digest_is_found_without_identity_duty()
    {
        await Verify("""
            public sealed class DigestJob(IChatClient chat, System.Net.Mail.SmtpClient smtp)
            {
                public async Task RunAsync()
                {
                    var digest = await chat.GetResponseAsync("Write today's digest");
                    await {|DSYN001:{|DSYN003:{|DSYN005:smtp.SendMailAsync("shop@example.com", "all@example.com", "Digest", digest.Text)|}|}|};
                }
            }
            public static class Jobs
            {
                public static void Schedule() => Hangfire.RecurringJob.AddOrUpdate<DigestJob>("digest", job => job.RunAsync(), Hangfire.Cron.Daily());
            }
            """);
    }

    [Fact]
    public async Task An_attribute_with_an_array_argument_on_an_action_does_not_stop_the_analysis()
    {
        // TypedConstant.Value throws on an array: [Tags("a", "b")] once skipped the whole action (DSYN999).
        await Verify("""
            public class TagsController(IChatClient chat) : ControllerBase
            {
                [HttpPost("/tagged"), Tags("copy", "titles")]
                public async Task<IActionResult> Tagged([FromBody] ChatRequest request)
                {
                    var response = await {|DSYN004:chat.GetResponseAsync(request.Message)|};
                    return {|DSYN001:{|DSYN002:{|DSYN003:{|DSYN005:Ok(response.Text)|}|}|}|};
                }
            }
            """);
    }
}
