using System.Text;
using Microsoft.Extensions.Options;
using OllamaSharp;
using OllamaSharp.Models;

namespace PeiFu.Claims.AI;

public sealed record LocalCompletion(string Text, string Model, int? PromptTokens, int? EvalTokens);

/// <summary>
/// Models served by the on-premises Ollama host. Used where claim data (photos, policy terms) should not leave
/// our network.
/// </summary>
public interface ILocalModelService
{
    Task<LocalCompletion> AnswerPolicyQuestionAsync(string policyTerms, string question, CancellationToken ct);
    Task<LocalCompletion> DescribeDamagePhotoAsync(byte[] image, string incidentType, CancellationToken ct);
    Task<LocalCompletion> RewriteInPlainLanguageAsync(string paragraph, CancellationToken ct);
    Task<LocalCompletion> ComposeStatusSmsAsync(string claimId, string customerName, string status, CancellationToken ct);
}

public sealed class LocalModelService(IOllamaApiClient ollama, IOptions<AiOptions> options, ILogger<LocalModelService> logger)
    : ILocalModelService
{
    private readonly AiOptions _options = options.Value;

    public Task<LocalCompletion> AnswerPolicyQuestionAsync(string policyTerms, string question, CancellationToken ct) =>
        GenerateAsync(new GenerateRequest
        {
            Model = _options.LocalModel,
            System = "你是保险保单问答助手，只依据给定的条款回答，条款未约定的请说明。",
            Prompt = $"保单条款：\n{policyTerms}\n\n客户问题：{question}"
        }, ct);

    public Task<LocalCompletion> DescribeDamagePhotoAsync(byte[] image, string incidentType, CancellationToken ct) =>
        GenerateAsync(new GenerateRequest
        {
            Model = _options.VisionModel,
            System = "你是车险/财产险定损助理。客观描述照片中可见的损失部位、损伤类型和严重程度，不要估算金额。",
            Prompt = $"出险类型：{incidentType}。请用三到五句话描述这张现场照片中的损失情况。",
            Images = [Convert.ToBase64String(image)]
        }, ct);

    public Task<LocalCompletion> RewriteInPlainLanguageAsync(string paragraph, CancellationToken ct) =>
        GenerateAsync(new GenerateRequest
        {
            Model = _options.LocalModel,
            System = "把保险专业表述改写成普通客户容易理解的语言，意思不变，不增加新的承诺。",
            Prompt = paragraph
        }, ct);

    public Task<LocalCompletion> ComposeStatusSmsAsync(string claimId, string customerName, string status, CancellationToken ct) =>
        GenerateAsync(new GenerateRequest
        {
            Model = _options.LocalModel,
            System = "写一条不超过70个字的理赔进度短信，开头为【赔付通】，语气亲切。",
            Prompt = $"客户：{customerName}；案件号：{claimId}；最新进度：{status}"
        }, ct);

    private async Task<LocalCompletion> GenerateAsync(GenerateRequest request, CancellationToken ct)
    {
        request.Stream = true;
        var text = new StringBuilder();
        int? promptTokens = null, evalTokens = null;

        await foreach (var chunk in ollama.GenerateAsync(request, ct))
        {
            if (chunk is null) continue;
            text.Append(chunk.Response);
            if (chunk is GenerateDoneResponseStream done)
            {
                promptTokens = done.PromptEvalCount;
                evalTokens = done.EvalCount;
            }
        }

        logger.LogDebug("Ollama {Model} produced {Tokens} tokens", request.Model, evalTokens);
        return new LocalCompletion(text.ToString().Trim(), request.Model ?? _options.LocalModel, promptTokens, evalTokens);
    }
}
