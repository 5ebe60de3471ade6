using DeepSynth.TestSupport;
using Microsoft.CodeAnalysis;

namespace DeepSynth.Analyzers.Tests.Flow;

/// <summary>
/// Real-name verification done by a SignalR hub filter (the real <c>IHubFilter</c>) in front of the hub methods it
/// covers: added for every hub (<c>AddSignalR(o => o.AddFilter&lt;T&gt;())</c>, <c>AddFilter(typeof(T))</c>) or for one hub
/// (<c>.AddHubOptions&lt;THub&gt;(o => ...)</c>). A filter that gates after <c>next</c>, or is added for another hub, verifies nothing.
/// </summary>
public class HubFilterIdentityGateTests
{
    private const string Hubs = """
        using Microsoft.AspNetCore.SignalR;
        using Microsoft.Extensions.AI;
        using DeepSynth.Compliance.RealName;

        public class ChatHub(IChatClient chat) : Hub
        {
            public async Task<string> Ask(string question) => (await chat.GetResponseAsync("写一首关于春天的诗")).Text;
        }

        public class OtherHub(IChatClient chat) : Hub
        {
            public async Task<string> Ask(string question) => (await chat.GetResponseAsync("写一首关于秋天的诗")).Text;
        }

        public class RealNameHubFilter(IRealNameGate gate) : IHubFilter
        {
            public async ValueTask<object?> InvokeMethodAsync(HubInvocationContext invocationContext, Func<HubInvocationContext, ValueTask<object?>> next)
            {
                FILTER
            }
        }
        """;

    private const string GateThenNext = "await gate.EnsureVerifiedAsync(invocationContext.Context.User!); return await next(invocationContext);";

    /// <summary>Which hubs (ChatHub, OtherHub) are reported DSYN002 for their Ask method.</summary>
    private static async Task<(bool Chat, bool Other)> UnverifiedAsync(string signalR, string filter = GateThenNext)
    {
        var program = "using Microsoft.AspNetCore.Builder;\nusing Microsoft.Extensions.DependencyInjection;\n" +
                      "var builder = WebApplication.CreateBuilder(args);\nbuilder.Services." + signalR + ";\nvar app = builder.Build();\n" +
                      "app.MapHub<ChatHub>(\"/chat\");\napp.MapHub<OtherHub>(\"/other\");\napp.Run();\n";
        var run = await AnalyzerRunner.RunAsync(
            AnalyzerRunner.Compile([Hubs.Replace("FILTER", filter), program], OutputKind.ConsoleApplication),
            [new ContentFlowAnalyzer()]);
        Assert.Empty(run.Exceptions);
        Assert.DoesNotContain(run.Diagnostics, d => d.Severity == DiagnosticSeverity.Error);

        // Both hubs still publish unlabeled content: the filter verifies identity, nothing more.
        Assert.Equal(2, run.Diagnostics.Count(d => d.Id == "DSYN001"));
        var unverified = run.Diagnostics.Where(d => d.Id == "DSYN002").Select(d => d.Location.GetLineSpan().StartLinePosition.Line).ToList();
        return (unverified.Contains(6), unverified.Contains(11));
    }

    [Theory]
    [InlineData("AddSignalR(options => options.AddFilter<RealNameHubFilter>())")]
    [InlineData("AddSignalR(options => options.AddFilter(typeof(RealNameHubFilter)))")]
    public async Task A_hub_filter_added_for_every_hub_that_gates_first_verifies_identity_for_every_hub_method(string signalR)
    {
        Assert.Equal((false, false), await UnverifiedAsync(signalR));
    }

    [Fact]
    public async Task A_hub_filter_added_for_one_hub_covers_that_hub_only()
    {
        Assert.Equal((false, true), await UnverifiedAsync("AddSignalR().AddHubOptions<ChatHub>(options => options.AddFilter<RealNameHubFilter>())"));
    }

    [Theory]
    [InlineData("var result = await next(invocationContext); await gate.EnsureVerifiedAsync(invocationContext.Context.User!); return result;")]
    [InlineData("System.Console.WriteLine(invocationContext.HubMethodName); return await next(invocationContext);")]
    public async Task A_hub_filter_that_gates_after_next_or_not_at_all_verifies_nothing(string filter)
    {
        Assert.Equal((true, true), await UnverifiedAsync("AddSignalR(options => options.AddFilter<RealNameHubFilter>())", filter));
    }

    [Fact]
    public async Task Without_a_hub_filter_both_hubs_are_unverified()
    {
        Assert.Equal((true, true), await UnverifiedAsync("AddSignalR()"));
    }
}
