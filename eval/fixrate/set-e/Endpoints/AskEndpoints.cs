using System.Text;
using Microsoft.Extensions.AI;
using StudyBuddy.Infrastructure;
using StudyBuddy.Models;

namespace StudyBuddy.Endpoints;

public static class AskEndpoints
{
    private const string TutorPersona =
        "You are a patient homework helper. Explain step by step and never just hand over the final answer.";

    public static RouteGroupBuilder MapAskEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/ask").AddEndpointFilter<StudentHeaderFilter>().WithTags("Ask");

        group.MapPost("/", async (AskRequest request, IChatClient chat, CancellationToken ct) =>
        {
            var messages = new List<ChatMessage>
            {
                new(ChatRole.System, $"{TutorPersona} The student is in grade {request.GradeLevel}."),
                new(ChatRole.User, request.Question),
            };

            var response = await chat.GetResponseAsync(messages, cancellationToken: ct);
            return Results.Ok(new AskResponse(
                Answer: response.Text,
                Subject: request.Subject ?? "general",
                AnsweredAt: DateTimeOffset.UtcNow));
        });

        group.MapGet("/define/{term}", DefineTerm);
        group.MapPost("/hint", GiveHint);
        group.MapGet("/stream", StreamAnswer);

        return group;

        async Task<IResult> DefineTerm(string term, string? subject, IChatClient chat, CancellationToken ct)
        {
            var context = subject is null ? "" : $" in the context of {subject}";
            var response = await chat.GetResponseAsync(
                $"Define \"{term}\"{context} in one or two sentences a 14-year-old can follow.",
                new ChatOptions { Temperature = 0.2f },
                ct);

            return Results.Text($"{term}: {response.Text.Trim()}");
        }
    }

    private static async Task<IResult> GiveHint(HintRequest request, IChatClient chat, CancellationToken ct)
    {
        var prompt = $"Give ONE short hint, not the solution, for this homework problem: {request.Problem}\n"
            + $"What the student tried so far: {request.Attempt ?? "nothing yet"}";
        var response = await chat.GetResponseAsync(prompt, new ChatOptions { MaxOutputTokens = 150 }, ct);

        var hint = response.Text.Trim();
        return Results.Ok(new { hint, problem = request.Problem, tokens = response.Usage?.TotalTokenCount });
    }

    // Server-sent events so the answer appears while it is being written.
    private static async Task StreamAnswer(HttpContext context, IChatClient chat)
    {
        var question = context.Request.Query["q"].ToString();
        var ct = context.RequestAborted;
        context.Response.ContentType = "text/event-stream";

        List<ChatMessage> messages = [new(ChatRole.System, TutorPersona), new(ChatRole.User, question)];
        await foreach (var update in chat.GetStreamingResponseAsync(messages, cancellationToken: ct))
        {
            var frame = Encoding.UTF8.GetBytes($"data: {update.Text.Replace("\n", "\\n")}\n\n");
            await context.Response.Body.WriteAsync(frame, ct);
        }

        await context.Response.WriteAsync("event: done\ndata: {}\n\n", ct);
    }
}
