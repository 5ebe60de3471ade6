using System.Text;
using DeepSynth.Compliance;
using DeepSynth.Compliance.Audit;
using DeepSynth.Compliance.Labeling;
using DeepSynth.Compliance.Review;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.AI;

namespace Hr.Assistant;

public static class ChatClientExtensions
{
    public static async Task<string> AskAsync(this IChatClient chat, string system, string user, CancellationToken ct = default)
    {
        var response = await chat.GetResponseAsync(
            [new ChatMessage(ChatRole.System, system), new ChatMessage(ChatRole.User, user)],
            new ChatOptions { Temperature = 0.3f },
            ct);
        return response.Text.Trim();
    }
}

public static class TextFormatting
{
    public static string ToBulletList(this string text)
    {
        var sb = new StringBuilder();
        foreach (var line in text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            sb.Append("• ").AppendLine(line.TrimStart('-', '*', ' '));
        }

        return sb.ToString();
    }
}

public sealed record PolicyQuestion(string Question);

[ApiController]
[Route("api/hr")]
[RequireRealName]
public sealed class HrAssistantController(IChatClient chat, IContentReviewer reviewer, IAigcTextLabeler labeler, ISynthesisAuditLog audit) : ControllerBase
{
    private const string SystemPrompt = "你是公司的人事政策助手，只根据员工手册回答，用要点列出。";

    [HttpPost("ask")]
    public async Task<IActionResult> Ask(PolicyQuestion body, CancellationToken ct)
    {
        var answer = await chat.AskAsync(SystemPrompt, body.Question, ct); // expect: DSYN004
        return Ok(answer.ToBulletList()); // expect: DSYN001, DSYN003, DSYN005
    }

    [HttpPost("ask/v2")]
    public async Task<IActionResult> AskV2(PolicyQuestion body, CancellationToken ct)
    {
        var question = await reviewer.EnsureAllowedAsync(body.Question, ReviewStage.Input, ct);
        var answer = await chat.AskAsync(SystemPrompt, question, ct);
        answer = await reviewer.EnsureAllowedAsync(answer, ReviewStage.Output, ct);
        await audit.RecordAsync(answer, new GenerationRecord(), ct);
        return Ok(labeler.Label(answer.ToBulletList()));
    }
}
