using System.Text;
using LexDesk.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.SemanticKernel;
using OpenAI.Images;

namespace LexDesk.Controllers;

public sealed record CaseReportIntro(string MatterId, string Title, string Introduction, DateTimeOffset CreatedAt);

[ApiController]
[Route("api/matters/{matterId}/report")]
public sealed class CaseReportsController(Kernel kernel, ImageClient images, IMatterStore store, ILogger<CaseReportsController> logger) : ControllerBase
{
    private const string IntroPrompt = """
        你是律师事务所的报告撰写人。请为以下案件的阶段性报告写一段约200字的引言，语气专业、客观。
        案件名称：{{$title}}；客户：{{$client}}；业务领域：{{$area}}
        已有条款草稿：
        {{$drafts}}
        """;

    [HttpPost("introduction")]
    public async Task<ActionResult<CaseReportIntro>> WriteIntroduction(string matterId, CancellationToken cancellationToken)
    {
        if (store.FindMatter(matterId) is not { } matter)
            return NotFound();

        var drafts = new StringBuilder();
        foreach (var draft in store.DraftsFor(matterId).Take(5))
            drafts.AppendLine($"- {draft.ClauseType}（{draft.CreatedAt:yyyy-MM-dd}）");

        var arguments = new KernelArguments
        {
            ["title"] = matter.Title,
            ["client"] = matter.ClientName,
            ["area"] = matter.PracticeArea,
            ["drafts"] = drafts.Length > 0 ? drafts.ToString() : "（暂无）"
        };
        var result = await kernel.InvokePromptAsync(IntroPrompt, arguments, cancellationToken: cancellationToken);

        logger.LogInformation("Wrote report introduction for {MatterId}", matterId);
        return Ok(new CaseReportIntro(matterId, matter.Title, result.GetValue<string>()?.Trim() ?? "", DateTimeOffset.UtcNow));
    }

    [HttpPost("cover")]
    public async Task<IActionResult> GenerateCover(string matterId, [FromQuery] string style = "classic", CancellationToken cancellationToken = default)
    {
        if (store.FindMatter(matterId) is not { } matter)
            return NotFound();

        var look = style == "ink" ? "traditional Chinese ink wash landscape, soft gradients" : "restrained navy and gold palette, engraved line art";
        var options = new ImageGenerationOptions { Size = GeneratedImageSize.W1792xH1024, ResponseFormat = GeneratedImageFormat.Bytes };
        GeneratedImage image = await images.GenerateImageAsync(
            $"Abstract cover illustration for a legal case report titled \"{matter.Title}\", {look}. No text, no faces, no logos.", options, cancellationToken);

        return File(image.ImageBytes.ToArray(), "image/png", $"{matterId}-cover.png");
    }
}
