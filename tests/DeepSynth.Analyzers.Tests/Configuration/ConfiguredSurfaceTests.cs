using System.Collections.Immutable;
using DeepSynth.TestSupport;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace DeepSynth.Analyzers.Tests.Configuration;

/// <summary>
/// deepsynth.json declares what no catalogue row can know: the project's own entry points (a queue consumer the framework
/// calls for a user) and the routes of its own model gateway. Without the declaration nothing is reported there.
/// </summary>
public class ConfiguredSurfaceTests
{
    private const string Consumer = """
        using Microsoft.Extensions.AI;

        namespace Jobs;

        public interface IMessageHandler { Task<string> HandleAsync(string message); }

        public sealed class AnswerHandler(IChatClient chat) : IMessageHandler
        {
            public async Task<string> HandleAsync(string message)
            {
                var response = await chat.GetResponseAsync(message);
                return response.Text;
            }
        }
        """;

    private const string Gateway = """
        using System.Net.Http;
        using System.Net.Http.Json;
        using Microsoft.AspNetCore.Mvc;

        public record Prompt(string Text);
        public record Completion(string Text);

        [ApiController]
        public class GatewayController(HttpClient http) : ControllerBase
        {
            [HttpPost("/ask")]
            public async Task<IActionResult> Ask([FromBody] Prompt prompt)
            {
                var reply = await http.PostAsJsonAsync("https://llm.internal/llm/complete", prompt);
                var completion = await reply.Content.ReadFromJsonAsync<Completion>();
                return Ok(completion);
            }
        }
        """;

    [Theory]
    [InlineData("Jobs.IMessageHandler.HandleAsync")]
    [InlineData("M:Jobs.AnswerHandler.HandleAsync(System.String)")]
    public async Task A_declared_entry_point_has_user_input_parameters_and_publishes_what_it_returns(string member)
    {
        var ids = await RunAsync(Consumer, $$"""{ "catalogue": { "entryPoints": [ "{{member}}" ] } }""");

        Assert.Equal(new[] { "DSYN001", "DSYN002", "DSYN003", "DSYN004", "DSYN005" }, ids);
    }

    [Fact]
    public async Task Without_the_declaration_the_consumer_is_an_ordinary_method()
    {
        Assert.Empty(await RunAsync(Consumer, """{ "catalogue": { } }"""));
    }

    [Fact]
    public async Task A_declared_model_route_makes_an_http_send_to_it_a_generation()
    {
        var ids = await RunAsync(Gateway, """{ "catalogue": { "modelEndpoints": [ "/llm/complete" ] } }""");

        Assert.Equal(new[] { "DSYN001", "DSYN002", "DSYN003", "DSYN004", "DSYN005" }, ids);
    }

    [Fact]
    public async Task The_same_shape_on_a_built_in_route_is_a_generation()
    {
        var ids = await RunAsync(Gateway.Replace("/llm/complete", "/v1/chat/completions"), """{ "catalogue": { } }""");

        Assert.Equal(new[] { "DSYN001", "DSYN002", "DSYN003", "DSYN004", "DSYN005" }, ids);
    }

    [Fact]
    public async Task A_declared_model_route_is_valid_configuration()
    {
        Assert.Empty(await RunAsync(Gateway, """{ "catalogue": { "modelEndpoints": [ "/llm/complete" ] } }""", includeConfiguration: true));
    }

    [Fact]
    public async Task Without_the_route_the_http_send_is_an_ordinary_call()
    {
        Assert.Empty(await RunAsync(Gateway, """{ "catalogue": { "modelEndpoints": [ "/other/route" ] } }"""));
    }

    [Fact]
    public async Task An_entry_point_that_does_not_exist_is_a_located_DSYN903()
    {
        var ids = await RunAsync(Consumer, """{ "catalogue": { "entryPoints": [ "Jobs.Missing.HandleAsync" ] } }""", includeConfiguration: true);

        Assert.Equal(new[] { "DSYN903" }, ids);
    }

    private static async Task<IReadOnlyList<string>> RunAsync(string source, string json, bool includeConfiguration = false)
    {
        var options = new AnalyzerOptions(ImmutableArray.Create<AdditionalText>(new InMemoryAdditionalText("/0/deepsynth.json", json)));
        var compilation = AnalyzerRunner.Compile([source]);
        Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
        var run = await AnalyzerRunner.RunAsync(compilation, [new ContentFlowAnalyzer()], options);
        Assert.Empty(run.Exceptions);
        return run.Diagnostics.Select(d => d.Id).Where(id => includeConfiguration ? id.StartsWith("DSYN9", StringComparison.Ordinal) : id.StartsWith("DSYN00", StringComparison.Ordinal))
            .Distinct().OrderBy(id => id, StringComparer.Ordinal).ToList();
    }
}
