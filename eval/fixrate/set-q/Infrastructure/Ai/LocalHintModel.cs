using System.Runtime.CompilerServices;
using System.Text;
using LLama;
using LLama.Common;
using LLama.Sampling;
using Microsoft.Extensions.Options;
using XueBa.Coach.Configuration;

namespace XueBa.Coach.Infrastructure.Ai;

public interface ILocalHintModel
{
    string ModelName { get; }
    IAsyncEnumerable<string> StreamAsync(string prompt, CancellationToken ct = default);
    Task<string> CompleteAsync(string prompt, CancellationToken ct = default);
}

/// <summary>
/// Small on-prem model (GGUF via llama.cpp) for cheap hints, summaries and the daily tip.
/// Weights are loaded lazily on first use so the web host starts without the model file.
/// </summary>
public sealed class LocalHintModel : ILocalHintModel, IDisposable
{
    private readonly LocalModelOptions _options;
    private readonly ILogger<LocalHintModel> _logger;
    private readonly SemaphoreSlim _loadLock = new(1, 1);
    private LLamaWeights? _weights;
    private ModelParams? _params;

    public LocalHintModel(IOptions<AiProviderOptions> options, ILogger<LocalHintModel> logger)
    {
        _options = options.Value.Local;
        _logger = logger;
    }

    public string ModelName => Path.GetFileNameWithoutExtension(_options.ModelPath);

    public async IAsyncEnumerable<string> StreamAsync(string prompt, [EnumeratorCancellation] CancellationToken ct = default)
    {
        var weights = await EnsureLoadedAsync(ct);
        var executor = new StatelessExecutor(weights, _params!, _logger);
        var inference = new InferenceParams
        {
            MaxTokens = _options.MaxTokens,
            AntiPrompts = ["<|im_end|>", "用户："],
            SamplingPipeline = new DefaultSamplingPipeline { Temperature = 0.4f },
        };

        await foreach (var piece in executor.InferAsync(Wrap(prompt), inference, ct))
        {
            yield return piece;
        }
    }

    public async Task<string> CompleteAsync(string prompt, CancellationToken ct = default)
    {
        var sb = new StringBuilder();
        await foreach (var piece in StreamAsync(prompt, ct))
        {
            sb.Append(piece);
        }
        return sb.ToString().Replace("<|im_end|>", "").Trim();
    }

    private static string Wrap(string prompt) =>
        $"<|im_start|>system\n你是一名耐心的中小学辅导老师，回答简短，不直接给出最终答案。<|im_end|>\n<|im_start|>user\n{prompt}<|im_end|>\n<|im_start|>assistant\n";

    private async Task<LLamaWeights> EnsureLoadedAsync(CancellationToken ct)
    {
        if (_weights is not null) return _weights;
        await _loadLock.WaitAsync(ct);
        try
        {
            if (_weights is null)
            {
                _params = new ModelParams(_options.ModelPath)
                {
                    ContextSize = _options.ContextSize,
                    GpuLayerCount = _options.GpuLayerCount,
                };
                _logger.LogInformation("Loading local model {Model}", ModelName);
                _weights = await LLamaWeights.LoadFromFileAsync(_params, ct);
            }
            return _weights;
        }
        finally
        {
            _loadLock.Release();
        }
    }

    public void Dispose()
    {
        _weights?.Dispose();
        _loadLock.Dispose();
    }
}
