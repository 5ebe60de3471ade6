// kind: program
// Streaming answers to the browser as server-sent events.
using System.Text;
using DeepSynth.Compliance;
using DeepSynth.Compliance.Audit;
using DeepSynth.Compliance.Labeling;
using DeepSynth.Compliance.Review;
using Microsoft.Extensions.AI;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddDeepSynthCompliance(o => builder.Configuration.GetSection("DeepSynth").Bind(o));
var app = builder.Build();

// v1: copied from a blog post.
app.MapGet("/sse/v1", async (string prompt, HttpResponse response, IChatClient chat, CancellationToken ct) =>
{
    response.Headers.ContentType = "text/event-stream";
    await foreach (var update in chat.GetStreamingResponseAsync(prompt, cancellationToken: ct)) // expect: DSYN004
    {
        if (string.IsNullOrEmpty(update.Text))
        {
            continue;
        }

        await response.WriteAsync($"data: {update.Text}\n\n", ct); // expect: DSYN001, DSYN002, DSYN003, DSYN005
        await response.Body.FlushAsync(ct);
    }

    await response.WriteAsync("event: done\ndata: [DONE]\n\n", ct);
});

// v2: notice first, then sentences that were reviewed and recorded before they are written.
app.MapGet("/sse/v2", async (string prompt, HttpResponse response, IChatClient chat, IContentReviewer reviewer,
    IAigcTextLabeler labeler, ISynthesisAuditLog audit, CancellationToken ct) =>
{
    var input = await reviewer.EnsureAllowedAsync(prompt, ReviewStage.Input, ct);
    response.Headers.ContentType = "text/event-stream";
    await response.WriteAsync($"event: notice\ndata: {labeler.Notice}\n\n", ct);

    var sentence = new StringBuilder();
    await foreach (var update in chat.GetStreamingResponseAsync(input, cancellationToken: ct))
    {
        sentence.Append(update.Text);
        if (!EndsSentence(sentence))
        {
            continue;
        }

        var allowed = await reviewer.EnsureAllowedAsync(sentence.ToString(), ReviewStage.Output, ct);
        await audit.RecordAsync(allowed, new GenerationRecord { Model = update.ModelId }, ct);
        await response.WriteAsync($"data: {allowed}\n\n", ct);
        sentence.Clear();
    }

    if (sentence.Length > 0)
    {
        var rest = await reviewer.EnsureAllowedAsync(sentence.ToString(), ReviewStage.Output, ct);
        await audit.RecordAsync(rest, new GenerationRecord(), ct);
        await response.WriteAsync($"data: {rest}\n\n", ct);
    }
}).RequireRealName();

// v3: the .NET 10 helper, with the SDK's streamed label; review and audit were "for later".
app.MapGet("/sse/v3", async (string prompt, IChatClient chat, IContentReviewer reviewer, IAigcTextLabeler labeler, CancellationToken ct) =>
{
    var input = await reviewer.EnsureAllowedAsync(prompt, ReviewStage.Input, ct);
    var tokens = chat.GetStreamingResponseAsync(input, cancellationToken: ct).Select(u => u.Text);
    return TypedResults.ServerSentEvents(labeler.LabelStream(tokens, ct), eventType: "token"); // expect: DSYN003, DSYN005
}).RequireRealName();

app.Run();

static bool EndsSentence(StringBuilder sb) =>
    sb.Length > 0 && sb[^1] is '。' or '！' or '？' or '.' or '!' or '?' or '\n';
