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
    public async Task A_shared_route_is_a_model_call_only_where_the_sender_names_the_provider()
    {
        // /v1/messages is Anthropic's route and also that of SMS and chat gateways: a relative URL's base address is
        // configured elsewhere, so the client's own name tells them apart.
        await Verify("""
            public sealed record SmsReceipt(string MessageId, string Status);

            public sealed class SmsGateway(HttpClient http)
            {
                public async Task<SmsReceipt> SendAsync(string mobile, string text)
                {
                    using var response = await http.PostAsJsonAsync("v1/messages", new { to = mobile, text });
                    return await response.Content.ReadFromJsonAsync<SmsReceipt>() ?? new SmsReceipt("", "unknown");
                }
            }

            public sealed class ClaudeClient(HttpClient http)
            {
                public async Task<string> AskAsync(string prompt)
                {
                    using var response = await http.PostAsJsonAsync("v1/messages", new { model = "claude-sonnet-4-5", max_tokens = 512, messages = new[] { new { role = "user", content = prompt } } });
                    return await response.Content.ReadAsStringAsync();
                }
            }

            public class NoticeController(SmsGateway sms, ClaudeClient claude) : ControllerBase
            {
                [HttpPost("/remind")]
                public async Task<IActionResult> Remind([FromBody] ChatRequest request) => Ok(await sms.SendAsync("13800000000", request.Message));

                [HttpPost("/ask")]
                public async Task<IActionResult> Ask([FromBody] ChatRequest request) =>
                    {|DSYN001:{|DSYN002:{|DSYN003:{|DSYN005:Ok(await {|DSYN004:claude.AskAsync(request.Message)|})|}|}|}|};
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

    [Fact]
    public async Task Flurl_post_to_a_model_route_built_from_segments_is_a_generation()
    {
        await Verify("""
            using Flurl;
            using Flurl.Http;
            public sealed record MoonshotReply(List<MoonshotChoice> Choices);
            public sealed record MoonshotChoice(MoonshotMessage Message);
            public sealed record MoonshotMessage(string Content);

            public sealed class MoonshotClient
            {
                public async Task<string> AskAsync(string prompt)
                {
                    var reply = await "https://api.moonshot.cn/v1".AppendPathSegment("chat/completions")
                        .WithOAuthBearerToken("key")
                        .PostJsonAsync(new { model = "moonshot-v1-8k", messages = new[] { new { role = "user", content = prompt } } })
                        .ReceiveJson<MoonshotReply>();
                    return reply.Choices[0].Message.Content;
                }

                public Task<string> StatusAsync() => "https://status.example.com/api/v2/status.json".GetStringAsync();
            }

            public class AskController(MoonshotClient moonshot) : ControllerBase
            {
                [HttpPost("/ask")]
                public async Task<IActionResult> Ask([FromBody] ChatRequest request) =>
                    {|DSYN001:{|DSYN002:{|DSYN003:{|DSYN005:Ok(await {|DSYN004:moonshot.AskAsync(request.Message)|})|}|}|}|};

                [HttpGet("/status")]
                public async Task<IActionResult> Status() => Ok(await moonshot.StatusAsync());
            }
            """);
    }

    /// <summary>A RestSharp client of Baidu Qianfan (ERNIE): AskAsync calls the model, PingAsync a health route. Shared with <c>Surfaces.ExtensionBlockBuildTests</c>.</summary>
    internal const string ErnieRestSharpClient = """
            public sealed record ErnieReply(string Result);

            public sealed class ErnieClient(RestClient client)
            {
                public async Task<string> AskAsync(string prompt)
                {
                    var request = new RestRequest("/rpc/2.0/ai_custom/v1/wenxinworkshop/chat/completions_pro", Method.Post)
                        .AddJsonBody(new { messages = new[] { new { role = "user", content = prompt } } });
                    var response = await client.ExecuteAsync<ErnieReply>(request);
                    return response.Data?.Result ?? "";
                }

                public async Task<string> PingAsync()
                {
                    var response = await client.ExecuteAsync(new RestRequest("/health"));
                    return response.Content ?? "";
                }
            }
            """;

    [Fact]
    public async Task RestSharp_request_to_a_provider_route_is_a_generation()
    {
        await Verify("using RestSharp;\n" + ErnieRestSharpClient + """

            public class AskController(ErnieClient ernie) : ControllerBase
            {
                [HttpPost("/ask")]
                public async Task<IActionResult> Ask([FromBody] ChatRequest request) =>
                    {|DSYN001:{|DSYN002:{|DSYN003:{|DSYN005:Ok(await {|DSYN004:ernie.AskAsync(request.Message)|})|}|}|}|};

                [HttpGet("/ping")]
                public async Task<IActionResult> Ping() => Ok(await ernie.PingAsync());
            }
            """);
    }

    [Fact]
    public async Task Refit_interface_method_declared_on_a_model_route_is_a_generation()
    {
        await Verify("""
            using Refit;
            public sealed record DeepSeekRequest(string Model, List<DeepSeekMessage> Messages);
            public sealed record DeepSeekMessage(string Role, string Content);
            public sealed record DeepSeekChoice(DeepSeekMessage Message);
            public sealed record DeepSeekResponse(string Id, List<DeepSeekChoice> Choices);

            public interface IDeepSeekApi
            {
                [Post("/chat/completions")]
                Task<DeepSeekResponse> CompleteAsync([Body] DeepSeekRequest request);

                [Get("/user/balance")]
                Task<string> BalanceAsync();
            }

            public class AskController(IDeepSeekApi deepSeek) : ControllerBase
            {
                [HttpPost("/ask")]
                public async Task<IActionResult> Ask([FromBody] ChatRequest request)
                {
                    var response = await {|DSYN004:deepSeek.CompleteAsync(new DeepSeekRequest("deepseek-chat", [new("user", request.Message)]))|};
                    return {|DSYN001:{|DSYN002:{|DSYN003:{|DSYN005:Ok(response.Choices[0].Message.Content)|}|}|}|};
                }

                [HttpGet("/balance")]
                public async Task<IActionResult> Balance() => Ok(await deepSeek.BalanceAsync());

                [HttpPost("/ask/id")]
                public async Task<IActionResult> AskId([FromBody] ChatRequest request)
                {
                    Steps.EnsureAllowed(request.Message);
                    var response = await deepSeek.CompleteAsync(new DeepSeekRequest("deepseek-chat", [new("user", request.Message)]));
                    return Ok(response.Id);
                }
            }
            """);
    }

    [Fact]
    public async Task Refit_interface_method_on_a_route_deepsynth_json_names_is_a_generation()
    {
        var test = Verifier.Create(new[]
        {
            "using System.Net.Http;\nusing Refit;\n" + """
            public interface IGatewayApi
            {
                [Post("/llm/complete")]
                Task<string> CompleteAsync([Body] string prompt);

                [Get("/llm/models")]
                Task<string> ModelsAsync();
            }

            public class AskController(IGatewayApi gateway) : ControllerBase
            {
                [HttpPost("/ask")]
                public async Task<IActionResult> Ask([FromBody] ChatRequest request) =>
                    {|DSYN001:{|DSYN002:{|DSYN003:{|DSYN005:Ok(await {|DSYN004:gateway.CompleteAsync(request.Message)|})|}|}|}|};

                [HttpGet("/models")]
                public async Task<IActionResult> Models() => Ok(await gateway.ModelsAsync());
            }
            """ + TestSteps.Source,
        });
        test.TestState.AdditionalFiles.Add(("/0/deepsynth.json", """{ "catalogue": { "modelEndpoints": [ "/llm/complete" ] } }"""));
        await test.RunAsync();
    }
}
