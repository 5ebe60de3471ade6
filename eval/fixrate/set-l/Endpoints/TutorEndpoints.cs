using System.Text.Json;
using LinguaPath.Data;
using LinguaPath.Middleware;
using LinguaPath.Models;
using LinguaPath.Notifications;
using LinguaPath.Services;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace LinguaPath.Endpoints;

public static class TutorEndpoints
{
    public static IEndpointRouteBuilder MapTutorEndpoints(this IEndpointRouteBuilder app)
    {
        var tutor = app.MapGroup("/api/tutor").WithTags("Tutor");

        tutor.MapPost("/chat", async (ChatRequest request, HttpContext http, TutorDbContext db, ITutorChatService chat, CancellationToken ct) =>
        {
            var student = await db.Students.FindAsync([http.RequireStudentId()], ct);
            if (student is null)
            {
                return Results.NotFound();
            }

            var (reply, turns) = await chat.SendAsync(request.SessionId, student, request.Message, ct);
            return Results.Ok(new ChatReply(request.SessionId, reply, turns));
        });

        tutor.MapGet("/chat/stream", StreamChatAsync);

        tutor.MapDelete("/chat/{sessionId}", (string sessionId, ITutorChatService chat) =>
        {
            chat.Reset(sessionId);
            return Results.NoContent();
        });

        tutor.MapPost("/essays", CorrectEssayAsync);

        tutor.MapPost("/essays/upload", async (IFormFile file, [FromForm] string? title, HttpContext http,
            TutorDbContext db, IEssayCorrectionService essays, CancellationToken ct) =>
        {
            if (file.Length is 0 or > 64 * 1024)
            {
                return Results.BadRequest("Upload a plain-text essay up to 64 KB.");
            }

            using var reader = new StreamReader(file.OpenReadStream());
            var text = await reader.ReadToEndAsync(ct);
            var student = await db.Students.FindAsync([http.RequireStudentId()], ct);
            if (student is null)
            {
                return Results.NotFound();
            }

            var result = await essays.CorrectAsync(student, title ?? Path.GetFileNameWithoutExtension(file.FileName), text, ct);
            return Results.Ok(result);
        }).DisableAntiforgery();

        var quizzes = app.MapGroup("/api/quizzes").WithTags("Quizzes");

        quizzes.MapPost("/", async ([AsParameters] QuizQuery query, IQuizService quizService, CancellationToken ct) =>
        {
            var envelope = await quizService.GenerateAsync(query, ct);
            return Results.Created($"/api/quizzes/{envelope.Id}", envelope);
        });

        quizzes.MapGet("/{id}", Results<Ok<QuizEnvelope>, NotFound> (string id, IQuizService quizService) =>
            quizService.Find(id) is { } envelope ? TypedResults.Ok(envelope) : TypedResults.NotFound());

        var vocab = app.MapGroup("/api/vocabulary").WithTags("Vocabulary");

        vocab.MapPost("/flashcards", async (FlashcardRequest request, IMediaGenerationService media, CancellationToken ct) =>
        {
            var card = await media.CreateFlashcardAsync(request, ct);
            return Results.Created($"/api/vocabulary/flashcards/{card.Id}", card);
        });

        vocab.MapGet("/pronounce", async (string text, string? voice, float? speed, IMediaGenerationService media, CancellationToken ct) =>
        {
            if (string.IsNullOrWhiteSpace(text) || text.Length > 500)
            {
                return Results.BadRequest("Text must be between 1 and 500 characters.");
            }

            var audio = await media.SpeakAsync(text, voice, speed ?? 1.0f, ct);
            return Results.File(audio.ToArray(), "audio/mpeg", "pronunciation.mp3");
        });

        app.MapPost("/api/students/{id:int}/reminders", async (int id, ReminderRequest request, IReminderQueue queue, CancellationToken ct) =>
        {
            await queue.EnqueueAsync(request with { StudentId = id }, ct);
            return Results.Accepted();
        }).WithTags("Reminders");

        return app;
    }

    private static async Task StreamChatAsync(
        HttpContext http,
        string sessionId,
        string message,
        TutorDbContext db,
        ITutorChatService chat,
        CancellationToken ct)
    {
        var student = await db.Students.FindAsync([http.RequireStudentId()], ct);
        if (student is null)
        {
            http.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        http.Response.Headers.ContentType = "text/event-stream";
        http.Response.Headers.CacheControl = "no-cache";

        await foreach (var chunk in chat.StreamAsync(sessionId, student, message, ct))
        {
            await http.Response.WriteAsync($"data: {JsonSerializer.Serialize(new { text = chunk })}\n\n", ct);
            await http.Response.Body.FlushAsync(ct);
        }

        await http.Response.WriteAsync("event: done\ndata: {}\n\n", ct);
    }

    private static async Task<IResult> CorrectEssayAsync(
        EssayRequest request,
        TutorDbContext db,
        IEssayCorrectionService essays,
        CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(request.Text))
        {
            return Results.ValidationProblem(new Dictionary<string, string[]> { ["text"] = ["Essay text is required."] });
        }

        var student = await db.Students.FindAsync([request.StudentId], ct);
        if (student is null)
        {
            return Results.NotFound();
        }

        var result = await essays.CorrectAsync(student, request.Title, request.Text, ct);
        return Results.Ok(result);
    }
}
