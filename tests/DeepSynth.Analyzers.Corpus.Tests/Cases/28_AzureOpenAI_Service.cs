using System.ClientModel;
using Azure.AI.OpenAI;
using DeepSynth.Compliance;
using DeepSynth.Compliance.Audit;
using DeepSynth.Compliance.Labeling;
using DeepSynth.Compliance.Review;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using OpenAI.Chat;

namespace Insurance.Faq;

public sealed class AzureAiSettings
{
    public required string Endpoint { get; init; }
    public required string ApiKey { get; init; }
    public string Deployment { get; init; } = "gpt-4o";
}

public interface IFaqAnswerer
{
    Task<string> AnswerAsync(string question, CancellationToken cancellationToken = default);

    Task<string> AnswerReviewedAsync(string question, string userId, CancellationToken cancellationToken = default);
}

internal sealed class AzureFaqAnswerer : IFaqAnswerer
{
    private const string Instructions = "你是保险公司的客服，只回答与保单、理赔、缴费有关的问题。";

    private readonly ChatClient _client;
    private readonly IContentReviewer _reviewer;
    private readonly ISynthesisAuditLog _audit;

    public AzureFaqAnswerer(IOptions<AzureAiSettings> settings, IContentReviewer reviewer, ISynthesisAuditLog audit)
    {
        var azure = new AzureOpenAIClient(new Uri(settings.Value.Endpoint), new ApiKeyCredential(settings.Value.ApiKey));
        _client = azure.GetChatClient(settings.Value.Deployment);
        _reviewer = reviewer;
        _audit = audit;
    }

    public async Task<string> AnswerAsync(string question, CancellationToken cancellationToken = default)
    {
        ChatCompletion completion = await _client.CompleteChatAsync(
            [new SystemChatMessage(Instructions), new UserChatMessage(question)],
            new ChatCompletionOptions { MaxOutputTokenCount = 500 },
            cancellationToken);
        return completion.Content.Count > 0 ? completion.Content[0].Text : string.Empty;
    }

    public async Task<string> AnswerReviewedAsync(string question, string userId, CancellationToken cancellationToken = default)
    {
        var safeQuestion = await _reviewer.EnsureAllowedAsync(question, ReviewStage.Input, cancellationToken);
        var answer = await AnswerAsync(safeQuestion, cancellationToken);
        var verdict = await _reviewer.ReviewAsync(answer, ReviewStage.Output, cancellationToken);
        if (!verdict.IsAllowed)
        {
            throw new ContentBlockedException(verdict);
        }

        await _audit.RecordAsync(answer, new GenerationRecord { UserId = userId, Model = "gpt-4o" }, cancellationToken);
        return answer;
    }
}

public sealed record FaqQuestion(string Text);

[ApiController]
[Route("faq")]
public sealed class FaqController : ControllerBase
{
    private readonly IFaqAnswerer _answerer;
    private readonly IAigcTextLabeler _labeler;

    public FaqController(IFaqAnswerer answerer, IAigcTextLabeler labeler)
    {
        _answerer = answerer;
        _labeler = labeler;
    }

    [HttpPost("ask")]
    public async Task<IActionResult> Ask(FaqQuestion question, CancellationToken cancellationToken)
    {
        var answer = await _answerer.AnswerAsync(question.Text, cancellationToken); // expect: DSYN004
        return Ok(new { answer }); // expect: DSYN001, DSYN002, DSYN003, DSYN005
    }

    [HttpPost("ask/v2")]
    [RequireRealName]
    public async Task<IActionResult> AskV2(FaqQuestion question, CancellationToken cancellationToken)
    {
        try
        {
            var answer = await _answerer.AnswerReviewedAsync(question.Text, User.Identity?.Name ?? "", cancellationToken);
            return Ok(new { answer = _labeler.Label(answer) });
        }
        catch (ContentBlockedException)
        {
            return StatusCode(StatusCodes.Status451UnavailableForLegalReasons);
        }
    }
}
