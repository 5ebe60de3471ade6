using Microsoft.CodeAnalysis.Testing;
using Verifier = DeepSynth.TestSupport.AnalyzerVerifier<DeepSynth.Analyzers.ContentFlowAnalyzer>;

namespace DeepSynth.Analyzers.Tests.Flow;

/// <summary>
/// Models called over plain HTTP (an OpenAI-compatible route, a provider's own REST route) generate content like an SDK
/// call; other HTTP calls do not. The URL is read from the constant text that builds it.
/// </summary>
public class HttpModelCallTests
{
    private static Task Verify(string program, params DiagnosticResult[] expected) =>
        Verifier.VerifyAsync("using System.Net.Http;\nusing System.Net.Http.Json;\n" + program + TestSteps.Source, expected);

    [Fact]
    public async Task Post_to_a_chat_completions_url_in_a_literal_is_a_generation()
    {
        await Verify("""
            public sealed class CompletionService(HttpClient http)
            {
                public async Task<string> CompleteAsync(string prompt)
                {
                    using var content = new StringContent(System.Text.Json.JsonSerializer.Serialize(new { model = "deepseek-chat", messages = new[] { new { role = "user", content = prompt } } }));
                    using var response = await http.PostAsync("https://api.deepseek.com/chat/completions", content);
                    return await response.Content.ReadAsStringAsync();
                }
            }

            public class ChatController(CompletionService completions) : ControllerBase
            {
                [HttpPost("/chat")]
                public async Task<IActionResult> Chat([FromBody] ChatRequest request) =>
                    {|DSYN001:{|DSYN002:{|DSYN003:{|DSYN005:Ok(await {|DSYN004:completions.CompleteAsync(request.Message)|})|}|}|}|};
            }
            """);
    }

    [Fact]
    public async Task Url_from_a_field_initializer_and_a_request_message_is_read()
    {
        await Verify("""
            public sealed class QwenClient(HttpClient http)
            {
                private const string Endpoint = "https://dashscope.aliyuncs.com/compatible-mode/v1/chat/completions";

                public async Task<string> AskAsync(string prompt)
                {
                    using var request = new HttpRequestMessage(HttpMethod.Post, Endpoint) { Content = JsonContent.Create(new { prompt }) };
                    using var response = await http.SendAsync(request);
                    return await response.Content.ReadAsStringAsync();
                }
            }

            public class AskController(QwenClient qwen) : ControllerBase
            {
                [HttpPost("/ask")]
                public async Task<string> Ask([FromBody] ChatRequest request)
                {
                    Steps.EnsureAllowed(request.Message);
                    var answer = await qwen.AskAsync(request.Message);
                    Steps.EnsureAllowed(answer);
                    Steps.Record(answer);
                    return {|DSYN002:Steps.Label(answer)|};
                }
            }
            """);
    }

    [Fact]
    public async Task A_relative_model_route_on_a_configured_base_address_is_a_generation()
    {
        await Verify("""
            public sealed record Choice(string Text);
            public sealed record Completion(List<Choice> Choices);

            public static class Endpoints
            {
                public static void Map(WebApplication app) =>
                    app.MapPost("/poem", async (ChatRequest request, IHttpClientFactory factory) =>
                    {
                        var http = factory.CreateClient("moonshot");
                        var response = await {|DSYN004:http.PostAsJsonAsync("v1/chat/completions", new { messages = new[] { request.Message } })|};
                        var completion = await response.Content.ReadFromJsonAsync<Completion>();
                        return {|DSYN001:{|DSYN002:{|DSYN003:{|DSYN005:Results.Ok(completion!.Choices[0].Text)|}|}|}|};
                    });
            }
            """);
    }

    [Fact]
    public async Task Http_calls_to_other_services_are_not_generations()
    {
        await Verify("""
            public static class Endpoints
            {
                public static void Map(WebApplication app) =>
                    app.MapPost("/search", async (ChatRequest request, HttpClient http) =>
                    {
                        using var response = await http.PostAsJsonAsync("https://search.example.com/v1/query", new { q = request.Message });
                        return Results.Ok(await response.Content.ReadAsStringAsync());
                    });
            }
            """);
    }

    [Fact]
    public async Task An_apps_own_api_chat_route_is_not_a_model_call_but_ollama_on_its_port_is()
    {
        await Verify("""
            public static class Endpoints
            {
                public static void Map(WebApplication app)
                {
                    app.MapPost("/relay", async (ChatRequest request, HttpClient http) =>
                    {
                        using var response = await http.PostAsJsonAsync("/api/chat", new { request.Message });
                        return Results.Ok(await response.Content.ReadAsStringAsync());
                    });
                    app.MapPost("/local", async (ChatRequest request, HttpClient http) =>
                    {
                        var baseUrl = "http://localhost:11434";
                        using var response = await {|DSYN004:http.PostAsJsonAsync($"{baseUrl}/api/chat", new { model = "qwen2.5", request.Message })|};
                        return {|DSYN001:{|DSYN002:{|DSYN003:{|DSYN005:Results.Ok(await response.Content.ReadAsStringAsync())|}|}|}|};
                    });
                }
            }
            """);
    }
}
