using LinguaPath.Data;
using LinguaPath.Models;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace LinguaPath.Endpoints;

public static class CatalogEndpoints
{
    public static IEndpointRouteBuilder MapCatalogEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/health", () => Results.Ok(new { status = "ok", time = DateTimeOffset.UtcNow }))
           .ExcludeFromDescription();

        var api = app.MapGroup("/api");

        api.MapGet("/courses", Handlers.ListCourses);
        api.MapGet("/courses/{id:int}", Handlers.GetCourse);

        api.MapGet("/students/{id:int}", Handlers.GetProfile);
        api.MapPut("/students/{id:int}", Handlers.UpdateProfile);
        api.MapGet("/students/{id:int}/stats", Handlers.GetStats);
        api.MapGet("/students/{id:int}/essays", Handlers.ListEssays);
        api.MapGet("/students/{id:int}/flashcards", Handlers.ListFlashcards);

        api.MapPost("/echo", (EchoRequest request) => Results.Ok(new { text = request.Text, length = request.Text.Length }));

        api.MapGet("/lessons/daily", Handlers.GetDailyLesson);

        return app;
    }

    private static class Handlers
    {
        public static async Task<Ok<List<Course>>> ListCourses(string? language, TutorDbContext db, CancellationToken ct)
        {
            var query = db.Courses.AsNoTracking();
            if (!string.IsNullOrWhiteSpace(language))
            {
                query = query.Where(c => c.Language == language);
            }

            return TypedResults.Ok(await query.OrderBy(c => c.Language).ThenBy(c => c.Level).ToListAsync(ct));
        }

        public static async Task<Results<Ok<Course>, NotFound>> GetCourse(int id, TutorDbContext db, CancellationToken ct) =>
            await db.Courses.FindAsync([id], ct) is { } course ? TypedResults.Ok(course) : TypedResults.NotFound();

        public static async Task<Results<Ok<StudentProfileDto>, NotFound>> GetProfile(int id, TutorDbContext db, CancellationToken ct)
        {
            var s = await db.Students.FindAsync([id], ct);
            return s is null
                ? TypedResults.NotFound()
                : TypedResults.Ok(new StudentProfileDto(s.Id, s.DisplayName, s.NativeLanguage, s.TargetLanguage, s.Level));
        }

        public static async Task<Results<NoContent, NotFound>> UpdateProfile(int id, UpdateProfileRequest request, TutorDbContext db, CancellationToken ct)
        {
            var s = await db.Students.FindAsync([id], ct);
            if (s is null)
            {
                return TypedResults.NotFound();
            }

            s.DisplayName = request.DisplayName;
            s.TargetLanguage = request.TargetLanguage;
            s.Level = request.Level;
            s.ParentEmail = request.ParentEmail;
            s.Phone = request.Phone;
            await db.SaveChangesAsync(ct);
            return TypedResults.NoContent();
        }

        public static async Task<Ok<ProgressStats>> GetStats(int id, int? days, TutorDbContext db, TimeProvider clock, CancellationToken ct)
        {
            var since = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime).AddDays(-(days ?? 30));
            var entries = await db.Progress.AsNoTracking()
                .Where(p => p.StudentId == id && p.Day >= since)
                .ToListAsync(ct);

            return TypedResults.Ok(new ProgressStats(
                id,
                entries.Select(e => e.Day).Distinct().Count(),
                entries.Sum(e => e.MinutesStudied),
                entries.Sum(e => e.ExercisesCompleted),
                entries.Count == 0 ? 0 : Math.Round(entries.Average(e => e.Score), 1)));
        }

        public static async Task<Ok<List<EssayCorrectionResult>>> ListEssays(int id, TutorDbContext db, CancellationToken ct)
        {
            var essays = await db.Essays.AsNoTracking()
                .Where(e => e.StudentId == id)
                .OrderByDescending(e => e.Id)
                .Take(20)
                .Select(e => new EssayCorrectionResult(e.Id, e.CorrectedText, e.Feedback, e.CreatedAt))
                .ToListAsync(ct);
            return TypedResults.Ok(essays);
        }

        public static async Task<Ok<List<FlashcardDto>>> ListFlashcards(int id, TutorDbContext db, CancellationToken ct) =>
            TypedResults.Ok(await db.Flashcards.AsNoTracking()
                .Where(f => f.StudentId == id)
                .OrderBy(f => f.Word)
                .Select(f => new FlashcardDto(f.Id, f.Word, f.Translation, f.ImageUrl, f.AudioUrl))
                .ToListAsync(ct));

        public static async Task<Results<Ok<DailyLessonDto>, NotFound>> GetDailyLesson(
            string language, string level, DateOnly? date, TutorDbContext db, TimeProvider clock, CancellationToken ct)
        {
            var day = date ?? DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
            var lesson = await db.DailyLessons.AsNoTracking()
                .FirstOrDefaultAsync(l => l.Date == day && l.Language == language && l.Level == level, ct);

            return lesson is null
                ? TypedResults.NotFound()
                : TypedResults.Ok(new DailyLessonDto(lesson.Id, lesson.Date, lesson.Language, lesson.Level, lesson.Title, lesson.Body));
        }
    }
}
