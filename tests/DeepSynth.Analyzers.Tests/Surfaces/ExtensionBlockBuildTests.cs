namespace DeepSynth.Analyzers.Tests.Surfaces;

/// <summary>
/// A library built with C# 14 extension blocks (RestSharp 114 for net10.0: <c>extension(IRestClient client) { ExecuteAsync&lt;T&gt; }</c>),
/// compiled by the SDK's own compiler, which binds the call to the block's member rather than to the static method the
/// verifier's older Roslyn sees (<see cref="Flow.HttpModelCallTests"/> holds the same shape under the verifier).
/// </summary>
public class ExtensionBlockBuildTests
{
    private static readonly Dictionary<string, string> Files = new()
    {
        ["Program.cs"] = """
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddSingleton(new RestSharp.RestClient("https://qianfan.baidubce.com"));
            builder.Services.AddSingleton<ErnieClient>();
            var app = builder.Build();
            app.MapPost("/ask", async (AskRequest request, ErnieClient ernie) =>
                Results.Ok(await ernie.AskAsync(request.Message)));
            app.MapGet("/ping", async (ErnieClient ernie) => Results.Ok(await ernie.PingAsync()));
            app.Run();

            public sealed record AskRequest(string Message);
            """,
        ["ErnieClient.cs"] = "using RestSharp;\n\n" + Flow.HttpModelCallTests.ErnieRestSharpClient,
    };

    [Fact]
    public async Task A_call_bound_to_an_extension_block_member_matches_its_catalogue_row()
    {
        var findings = await SurfaceBuild.FindingsAsync("""<PackageReference Include="RestSharp" Version="114.1.0" />""", Files);

        // The generating route is published at /ask (line 6); /ping (line 7) returns the health text and is not reported.
        Assert.Equal(
            new[] { "Program.cs:6 DSYN001", "Program.cs:6 DSYN002", "Program.cs:6 DSYN003", "Program.cs:6 DSYN004", "Program.cs:6 DSYN005" },
            findings);
    }
}
