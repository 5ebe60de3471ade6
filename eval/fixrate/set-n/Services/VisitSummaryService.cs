using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Serialization;
using CareMessenger.Contracts;
using Markdig;
using Microsoft.Extensions.Options;

namespace CareMessenger.Services;

public interface IVisitSummaryService
{
    Task<string> GenerateMarkdownAsync(VisitSummaryRequest request, string patientName, string department, CancellationToken ct);
    string RenderHtml(string markdown, string title);
    string RenderPlainText(string markdown);
}

public sealed class ZhipuVisitSummaryService(HttpClient http, IOptions<AiOptions> options) : IVisitSummaryService
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .UseAdvancedExtensions()
        .DisableHtml()
        .Build();

    private sealed record ZhipuMessage([property: JsonPropertyName("role")] string Role, [property: JsonPropertyName("content")] string Content);

    private sealed record ZhipuRequest(
        [property: JsonPropertyName("model")] string Model,
        [property: JsonPropertyName("messages")] IReadOnlyList<ZhipuMessage> Messages,
        [property: JsonPropertyName("temperature")] double Temperature);

    private sealed record ZhipuChoice([property: JsonPropertyName("message")] ZhipuMessage Message);

    private sealed record ZhipuResponse(
        [property: JsonPropertyName("id")] string Id,
        [property: JsonPropertyName("choices")] IReadOnlyList<ZhipuChoice> Choices);

    public async Task<string> GenerateMarkdownAsync(VisitSummaryRequest request, string patientName, string department, CancellationToken ct)
    {
        var user = new StringBuilder()
            .AppendLine($"患者：{patientName}")
            .AppendLine($"科室：{department}")
            .AppendLine($"诊断：{request.Diagnosis}")
            .AppendLine($"医嘱与备注：{request.DoctorNotes}")
            .AppendLine($"用药：{string.Join("；", request.Medications)}")
            .ToString();

        var body = new ZhipuRequest(options.Value.SummaryModel,
        [
            new("system", "你为患者撰写就诊小结。用Markdown输出，包含：本次就诊情况、用药说明（剂量与注意事项）、生活建议、何时复诊。语言通俗。"),
            new("user", user),
        ], 0.3);

        using var message = new HttpRequestMessage(HttpMethod.Post, "chat/completions") { Content = JsonContent.Create(body) };
        message.Headers.Authorization = new AuthenticationHeaderValue("Bearer", options.Value.ZhipuApiKey);
        using var response = await http.SendAsync(message, ct);
        response.EnsureSuccessStatusCode();
        var payload = await response.Content.ReadFromJsonAsync<ZhipuResponse>(ct)
            ?? throw new InvalidOperationException("Empty response from summary model.");
        return payload.Choices.Count > 0 ? payload.Choices[0].Message.Content : "";
    }

    public string RenderHtml(string markdown, string title)
    {
        var inner = Markdown.ToHtml(markdown, Pipeline);
        return $$"""
            <!DOCTYPE html>
            <html lang="zh-CN">
            <head>
            <meta charset="utf-8">
            <title>{{System.Net.WebUtility.HtmlEncode(title)}}</title>
            <style>body{font-family:"PingFang SC","Microsoft YaHei",sans-serif;max-width:720px;margin:2em auto;line-height:1.7}h1,h2{color:#0b6e4f}</style>
            </head>
            <body>
            {{inner}}
            <footer><small>康信诊所 · 如有疑问请致电 400-820-1234</small></footer>
            </body>
            </html>
            """;
    }

    public string RenderPlainText(string markdown) => Markdown.ToPlainText(markdown, Pipeline);
}
