// kind: program
// Real-name verification applied once, by endpoint conventions, to every controller and hub.
using System.Runtime.CompilerServices;
using DeepSynth.Compliance;
using DeepSynth.Compliance.Audit;
using DeepSynth.Compliance.Labeling;
using DeepSynth.Compliance.Review;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.AI;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddControllers();
builder.Services.AddSignalR();
builder.Services.AddDeepSynthCompliance(o => builder.Configuration.GetSection("DeepSynth").Bind(o));

var app = builder.Build();
app.UseAuthentication();
app.UseAuthorization();
app.MapControllers().RequireRealName();
app.MapHub<WriterHub>("/hubs/writer").RequireRealName();
app.Run();

public sealed record Topic(string Text);

[ApiController]
[Route("api/poems")]
public sealed class PoemsController(IChatClient chat, IContentReviewer reviewer, IAigcTextLabeler labeler, ISynthesisAuditLog audit) : ControllerBase
{
    [HttpPost]
    public async Task<IActionResult> Write(Topic topic, CancellationToken ct)
    {
        var input = await reviewer.EnsureAllowedAsync(topic.Text, ReviewStage.Input, ct);
        var response = await chat.GetResponseAsync($"写一首关于{input}的现代诗。", cancellationToken: ct);
        var poem = await reviewer.EnsureAllowedAsync(response.Text, ReviewStage.Output, ct);
        await audit.RecordAsync(poem, new GenerationRecord(), ct);
        return Ok(labeler.Label(poem));
    }

    // The sample poem on the home page, shown before login.
    [AllowAnonymous]
    [HttpGet("sample")]
    public async Task<IActionResult> Sample(CancellationToken ct)
    {
        var response = await chat.GetResponseAsync("写一首关于秋天的四行短诗。", cancellationToken: ct);
        var poem = await reviewer.EnsureAllowedAsync(response.Text, ReviewStage.Output, ct);
        await audit.RecordAsync(poem, new GenerationRecord(), ct);
        return Ok(labeler.Label(poem)); // expect: DSYN002
    }
}

public sealed class WriterHub(IChatClient chat, IContentReviewer reviewer, IAigcTextLabeler labeler, ISynthesisAuditLog audit) : Hub
{
    public async IAsyncEnumerable<string> Continue(string text, [EnumeratorCancellation] CancellationToken ct)
    {
        var input = await reviewer.EnsureAllowedAsync(text, ReviewStage.Input, ct);
        var response = await chat.GetResponseAsync($"续写：{input}", cancellationToken: ct);
        var continuation = await reviewer.EnsureAllowedAsync(response.Text, ReviewStage.Output, ct);
        await audit.RecordAsync(continuation, new GenerationRecord(), ct);
        yield return labeler.Label(continuation);
    }
}
