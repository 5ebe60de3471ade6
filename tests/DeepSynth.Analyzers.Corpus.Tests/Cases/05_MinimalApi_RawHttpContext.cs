// kind: program
// Handlers that work on HttpContext directly: query, form, headers and body reads, raw response writes.
using System.Text.Json;
using DeepSynth.Compliance;
using DeepSynth.Compliance.Audit;
using DeepSynth.Compliance.Labeling;
using DeepSynth.Compliance.RealName;
using DeepSynth.Compliance.Review;
using Microsoft.Extensions.AI;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddDeepSynthCompliance(o => builder.Configuration.GetSection("DeepSynth").Bind(o));
var app = builder.Build();

app.MapGet("/ask", async (HttpContext ctx, IChatClient chat) =>
{
    var q = ctx.Request.Query["q"].ToString();
    if (string.IsNullOrWhiteSpace(q))
    {
        ctx.Response.StatusCode = 400;
        await ctx.Response.WriteAsync("missing q");
        return;
    }

    var r = await chat.GetResponseAsync(q, cancellationToken: ctx.RequestAborted); // expect: DSYN004
    ctx.Response.ContentType = "text/plain; charset=utf-8";
    await ctx.Response.WriteAsync(r.Text, ctx.RequestAborted); // expect: DSYN001, DSYN002, DSYN003, DSYN005
});

app.MapPost("/feedback-reply", async (HttpContext ctx, IChatClient chat, IContentReviewer reviewer,
    IAigcTextLabeler labeler, ISynthesisAuditLog audit, IRealNameGate gate) =>
{
    var ct = ctx.RequestAborted;
    await gate.EnsureVerifiedAsync(ctx.User, ct);
    var form = await ctx.Request.ReadFormAsync(ct);
    var complaint = await reviewer.EnsureAllowedAsync(form["text"].ToString(), ReviewStage.Input, ct);
    var draft = await chat.GetResponseAsync($"请礼貌地回复这条用户反馈：{complaint}", cancellationToken: ct);
    var reply = await reviewer.EnsureAllowedAsync(draft.Text, ReviewStage.Output, ct);
    await audit.RecordAsync(reply, new GenerationRecord { Model = draft.ModelId }, ct);
    await ctx.Response.WriteAsJsonAsync(new { reply = labeler.Label(reply) }, ct);
});

app.MapPost("/persona-chat", async (HttpContext ctx, IChatClient chat, IContentReviewer reviewer,
    IAigcTextLabeler labeler, ISynthesisAuditLog audit) =>
{
    var ct = ctx.RequestAborted;
    var body = await JsonSerializer.DeserializeAsync<PersonaChat>(ctx.Request.Body, cancellationToken: ct) ?? throw new BadHttpRequestException("empty body");
    var message = await reviewer.EnsureAllowedAsync(body.Message, ReviewStage.Input, ct);
    // The persona comes from the mobile app's settings screen, in a header; nobody thought of it as user input.
    var persona = ctx.Request.Headers["X-Persona"].ToString();
    var messages = new List<ChatMessage>
    {
        new(ChatRole.System, $"You are {persona}. Stay in character."),
        new(ChatRole.User, message),
    };
    var response = await chat.GetResponseAsync(messages, cancellationToken: ct); // expect: DSYN004
    var text = await reviewer.EnsureAllowedAsync(response.Text, ReviewStage.Output, ct);
    await audit.RecordAsync(text, new GenerationRecord { Model = response.ModelId }, ct);
    await ctx.Response.WriteAsync(labeler.Label(text), ct);
}).RequireRealName();

app.MapPost("/echo", async (HttpContext ctx) =>
{
    using var reader = new StreamReader(ctx.Request.Body);
    var text = await reader.ReadToEndAsync();
    await ctx.Response.WriteAsync(text);
});

app.Run();

record PersonaChat(string Message);
