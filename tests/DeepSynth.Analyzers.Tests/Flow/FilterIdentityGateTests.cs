using DeepSynth.TestSupport;
using Microsoft.CodeAnalysis;

namespace DeepSynth.Analyzers.Tests.Flow;

/// <summary>
/// Real-name verification done by a filter in front of what it guards (the real ASP.NET Core MVC and minimal-API filter
/// interfaces): an action filter registered globally or named by <c>[ServiceFilter]</c>, a filter attribute, and an
/// endpoint filter on a route, each calling the SDK's gate (<c>IRealNameGate.EnsureVerifiedAsync</c>, which throws for an
/// unverified user) before the next delegate. A filter that gates after <c>next</c>, only logs, or asks a boolean
/// question it does not act on verifies nothing; neither does a gating filter on another route.
/// </summary>
public class FilterIdentityGateTests
{
    private const string Filters = """
        using Microsoft.AspNetCore.Http;
        using Microsoft.AspNetCore.Mvc;
        using Microsoft.AspNetCore.Mvc.Filters;
        using Microsoft.Extensions.DependencyInjection;
        using DeepSynth.Compliance.RealName;

        public class RealNameFilter : IAsyncActionFilter
        {
            private readonly IRealNameGate _gate;
            public RealNameFilter(IRealNameGate gate) { _gate = gate; }

            public async Task OnActionExecutionAsync(ActionExecutingContext context, ActionExecutionDelegate next)
            {
                ACTION_FILTER
            }
        }

        public class RequireVerifiedUserAttribute : ActionFilterAttribute
        {
            public override async Task OnActionExecutionAsync(ActionExecutingContext context, ActionExecutionDelegate next)
            {
                await context.HttpContext.RequestServices.GetRequiredService<IRealNameGate>().EnsureVerifiedAsync(context.HttpContext.User);
                await next();
            }
        }

        public class RealNameEndpointFilter : IEndpointFilter
        {
            private readonly IRealNameGate _gate;
            public RealNameEndpointFilter(IRealNameGate gate) { _gate = gate; }

            public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
            {
                await _gate.EnsureVerifiedAsync(context.HttpContext.User);
                return await next(context);
            }
        }
        """;

    private const string GateThenNext = "await _gate.EnsureVerifiedAsync(context.HttpContext.User); await next();";

    /// <summary>Whether DSYN002 is reported for the controller action (line 13 of its file) and the minimal API (Program.cs).</summary>
    private static async Task<(bool Action, bool MinimalApi)> UnverifiedAsync(string controllers, string route = "", string attribute = "", string actionFilter = GateThenNext)
    {
        var program = "using Microsoft.AspNetCore.Builder;\nusing Microsoft.AspNetCore.Http;\nusing Microsoft.Extensions.AI;\nusing Microsoft.Extensions.DependencyInjection;\n" +
                      "var builder = WebApplication.CreateBuilder(args);\nbuilder.Services.AddControllers(" + controllers + ");\nvar app = builder.Build();\napp.MapControllers();\n" +
                      "app.MapGet(\"/hello\", async (IChatClient chat) => Results.Ok((await chat.GetResponseAsync(\"Say hello\")).Text))" + route + ";\napp.Run();\n";
        var run = await AnalyzerRunner.RunAsync(
            AnalyzerRunner.Compile([AskControllerSource.Text.Replace("ATTRIBUTE", attribute), Filters.Replace("ACTION_FILTER", actionFilter), program], OutputKind.ConsoleApplication),
            [new ContentFlowAnalyzer()]);
        Assert.Empty(run.Exceptions);
        Assert.DoesNotContain(run.Diagnostics, d => d.Severity == DiagnosticSeverity.Error);

        // Both endpoints still publish unlabeled content: the filters verify identity, nothing more.
        Assert.Equal(2, run.Diagnostics.Count(d => d.Id == "DSYN001"));
        var unverified = run.Diagnostics.Where(d => d.Id == "DSYN002").Select(d => d.Location.SourceTree).ToList();
        return (unverified.Any(t => t?.GetText().ToString().Contains("AskController") == true), unverified.Any(t => t?.GetText().ToString().Contains("MapGet") == true));
    }

    [Theory]
    [InlineData("options => options.Filters.Add<RealNameFilter>()")]
    [InlineData("options => options.Filters.Add(typeof(RealNameFilter))")]
    [InlineData("options => options.Filters.AddService<RealNameFilter>()")]
    [InlineData("options => options.Filters.Add(new RequireVerifiedUserAttribute())")]
    public async Task A_global_MVC_filter_that_gates_first_verifies_identity_for_every_action(string controllers)
    {
        Assert.Equal((false, true), await UnverifiedAsync(controllers));
    }

    [Theory]
    [InlineData("[ServiceFilter(typeof(RealNameFilter))]")]
    [InlineData("[TypeFilter(typeof(RealNameFilter))]")]
    [InlineData("[RequireVerifiedUser]")]
    public async Task A_filter_named_on_the_action_verifies_identity_for_it(string attribute)
    {
        Assert.Equal((false, true), await UnverifiedAsync(string.Empty, attribute: attribute));
    }

    [Theory]
    [InlineData(".AddEndpointFilter<RealNameEndpointFilter>()")]
    [InlineData(".AddEndpointFilter(async (context, next) => { await context.HttpContext.RequestServices.GetRequiredService<DeepSynth.Compliance.RealName.IRealNameGate>().EnsureVerifiedAsync(context.HttpContext.User); return await next(context); })")]
    public async Task An_endpoint_filter_that_gates_first_verifies_identity_for_its_route(string route)
    {
        Assert.Equal((true, false), await UnverifiedAsync(string.Empty, route));
    }

    [Theory]
    [InlineData("await next(); await _gate.EnsureVerifiedAsync(context.HttpContext.User);")]
    [InlineData("System.Console.WriteLine(context.ActionDescriptor.DisplayName); await next();")]
    [InlineData("if (context.HttpContext.User.Identity?.IsAuthenticated == true) { await _gate.EnsureVerifiedAsync(context.HttpContext.User); } await next();")]
    public async Task A_filter_that_gates_after_next_in_a_branch_or_not_at_all_verifies_nothing(string actionFilter)
    {
        Assert.Equal((true, true), await UnverifiedAsync("options => options.Filters.Add<RealNameFilter>()", actionFilter: actionFilter));
    }

    [Fact]
    public async Task A_gating_endpoint_filter_covers_only_the_route_it_is_added_to()
    {
        // The filter is added to another route: /hello and the controller action stay unverified.
        var (action, minimalApi) = await UnverifiedAsync(string.Empty, ";\napp.MapGet(\"/other\", () => \"x\").AddEndpointFilter<RealNameEndpointFilter>()");

        Assert.True(action);
        Assert.True(minimalApi);
    }
}
