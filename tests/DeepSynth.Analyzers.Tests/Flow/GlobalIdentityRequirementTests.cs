using DeepSynth.TestSupport;
using Microsoft.CodeAnalysis;

namespace DeepSynth.Analyzers.Tests.Flow;

/// <summary>
/// Real-name verification required in front of the controllers rather than on each action: the SDK's policy named in a
/// global MVC filter, on MapControllers or in [Authorize]. An authentication-only requirement stays DSYN002.
/// </summary>
public class GlobalIdentityRequirementTests
{
    private const string Controller = AskControllerSource.Text;

    private static async Task<bool> ReportsUnverifiedIdentityAsync(string program, string attribute = "")
    {
        var source = "using Microsoft.AspNetCore.Builder;\nusing Microsoft.Extensions.DependencyInjection;\nvar builder = WebApplication.CreateBuilder(args);\n" + program + "\napp.Run();\n";
        var run = await AnalyzerRunner.RunAsync(AnalyzerRunner.Compile([Controller.Replace("ATTRIBUTE", attribute), source], OutputKind.ConsoleApplication), [new ContentFlowAnalyzer()]);
        Assert.Empty(run.Exceptions);

        // The other duties are reported either way: the finding is there, only its identity part changes.
        Assert.Contains(run.Diagnostics, d => d.Id == "DSYN001");
        return run.Diagnostics.Any(d => d.Id == "DSYN002");
    }

    /// <summary>The real-name policy required for every controller verifies identity; authentication alone does not.</summary>
    [Theory]
    [InlineData("builder.Services.AddControllers(o => o.Filters.Add(new Microsoft.AspNetCore.Mvc.Authorization.AuthorizeFilter(DeepSynth.Compliance.RealNamePolicy.Name)));\nvar app = builder.Build();\napp.MapControllers();", false)]
    [InlineData("builder.Services.AddControllersWithViews(options => { options.Filters.Add(new Microsoft.AspNetCore.Mvc.Authorization.AuthorizeFilter(\"DeepSynth.RealName\")); });\nvar app = builder.Build();\napp.MapControllers();", false)]
    [InlineData("builder.Services.AddControllers();\nvar app = builder.Build();\napp.MapControllers().RequireAuthorization(DeepSynth.Compliance.RealNamePolicy.Name);", false)]
    [InlineData("builder.Services.AddControllers(o => o.Filters.Add(new Microsoft.AspNetCore.Mvc.Authorization.AuthorizeFilter()));\nvar app = builder.Build();\napp.MapControllers();", true)]
    [InlineData("builder.Services.AddControllers(o => o.Filters.Add(new Microsoft.AspNetCore.Mvc.Authorization.AuthorizeFilter(\"Admins\")));\nvar app = builder.Build();\napp.MapControllers();", true)]
    [InlineData("builder.Services.AddControllers();\nbuilder.Services.AddAuthorization(o => o.FallbackPolicy = new Microsoft.AspNetCore.Authorization.AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());\nvar app = builder.Build();\napp.MapControllers();", true)]
    [InlineData("builder.Services.AddControllers();\nvar app = builder.Build();\napp.MapControllers().RequireAuthorization();", true)]
    public async Task A_requirement_in_front_of_every_controller_counts_only_when_it_is_real_name_verification(string program, bool reported)
    {
        Assert.Equal(reported, await ReportsUnverifiedIdentityAsync(program));
    }

    [Fact]
    public async Task The_real_name_policy_named_in_Authorize_on_the_action_verifies_identity()
    {
        Assert.False(await ReportsUnverifiedIdentityAsync("builder.Services.AddControllers();\nvar app = builder.Build();\napp.MapControllers();", "[Authorize(Policy = DeepSynth.Compliance.RealNamePolicy.Name)]"));
    }

    [Fact]
    public async Task AllowAnonymous_on_the_action_lifts_a_global_real_name_filter()
    {
        Assert.True(await ReportsUnverifiedIdentityAsync(
            "builder.Services.AddControllers(o => o.Filters.Add(new Microsoft.AspNetCore.Mvc.Authorization.AuthorizeFilter(DeepSynth.Compliance.RealNamePolicy.Name)));\nvar app = builder.Build();\napp.MapControllers();",
            "[AllowAnonymous]"));
    }
}
