// kind: program
// User input that never becomes prompt text: persona selection, token limits, session ids for caching and logs.
using DeepSynth.Compliance;
using DeepSynth.Compliance.Audit;
using DeepSynth.Compliance.Labeling;
using DeepSynth.Compliance.Review;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Caching.Memory;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddMemoryCache();
builder.Services.AddDeepSynthCompliance(o => builder.Configuration.GetSection("DeepSynth").Bind(o));
var app = builder.Build();

var tutor = app.MapGroup("/tutor").RequireRealName();

tutor.MapPost("/ask", async (TutorRequest request, IChatClient chat, IContentReviewer reviewer, IAigcTextLabeler labeler,
    ISynthesisAuditLog audit, IMemoryCache cache, ILogger<TutorRequest> logger, CancellationToken ct) =>
{
    logger.LogInformation("Session {Session} asks in {Subject} mode", request.SessionId, request.Subject);

    var system = request.Subject switch
    {
        "math" => "你是数学老师，请一步一步讲解。",
        "english" => "You are an English teacher. Explain grammar simply.",
        _ => "你是一名耐心的家教。",
    };

    var question = await reviewer.EnsureAllowedAsync(request.Question, ReviewStage.Input, ct);
    var options = new ChatOptions
    {
        MaxOutputTokens = Math.Clamp(request.MaxTokens, 64, 1024),
        Temperature = request.Creative ? 0.9f : 0.2f,
    };

    var response = await chat.GetResponseAsync([new ChatMessage(ChatRole.System, system), new ChatMessage(ChatRole.User, question)], options, ct);
    var answer = await reviewer.EnsureAllowedAsync(response.Text, ReviewStage.Output, ct);
    await audit.RecordAsync(answer, new GenerationRecord { Model = response.ModelId }, ct);

    var labeled = labeler.Label(answer);
    cache.Set($"tutor:{request.SessionId}:last", labeled, TimeSpan.FromMinutes(30));
    return Results.Ok(new { answer = labeled, session = request.SessionId });
});

tutor.MapGet("/last/{sessionId}", (string sessionId, IMemoryCache cache) =>
    cache.TryGetValue<string>($"tutor:{sessionId}:last", out var last) ? Results.Ok(last) : Results.NotFound());

app.Run();

record TutorRequest(string SessionId, string Subject, string Question, int MaxTokens = 512, bool Creative = false);
