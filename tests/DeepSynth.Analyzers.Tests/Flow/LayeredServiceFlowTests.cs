using DeepSynth.TestSupport;

namespace DeepSynth.Analyzers.Tests.Flow;

/// <summary>
/// Shapes from a layered minimal-API service (aspire-ai-chat-demo's MyApi, read before the analyzer ran on it): the
/// endpoints live in an extension method, the generation in a domain service over Semantic Kernel.
/// </summary>
public class LayeredServiceFlowTests
{
    private const string Domain = """
        using Microsoft.SemanticKernel;
        using System.Text;

        namespace MyApi;

        public record WeatherForecast(DateOnly Date, int TemperatureC, string? Summary);
        public record WeatherForecastDto(DateOnly Date, int TemperatureC, string? Summary);
        public interface IWeatherMapper { WeatherForecast ToDomain(WeatherForecastDto dto); }

        public static class WeatherAnalysis
        {
            public static string Analyze(IEnumerable<WeatherForecast> forecasts)
            {
                var sb = new StringBuilder("Analyze these forecasts:");
                foreach (var f in forecasts) sb.AppendLine($"{f.Date}: {f.TemperatureC} {f.Summary}");
                return sb.ToString();
            }
        }

        public class WeatherAnalysisService
        {
            private readonly Kernel _kernel;
            public WeatherAnalysisService(Kernel kernel) { _kernel = kernel; }

            public async Task<string> AskAsync(string text, CancellationToken ct = default) =>
                await _kernel.InvokePromptAsync<string>(text, cancellationToken: ct) ?? "";

            public async Task<string> AskPlainAsync(string text, CancellationToken ct = default) =>
                (await _kernel.InvokePromptAsync(text, cancellationToken: ct)).ToString();

            public async Task<string> JoinAsync(IEnumerable<WeatherForecast> forecasts, CancellationToken ct = default) =>
                await _kernel.InvokePromptAsync<string>(string.Join(",", forecasts.Select(f => f.Summary)), cancellationToken: ct) ?? "";

            public async Task<string> AnalyzeAsync(IEnumerable<WeatherForecast> forecasts, CancellationToken ct = default)
            {
                var prompt = WeatherAnalysis.Analyze(forecasts);
                var result = await _kernel.InvokePromptAsync<string>(prompt, cancellationToken: ct);
                return result ?? "(no analysis)";
            }
        }
        """;

    private const string Endpoints = """
        using Microsoft.AspNetCore.Builder;
        using Microsoft.AspNetCore.Http;
        using Microsoft.AspNetCore.Mvc;

        namespace MyApi.Presentation;

        public static class WeatherEndpoints
        {
            public static void MapWeatherEndpoints(this WebApplication app)
            {
                app.MapPost("/weatherforecast/analyze", async (
                    [FromServices] MyApi.WeatherAnalysisService analysis,
                    [FromBody] IEnumerable<MyApi.WeatherForecastDto> body,
                    [FromServices] MyApi.IWeatherMapper mapper,
                    CancellationToken ct) =>
                {
                    var list = body.ToList();
                    if (list.Count == 0)
                        return Results.BadRequest("No forecasts supplied");

                    var domainList = list.Select(mapper.ToDomain).ToList();
                    var analysisText = await analysis.AnalyzeAsync(domainList, ct);
                    return Results.Ok(new { analysis = analysisText });
                }).WithName("AnalyzeWeather");
            }
        }
        """;

    [Theory]
    [InlineData("list.Select(mapper.ToDomain).ToList()")]
    [InlineData("list.Select(d => mapper.ToDomain(d)).ToList()")]
    [InlineData("list.Select(d => new MyApi.WeatherForecast(d.Date, d.TemperatureC, d.Summary)).ToList()")]
    [InlineData("new List<MyApi.WeatherForecast> { mapper.ToDomain(list[0]) }")]
    [InlineData("new List<MyApi.WeatherForecast> { mapper.ToDomain(list.First()) }")]
    [InlineData("new[] { mapper.ToDomain(list[0]) }")]
    [InlineData("new List<MyApi.WeatherForecast> { new MyApi.WeatherForecast(list[0].Date, 1, list[0].Summary) }")]
    [InlineData("list.Select(mapper.ToDomain).ToList()", "AskAsync(list[0].Summary!, ct)")]
    [InlineData("list.Select(mapper.ToDomain).ToList()", "AskPlainAsync(list[0].Summary!, ct)")]
    [InlineData("list.Select(mapper.ToDomain).ToList()", "JoinAsync(domainList, ct)")]
    [InlineData("list.Select(mapper.ToDomain).ToList()", "AnalyzeAsync(domainList, ct)", "        var sb = new StringBuilder(\"x\"); foreach (var f in forecasts) sb.Append(f.Summary); return sb.ToString();\n")]
    [InlineData("list.Select(mapper.ToDomain).ToList()", "AnalyzeAsync(domainList, ct)", "        return string.Join(\",\", forecasts.Select(f => f.Summary));\n")]
    [InlineData("list.Select(mapper.ToDomain).ToList()", "AnalyzeAsync(domainList, ct)", "        var sb = new StringBuilder(); foreach (var f in forecasts) sb.Append(f.Summary); return sb.ToString();\n")]
    [InlineData("list.Select(mapper.ToDomain).ToList()", "AnalyzeAsync(domainList, ct)", "        var s = \"\"; foreach (var f in forecasts) s += f.Summary; return s;\n")]
    [InlineData("list.Select(mapper.ToDomain).ToList()", "AnalyzeAsync(domainList, ct)", "        var s = \"\"; foreach (var f in forecasts) s += $\"{f.Summary}\"; return s;\n")]
    public async Task Lambda_endpoint_in_an_extension_method_publishing_a_domain_service_generation(string mapping, string call = "AnalyzeAsync(domainList, ct)", string analyze = "")
    {
        var domain = analyze.Length == 0 ? Domain : Domain.Replace("""
                var sb = new StringBuilder("Analyze these forecasts:");
                foreach (var f in forecasts) sb.AppendLine($"{f.Date}: {f.TemperatureC} {f.Summary}");
                return sb.ToString();
        """, analyze);
        Assert.True(analyze.Length == 0 || domain != Domain);
        var run = await AnalyzerRunner.RunAsync(AnalyzerRunner.Compile([domain, Endpoints.Replace("list.Select(mapper.ToDomain).ToList()", mapping).Replace("AnalyzeAsync(domainList, ct)", call)]), [new ContentFlowAnalyzer()]);

        Assert.Empty(run.Exceptions);
        var found = run.Diagnostics.Where(d => d.Id.StartsWith("DSYN00", StringComparison.Ordinal))
            .Select(d => d.Id + "@" + (d.Location.GetLineSpan().StartLinePosition.Line + 1) + ":" + d.Location.SourceTree?.FilePath).OrderBy(s => s).ToList();
        Assert.Equal(new[] { "DSYN001@23:Test1.cs", "DSYN002@23:Test1.cs", "DSYN003@23:Test1.cs", "DSYN004@22:Test1.cs", "DSYN005@23:Test1.cs" }, found);
    }

    [Theory]
    [InlineData("public record Hit(string Title, string Url);", false)]
    [InlineData("public record Hit(string Question, string Url);", true)]
    public async Task A_call_with_no_body_here_carries_its_argument_only_into_a_result_shaped_like_it(string hit, bool carries)
    {
        var source = """
            using Microsoft.AspNetCore.Builder;
            using Microsoft.AspNetCore.Http;
            using Microsoft.AspNetCore.Mvc;
            using Microsoft.Extensions.AI;

            public record AskRequest(string Question);
            public interface IIndex { Hit Find(AskRequest request); }

            public static class AskEndpoints
            {
                public static void Map(WebApplication app) =>
                    app.MapPost("/ask", async ([FromBody] AskRequest body, IIndex index, IChatClient chat) =>
                    {
                        var found = index.Find(body);
                        var response = await chat.GetResponseAsync("Say hello to " + found.Url);
                        return Results.Ok(found);
                    });
            }
            """ + hit;
        var run = await AnalyzerRunner.RunAsync(AnalyzerRunner.Compile([source]), [new ContentFlowAnalyzer()]);

        Assert.Empty(run.Exceptions);
        Assert.Equal(carries, run.Diagnostics.Any(d => d.Id == "DSYN004"));
        Assert.DoesNotContain(run.Diagnostics, d => d.Id == "DSYN001");
    }
}
