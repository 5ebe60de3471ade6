using System.ComponentModel;
using System.Text.RegularExpressions;
using ClipForge.Configuration;
using Microsoft.Extensions.Options;
using Microsoft.SemanticKernel;
using Microsoft.SemanticKernel.Connectors.OpenAI;

namespace ClipForge.Ai;

/// <summary>Native helpers the caption prompts can call.</summary>
public sealed partial class HashtagPlugin
{
    [KernelFunction, Description("Normalizes a comma or space separated list of hashtags: strips '#', removes duplicates, keeps at most 8.")]
    public string NormalizeHashtags([Description("raw hashtag list")] string raw) =>
        string.Join(" ", SplitRegex().Split(raw)
            .Select(t => t.Trim().TrimStart('#'))
            .Where(t => t.Length is > 0 and <= 20)
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .Take(8)
            .Select(t => "#" + t));

    [KernelFunction, Description("Returns the maximum caption length for a platform.")]
    public int MaxCaptionLength([Description("platform id")] string platform) => platform switch
    {
        "xiaohongshu" => 1000,
        "douyin" => 1000,
        "kuaishou" => 500,
        _ => 300
    };

    [GeneratedRegex(@"[\s,，、]+")]
    private static partial Regex SplitRegex();
}

public sealed record CaptionResult(string Caption, IReadOnlyList<string> Hashtags, string Model);

public interface ICaptionWriter
{
    Task<CaptionResult> WriteCaptionAsync(string platform, string? scriptBody, string? userCaption, CancellationToken ct);
    Task<IReadOnlyList<string>> VariantsAsync(string platform, string caption, int count, CancellationToken ct);
    Task<string> QuickHashtagsAsync(string topic, CancellationToken ct);
}

internal sealed class KernelCaptionWriter(Kernel kernel, IOptions<AiModelOptions> options) : ICaptionWriter
{
    private readonly string _model = options.Value.CaptionModel;

    public async Task<CaptionResult> WriteCaptionAsync(string platform, string? scriptBody, string? userCaption, CancellationToken ct)
    {
        var settings = new OpenAIPromptExecutionSettings
        {
            ModelId = _model,
            Temperature = 0.7,
            FunctionChoiceBehavior = FunctionChoiceBehavior.Auto()
        };

        var result = await kernel.InvokePromptAsync(
            """
            为{{$platform}}平台写一段发布文案，长度不超过平台上限（可调用 hashtags.MaxCaptionLength 查询）。
            创作者草稿：{{$draft}}
            视频脚本：{{$script}}
            最后一行输出话题标签，并用 hashtags.NormalizeHashtags 规范化。
            """,
            new KernelArguments(settings)
            {
                ["platform"] = platform,
                ["draft"] = userCaption ?? "(无)",
                ["script"] = scriptBody ?? "(无)"
            },
            cancellationToken: ct);

        var text = result.GetValue<string>()?.Trim() ?? string.Empty;
        var lines = text.Split('\n', StringSplitOptions.TrimEntries);
        var tags = lines.Length > 1 && lines[^1].StartsWith('#')
            ? lines[^1].Split(' ', StringSplitOptions.RemoveEmptyEntries)
            : [];
        var caption = tags.Length > 0 ? string.Join('\n', lines[..^1]).Trim() : text;
        return new CaptionResult(caption, tags, _model);
    }

    public async Task<IReadOnlyList<string>> VariantsAsync(string platform, string caption, int count, CancellationToken ct)
    {
        var result = await kernel.InvokePromptAsync(
            "为A/B测试改写下面的{{$platform}}文案{{$count}}个版本，每行一个，不要编号：\n{{$caption}}",
            new KernelArguments(new OpenAIPromptExecutionSettings { ModelId = _model, Temperature = 1.0 })
            {
                ["platform"] = platform,
                ["count"] = count,
                ["caption"] = caption
            },
            cancellationToken: ct);

        return (result.GetValue<string>() ?? string.Empty)
            .Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Take(count)
            .ToList();
    }

    public async Task<string> QuickHashtagsAsync(string topic, CancellationToken ct)
    {
        var result = await kernel.InvokePromptAsync(
            "给出与“{{$topic}}”相关的热门短视频话题标签，然后调用 hashtags.NormalizeHashtags 并只输出其结果。",
            new KernelArguments(new OpenAIPromptExecutionSettings
            {
                ModelId = _model,
                FunctionChoiceBehavior = FunctionChoiceBehavior.Auto()
            })
            { ["topic"] = topic },
            cancellationToken: ct);
        return result.GetValue<string>()?.Trim() ?? string.Empty;
    }
}
