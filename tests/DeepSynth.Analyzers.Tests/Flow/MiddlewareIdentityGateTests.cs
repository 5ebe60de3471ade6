using DeepSynth.TestSupport;
using Microsoft.CodeAnalysis;

namespace DeepSynth.Analyzers.Tests.Flow;

/// <summary>
/// Real-name verification done by a middleware in front of every endpoint: the SDK's gate (<c>IRealNameGate.EnsureVerifiedAsync</c>,
/// which throws for an unverified user) called before the next delegate covers the controllers, minimal APIs and hubs
/// behind it. A gate after <c>next</c>, inside a branch, or a check whose answer is not acted on does not.
/// </summary>
public class MiddlewareIdentityGateTests
{
    private const string Endpoints = AskControllerSource.Text + """

        public class RealNameMiddleware
        {
            private readonly Microsoft.AspNetCore.Http.RequestDelegate _next;
            public RealNameMiddleware(Microsoft.AspNetCore.Http.RequestDelegate next) { _next = next; }

            public async Task InvokeAsync(Microsoft.AspNetCore.Http.HttpContext context, DeepSynth.Compliance.RealName.IRealNameGate gate)
            {
                MIDDLEWARE
            }
        }
        """;

    private const string Gate = "await ctx.RequestServices.GetRequiredService<DeepSynth.Compliance.RealName.IRealNameGate>().EnsureVerifiedAsync(ctx.User);";

    private static async Task<(bool Unverified, bool Published)> RunAsync(string program, string middleware = "await _next(context);", string attribute = "")
    {
        var source = "using Microsoft.AspNetCore.Builder;\nusing Microsoft.AspNetCore.Http;\nusing Microsoft.Extensions.AI;\nusing Microsoft.Extensions.DependencyInjection;\n" +
                     "var builder = WebApplication.CreateBuilder(args);\nbuilder.Services.AddControllers();\nvar app = builder.Build();\n" + program +
                     "\napp.MapControllers();\napp.MapGet(\"/hello\", async (IChatClient chat) => Results.Ok((await chat.GetResponseAsync(\"Say hello\")).Text));\napp.Run();\n";
        var run = await AnalyzerRunner.RunAsync(
            AnalyzerRunner.Compile([Endpoints.Replace("ATTRIBUTE", attribute).Replace("MIDDLEWARE", middleware), source], OutputKind.ConsoleApplication),
            [new ContentFlowAnalyzer()]);
        Assert.Empty(run.Exceptions);
        var dsyn001 = run.Diagnostics.Count(d => d.Id == "DSYN001");
        return (run.Diagnostics.Any(d => d.Id == "DSYN002"), dsyn001 == 2);
    }

    [Theory]
    [InlineData("app.Use(async (ctx, next) => { " + Gate + " await next(); });")]
    [InlineData("app.Use(async (HttpContext ctx, Func<Task> next) => { var user = ctx.User; " + Gate + " await next(); });")]
    [InlineData("app.UseMiddleware<RealNameMiddleware>();", "await gate.EnsureVerifiedAsync(context.User); await _next(context);")]
    // A boolean check acted on: the request stops when it fails, or goes on only when it holds.
    [InlineData("app.UseMiddleware<RealNameMiddleware>();", "if (!await gate.IsVerifiedAsync(context.User.Identity!.Name!)) { context.Response.StatusCode = 403; return; } await _next(context);")]
    [InlineData("app.UseMiddleware<RealNameMiddleware>();", "var verified = await gate.IsVerifiedAsync(context.User.Identity!.Name!); if (verified == false) { throw new UnauthorizedAccessException(); } await _next(context);")]
    [InlineData("app.UseMiddleware<RealNameMiddleware>();", "if (await gate.IsVerifiedAsync(context.User.Identity!.Name!)) { await _next(context); } else { context.Response.StatusCode = 403; }")]
    public async Task A_gate_before_the_next_delegate_verifies_identity_for_every_endpoint(string program, string middleware = "await _next(context);")
    {
        var (unverified, published) = await RunAsync(program, middleware);

        Assert.True(published, "both endpoints still publish unlabeled content");
        Assert.False(unverified);
    }

    [Fact]
    public async Task AllowAnonymous_does_not_bypass_a_middleware_gate()
    {
        var (unverified, _) = await RunAsync("app.Use(async (ctx, next) => { " + Gate + " await next(); });", attribute: "[AllowAnonymous]");

        Assert.False(unverified);
    }

    [Theory]
    [InlineData("app.Use(async (ctx, next) => { await next(); " + Gate + " });")]
    [InlineData("app.Use(async (ctx, next) => { if (ctx.Request.Path.StartsWithSegments(\"/ask\")) { " + Gate + " } await next(); });")]
    [InlineData("app.Use(async (ctx, next) => { await ctx.RequestServices.GetRequiredService<DeepSynth.Compliance.RealName.IRealNameVerifier>().GetVerificationAsync(\"u\"); await next(); });")]
    [InlineData("app.Use(async (ctx, next) => { await next(); });")]
    [InlineData("app.UseMiddleware<RealNameMiddleware>();", "await _next(context); await gate.EnsureVerifiedAsync(context.User);")]
    // A boolean check whose failure does not stop the request, or that lets it on either way.
    [InlineData("app.UseMiddleware<RealNameMiddleware>();", "if (!await gate.IsVerifiedAsync(context.User.Identity!.Name!)) { context.Response.Headers[\"X-Unverified\"] = \"1\"; } await _next(context);")]
    [InlineData("app.UseMiddleware<RealNameMiddleware>();", "var verified = await gate.IsVerifiedAsync(context.User.Identity!.Name!); await _next(context);")]
    [InlineData("app.UseMiddleware<RealNameMiddleware>();", "if (await gate.IsVerifiedAsync(context.User.Identity!.Name!)) { await _next(context); } await _next(context);")]
    public async Task A_gate_after_next_in_a_branch_or_a_result_not_acted_on_does_not(string program, string middleware = "await _next(context);")
    {
        var (unverified, published) = await RunAsync(program, middleware);

        Assert.True(published);
        Assert.True(unverified);
    }
}
