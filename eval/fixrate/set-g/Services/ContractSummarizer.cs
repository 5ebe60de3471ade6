using LexDesk.Configuration;
using LexDesk.Models;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Options;

namespace LexDesk.Services;

public interface IContractSummarizer
{
    Task<ContractSummaryResponse> SummarizeAsync(ContractSummaryRequest request, CancellationToken cancellationToken);
}

public sealed class ContractSummarizer : IContractSummarizer
{
    private readonly IChatClient _chat;
    private readonly LexDeskOptions _options;
    private readonly ILogger<ContractSummarizer> _logger;

    public ContractSummarizer(IChatClient chat, IOptions<LexDeskOptions> options, ILogger<ContractSummarizer> logger)
    {
        _chat = chat;
        _options = options.Value;
        _logger = logger;
    }

    public async Task<ContractSummaryResponse> SummarizeAsync(ContractSummaryRequest request, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(request.ContractText);
        var text = request.ContractText.Length > _options.MaxContractCharacters
            ? request.ContractText[.._options.MaxContractCharacters]
            : request.ContractText;

        var prompt = $"""
            以下是客户上传的合同《{request.Title}》全文。请以客户代理律师的视角总结，重点关注：{request.Focus ?? "整体权利义务与风险"}。
            风险等级使用「高」「中」「低」。
            ---
            {text}
            ---
            """;

        var response = await _chat.GetResponseAsync<ContractSummary>(prompt, cancellationToken: cancellationToken);
        if (!response.TryGetResult(out var summary))
        {
            _logger.LogWarning("Model returned an unparsable summary for matter {MatterId}", request.MatterId);
            summary = new ContractSummary(response.Text, [], [], [], null);
        }

        return new ContractSummaryResponse
        {
            SummaryId = $"S-{DateTime.UtcNow:yyyyMMddHHmmss}-{Random.Shared.Next(1000, 9999)}",
            MatterId = request.MatterId,
            Title = request.Title,
            Summary = summary,
            Model = response.ModelId,
            CharacterCount = text.Length,
            GeneratedAt = DateTimeOffset.UtcNow
        };
    }
}
