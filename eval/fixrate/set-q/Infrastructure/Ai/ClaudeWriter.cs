using System.Text;
using Anthropic;
using Anthropic.Models.Messages;
using Microsoft.Extensions.Options;
using XueBa.Coach.Configuration;

namespace XueBa.Coach.Infrastructure.Ai;

public sealed record ClaudeCompletion(string Text, string Model, long InputTokens, long OutputTokens, string? StopReason);

public interface IClaudeWriter
{
    Task<ClaudeCompletion> CompleteAsync(string system, string user, int? maxTokens = null, CancellationToken ct = default);
}

/// <summary>Thin wrapper over the official Anthropic SDK; used for the long-form writing features.</summary>
public sealed class ClaudeWriter : IClaudeWriter, IDisposable
{
    private readonly AnthropicClient _client;
    private readonly AnthropicOptions _options;
    private readonly ILogger<ClaudeWriter> _logger;

    public ClaudeWriter(IOptions<AiProviderOptions> options, ILogger<ClaudeWriter> logger)
    {
        _options = options.Value.Anthropic;
        _logger = logger;
        _client = new AnthropicClient
        {
            ApiKey = _options.ApiKey,
            MaxRetries = 2,
            Timeout = TimeSpan.FromSeconds(90),
        };
    }

    public async Task<ClaudeCompletion> CompleteAsync(string system, string user, int? maxTokens = null, CancellationToken ct = default)
    {
        var request = new MessageCreateParams
        {
            Model = _options.Model,
            MaxTokens = maxTokens ?? _options.MaxTokens,
            System = system,
            Messages =
            [
                new UserMessageParam { Content = user },
            ],
        };

        var message = await _client.Messages.Create(request, ct);

        var text = new StringBuilder();
        foreach (var block in message.Content)
        {
            if (block.TryPickText(out var textBlock))
            {
                text.Append(textBlock.Text);
            }
        }

        _logger.LogInformation("Claude {Model} answered with {Output} output tokens", _options.Model, message.Usage.OutputTokens);

        return new ClaudeCompletion(
            text.ToString().Trim(),
            _options.Model,
            message.Usage.InputTokens,
            message.Usage.OutputTokens,
            message.StopReason?.ToString());
    }

    public void Dispose() => _client.Dispose();
}
