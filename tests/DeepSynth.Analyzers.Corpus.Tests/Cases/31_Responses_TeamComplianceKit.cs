// kind: program
// The Responses API, with the team's own compliance kit (annotated with the DeepSynth attributes) instead of the SDK.
using System.Security.Claims;
using DeepSynth.Compliance;
using OpenAI.Responses;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddSingleton(new ResponsesClient(builder.Configuration["OpenAI:ApiKey"]!));
builder.Services.AddSingleton<ComplianceKit>();
var app = builder.Build();

const string Model = "gpt-4.1-mini";

app.MapPost("/v1/answers", async (Question q, HttpContext ctx, ResponsesClient responses, ComplianceKit kit, CancellationToken ct) =>
{
    if (!await kit.HasRealNameAsync(ctx.User))
    {
        return Results.Forbid();
    }

    var input = kit.Screen(q.Text);
    var result = await responses.CreateResponseAsync(Model, input, cancellationToken: ct);
    var text = kit.Screen(result.Value.GetOutputText());
    await kit.JournalAsync(text, ctx.User.FindFirstValue(ClaimTypes.NameIdentifier));
    return Results.Ok(new Answer(kit.Stamp(text)));
});

// The verification result is only logged, never acted on: reported once, as an ignored check (not again as DSYN002).
app.MapPost("/v1/answers/lenient", async (Question q, HttpContext ctx, ResponsesClient responses, ComplianceKit kit, ILogger<ComplianceKit> log, CancellationToken ct) =>
{
    var verified = await kit.HasRealNameAsync(ctx.User); // expect: DSYN008
    log.LogInformation("Real-name verified: {Verified}", verified);

    var result = await responses.CreateResponseAsync(Model, kit.Screen(q.Text), cancellationToken: ct);
    var text = kit.Screen(result.Value.GetOutputText());
    await kit.JournalAsync(text, ctx.User.FindFirstValue(ClaimTypes.NameIdentifier));
    return Results.Ok(new Answer(kit.Stamp(text)));
});

// The journal gets the question instead of the answer.
app.MapPost("/v1/answers/journal-input", async (Question q, HttpContext ctx, ResponsesClient responses, ComplianceKit kit, CancellationToken ct) =>
{
    if (!await kit.HasRealNameAsync(ctx.User))
    {
        return Results.Forbid();
    }

    var input = kit.Screen(q.Text);
    await kit.JournalAsync(input, ctx.User.FindFirstValue(ClaimTypes.NameIdentifier));
    var result = await responses.CreateResponseAsync(Model, input, cancellationToken: ct);
    var text = kit.Screen(result.Value.GetOutputText());
    return Results.Ok(new Answer(kit.Stamp(text))); // expect: DSYN005
});

app.Run();

public sealed record Question(string Text);

public sealed record Answer(string Text);

/// <summary>In-house compliance helpers, written before the SDK existed.</summary>
public sealed class ComplianceKit
{
    private static readonly string[] Banned = ["刷单返利", "代开发票"];

    [IdentityVerifier]
    public Task<bool> HasRealNameAsync(ClaimsPrincipal user) =>
        Task.FromResult(user.HasClaim("realname_verified", "true"));

    /// <summary>Throws when the text contains anything on the block list; returns it otherwise.</summary>
    [ContentReviewer]
    public string Screen(string text) =>
        Banned.Any(text.Contains) ? throw new InvalidOperationException("blocked") : text;

    [AigcLabeler]
    public string Stamp(string text) => "【AI生成】" + text;

    [SynthesisAuditor]
    public Task JournalAsync(string content, string? userId) => Task.CompletedTask;
}
