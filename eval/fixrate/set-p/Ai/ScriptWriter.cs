using System.Runtime.CompilerServices;
using System.Text;
using ClipForge.Configuration;
using ClipForge.Contracts;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Options;
using OllamaSharp;
using OllamaSharp.Models;

namespace ClipForge.Ai;

public sealed record ScriptBrief(string Topic, string Platform, int DurationSeconds, string Tone, string? Notes);

public sealed record GeneratedScript(string Body, string? Hook, string Model, int InputTokens, int OutputTokens);

public interface IScriptWriter
{
    Task<GeneratedScript> WriteAsync(ScriptBrief brief, CancellationToken ct);
    IAsyncEnumerable<string> StreamAsync(ScriptBrief brief, CancellationToken ct);
    Task<TitleSuggestions> SuggestTitlesAsync(string scriptBody, string platform, CancellationToken ct);
}

internal sealed class ScriptWriter(IChatClient chat, IOptions<AiModelOptions> options, ILogger<ScriptWriter> logger) : IScriptWriter
{
    private const string SystemPrompt =
        "你是一名资深短视频编剧，熟悉抖音、快手、小红书和B站的内容风格。" +
        "输出分镜脚本：第一行以“开场：”开头给出3秒钩子，然后按“镜头N：画面 / 台词”列出，控制在给定时长内。";

    private readonly AiModelOptions _options = options.Value;

    public async Task<GeneratedScript> WriteAsync(ScriptBrief brief, CancellationToken ct)
    {
        var response = await chat.GetResponseAsync(BuildMessages(brief), new ChatOptions
        {
            ModelId = _options.ChatModel,
            Temperature = 0.8f,
            MaxOutputTokens = 1500
        }, ct);

        var body = response.Text.Trim();
        logger.LogInformation("Script generated for platform {Platform}: {Tokens} output tokens",
            brief.Platform, response.Usage?.OutputTokenCount);

        return new GeneratedScript(
            body,
            ExtractHook(body),
            response.ModelId ?? _options.ChatModel,
            (int)(response.Usage?.InputTokenCount ?? 0),
            (int)(response.Usage?.OutputTokenCount ?? 0));
    }

    public async IAsyncEnumerable<string> StreamAsync(ScriptBrief brief, [EnumeratorCancellation] CancellationToken ct)
    {
        await foreach (var update in chat.GetStreamingResponseAsync(BuildMessages(brief),
                           new ChatOptions { ModelId = _options.ChatModel, Temperature = 0.8f }, ct))
        {
            if (!string.IsNullOrEmpty(update.Text))
            {
                yield return update.Text;
            }
        }
    }

    public async Task<TitleSuggestions> SuggestTitlesAsync(string scriptBody, string platform, CancellationToken ct)
    {
        var prompt = $"""
            根据下面的短视频脚本，为{platform}平台给出5个标题（每个不超过20字）、8个话题标签（不带#）和一句开场钩子。
            脚本：
            {scriptBody}
            """;

        var response = await chat.GetResponseAsync<TitleSuggestions>(prompt,
            options: new ChatOptions { ModelId = _options.ChatModel, Temperature = 0.9f },
            cancellationToken: ct);

        return response.TryGetResult(out var result) ? result : new TitleSuggestions();
    }

    private static List<ChatMessage> BuildMessages(ScriptBrief brief)
    {
        var user = new StringBuilder()
            .AppendLine($"主题：{brief.Topic}")
            .AppendLine($"平台：{brief.Platform}")
            .AppendLine($"时长：{brief.DurationSeconds}秒")
            .AppendLine($"语气：{brief.Tone}");
        if (!string.IsNullOrWhiteSpace(brief.Notes))
        {
            user.AppendLine($"创作者备注：{brief.Notes}");
        }

        return [new ChatMessage(ChatRole.System, SystemPrompt), new ChatMessage(ChatRole.User, user.ToString())];
    }

    private static string? ExtractHook(string body)
    {
        var first = body.Split('\n', 2)[0].Trim();
        return first.StartsWith("开场：", StringComparison.Ordinal) ? first["开场：".Length..].Trim() : null;
    }
}

/// <summary>Cheap rewrites and subtitle translation on the self-hosted Ollama box.</summary>
public interface ILocalRewriter
{
    string ModelName { get; }
    Task<string> PolishAsync(string text, string style, CancellationToken ct);
    Task<string> TranslateSubtitlesAsync(string subtitleFile, string targetLanguage, CancellationToken ct);
}

internal sealed class OllamaRewriter(IOllamaApiClient ollama, IOptions<AiModelOptions> options) : ILocalRewriter
{
    public string ModelName => options.Value.Ollama.Model;

    public Task<string> PolishAsync(string text, string style, CancellationToken ct) =>
        GenerateAsync($"把下面的短视频台词改写得更{style}，保留镜头编号，不要添加解释：\n\n{text}", ct);

    public Task<string> TranslateSubtitlesAsync(string subtitleFile, string targetLanguage, CancellationToken ct) =>
        GenerateAsync(
            $"Translate the subtitle text of this SRT file into {targetLanguage}. Keep every index and timestamp line unchanged and output only the SRT.\n\n{subtitleFile}",
            ct);

    private async Task<string> GenerateAsync(string prompt, CancellationToken ct)
    {
        var request = new GenerateRequest
        {
            Model = ModelName,
            Prompt = prompt,
            Options = new RequestOptions { Temperature = 0.4f }
        };

        var sb = new StringBuilder();
        await foreach (var chunk in ollama.GenerateAsync(request, ct))
        {
            sb.Append(chunk?.Response);
        }
        return sb.ToString().Trim();
    }
}
