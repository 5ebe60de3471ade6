using System.Text.Json;
using Dapper;
using Npgsql;
using XueBa.Coach.Contracts;

namespace XueBa.Coach.Infrastructure.Data;

public sealed class QuizRow
{
    public Guid Id { get; init; }
    public string StudentId { get; init; } = "";
    public string Subject { get; init; } = "";
    public string Topic { get; init; } = "";
    public int Grade { get; init; }
    public string Status { get; init; } = "queued";
    public string? QuestionsJson { get; init; }
    public string? Model { get; init; }
    public string? HangfireJobId { get; init; }
    public DateTimeOffset CreatedAt { get; init; }

    public IReadOnlyList<QuizQuestion> Questions =>
        QuestionsJson is null ? [] : JsonSerializer.Deserialize<List<QuizQuestion>>(QuestionsJson, JsonSerializerOptions.Web) ?? [];
}

public sealed class WeeklyReportRow
{
    public Guid Id { get; init; }
    public string ParentId { get; init; } = "";
    public string StudentId { get; init; } = "";
    public DateOnly WeekStart { get; init; }
    public int MinutesStudied { get; init; }
    public int EssaysSubmitted { get; init; }
    public double QuizAverage { get; init; }
    public string Narrative { get; init; } = "";
    public string Model { get; init; } = "";
    public DateTimeOffset CreatedAt { get; init; }
}

public sealed class PassageRow
{
    public Guid Id { get; init; }
    public string AuthorId { get; init; } = "";
    public string Topic { get; init; } = "";
    public int Grade { get; init; }
    public string Body { get; init; } = "";
    public string Model { get; init; } = "";
    public Guid? IllustrationId { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
}

public sealed class MediaAssetRow
{
    public Guid Id { get; init; }
    public string OwnerId { get; init; } = "";
    public string Kind { get; init; } = "";
    public string RelativePath { get; init; } = "";
    public string ContentType { get; init; } = "";
    public long Bytes { get; init; }
    public string Model { get; init; } = "";
    public DateTimeOffset CreatedAt { get; init; }
}

public sealed record FamilyContact(string StudentId, string StudentName, string ParentId, string ParentName, string? Email, string? Mobile);

public sealed record WeeklyActivity(string StudentId, int MinutesStudied, int EssaysSubmitted, double QuizAverage, int TutoringSessions);

public interface ILearningRepository
{
    Task<Guid> CreateQuizAsync(string studentId, QuizRequest request, CancellationToken ct);
    Task AttachQuizJobAsync(Guid quizId, string jobId, CancellationToken ct);
    Task SaveQuizQuestionsAsync(Guid quizId, IReadOnlyList<QuizQuestion> questions, string model, CancellationToken ct);
    Task MarkQuizFailedAsync(Guid quizId, string reason, CancellationToken ct);
    Task<QuizRow?> GetQuizAsync(Guid quizId, CancellationToken ct);
    Task SaveQuizAttemptAsync(Guid quizId, string studentId, int correct, int total, CancellationToken ct);

    Task<Guid> SaveWeeklyReportAsync(WeeklyReportRow row, CancellationToken ct);
    Task<WeeklyReportRow?> GetWeeklyReportAsync(Guid id, CancellationToken ct);
    Task<IReadOnlyList<WeeklyReportRow>> ListWeeklyReportsAsync(string parentId, int take, CancellationToken ct);
    Task<WeeklyActivity> GetWeeklyActivityAsync(string studentId, DateOnly weekStart, CancellationToken ct);

    Task<Guid> SavePassageAsync(PassageRow row, CancellationToken ct);
    Task<PassageRow?> GetPassageAsync(Guid id, CancellationToken ct);
    Task AttachIllustrationAsync(Guid passageId, Guid assetId, CancellationToken ct);

    Task<Guid> SaveMediaAssetAsync(MediaAssetRow row, CancellationToken ct);
    Task<MediaAssetRow?> GetMediaAssetAsync(Guid id, CancellationToken ct);

    Task<FamilyContact?> GetFamilyContactAsync(string studentId, CancellationToken ct);
    Task<IReadOnlyList<FamilyContact>> ListFamiliesForWeeklyReportAsync(CancellationToken ct);
    Task<IReadOnlyList<string>> ListActiveClassIdsAsync(CancellationToken ct);
}

public sealed class LearningRepository(NpgsqlDataSource db) : ILearningRepository
{
    public async Task<Guid> CreateQuizAsync(string studentId, QuizRequest request, CancellationToken ct)
    {
        var id = Guid.NewGuid();
        await using var conn = await db.OpenConnectionAsync(ct);
        await conn.ExecuteAsync(new CommandDefinition("""
            INSERT INTO quizzes (id, student_id, subject, topic, grade, status, created_at)
            VALUES (@id, @studentId, @Subject, @Topic, @Grade, 'queued', now())
            """, new { id, studentId, request.Subject, request.Topic, request.Grade }, cancellationToken: ct));
        return id;
    }

    public async Task AttachQuizJobAsync(Guid quizId, string jobId, CancellationToken ct)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        await conn.ExecuteAsync(new CommandDefinition(
            "UPDATE quizzes SET hangfire_job_id = @jobId WHERE id = @quizId", new { quizId, jobId }, cancellationToken: ct));
    }

    public async Task SaveQuizQuestionsAsync(Guid quizId, IReadOnlyList<QuizQuestion> questions, string model, CancellationToken ct)
    {
        var json = JsonSerializer.Serialize(questions, JsonSerializerOptions.Web);
        await using var conn = await db.OpenConnectionAsync(ct);
        await conn.ExecuteAsync(new CommandDefinition("""
            UPDATE quizzes SET questions_json = @json::jsonb, model = @model, status = 'ready' WHERE id = @quizId
            """, new { quizId, json, model }, cancellationToken: ct));
    }

    public async Task MarkQuizFailedAsync(Guid quizId, string reason, CancellationToken ct)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        await conn.ExecuteAsync(new CommandDefinition(
            "UPDATE quizzes SET status = 'failed', failure_reason = @reason WHERE id = @quizId", new { quizId, reason }, cancellationToken: ct));
    }

    public async Task<QuizRow?> GetQuizAsync(Guid quizId, CancellationToken ct)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        return await conn.QuerySingleOrDefaultAsync<QuizRow>(new CommandDefinition("""
            SELECT id, student_id AS StudentId, subject, topic, grade, status, questions_json::text AS QuestionsJson,
                   model, hangfire_job_id AS HangfireJobId, created_at AS CreatedAt
            FROM quizzes WHERE id = @quizId
            """, new { quizId }, cancellationToken: ct));
    }

    public async Task SaveQuizAttemptAsync(Guid quizId, string studentId, int correct, int total, CancellationToken ct)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        await conn.ExecuteAsync(new CommandDefinition("""
            INSERT INTO quiz_attempts (quiz_id, student_id, correct, total, submitted_at) VALUES (@quizId, @studentId, @correct, @total, now())
            """, new { quizId, studentId, correct, total }, cancellationToken: ct));
    }

    public async Task<Guid> SaveWeeklyReportAsync(WeeklyReportRow row, CancellationToken ct)
    {
        var id = row.Id == Guid.Empty ? Guid.NewGuid() : row.Id;
        await using var conn = await db.OpenConnectionAsync(ct);
        await conn.ExecuteAsync(new CommandDefinition("""
            INSERT INTO weekly_reports (id, parent_id, student_id, week_start, minutes_studied, essays_submitted, quiz_average, narrative, model, created_at)
            VALUES (@id, @ParentId, @StudentId, @WeekStart, @MinutesStudied, @EssaysSubmitted, @QuizAverage, @Narrative, @Model, now())
            ON CONFLICT (student_id, week_start) DO UPDATE SET narrative = excluded.narrative, model = excluded.model
            """,
            new { id, row.ParentId, row.StudentId, row.WeekStart, row.MinutesStudied, row.EssaysSubmitted, row.QuizAverage, row.Narrative, row.Model },
            cancellationToken: ct));
        return id;
    }

    public async Task<WeeklyReportRow?> GetWeeklyReportAsync(Guid id, CancellationToken ct)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        return await conn.QuerySingleOrDefaultAsync<WeeklyReportRow>(new CommandDefinition("""
            SELECT id, parent_id AS ParentId, student_id AS StudentId, week_start AS WeekStart, minutes_studied AS MinutesStudied,
                   essays_submitted AS EssaysSubmitted, quiz_average AS QuizAverage, narrative, model, created_at AS CreatedAt
            FROM weekly_reports WHERE id = @id
            """, new { id }, cancellationToken: ct));
    }

    public async Task<IReadOnlyList<WeeklyReportRow>> ListWeeklyReportsAsync(string parentId, int take, CancellationToken ct)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        var rows = await conn.QueryAsync<WeeklyReportRow>(new CommandDefinition("""
            SELECT id, parent_id AS ParentId, student_id AS StudentId, week_start AS WeekStart, minutes_studied AS MinutesStudied,
                   essays_submitted AS EssaysSubmitted, quiz_average AS QuizAverage, '' AS Narrative, model, created_at AS CreatedAt
            FROM weekly_reports WHERE parent_id = @parentId ORDER BY week_start DESC LIMIT @take
            """, new { parentId, take }, cancellationToken: ct));
        return rows.AsList();
    }

    public async Task<WeeklyActivity> GetWeeklyActivityAsync(string studentId, DateOnly weekStart, CancellationToken ct)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        return await conn.QuerySingleAsync<WeeklyActivity>(new CommandDefinition("""
            SELECT @studentId AS StudentId,
                   coalesce((SELECT sum(minutes) FROM study_sessions WHERE student_id = @studentId AND day >= @weekStart AND day < @weekStart + 7), 0)::int AS MinutesStudied,
                   (SELECT count(*) FROM essays WHERE student_id = @studentId AND created_at >= @weekStart)::int AS EssaysSubmitted,
                   coalesce((SELECT avg(correct::float8 / nullif(total, 0)) FROM quiz_attempts WHERE student_id = @studentId AND submitted_at >= @weekStart), 0)::float8 AS QuizAverage,
                   (SELECT count(*) FROM tutoring_sessions WHERE student_id = @studentId AND started_at >= @weekStart)::int AS TutoringSessions
            """, new { studentId, weekStart }, cancellationToken: ct));
    }

    public async Task<Guid> SavePassageAsync(PassageRow row, CancellationToken ct)
    {
        var id = Guid.NewGuid();
        await using var conn = await db.OpenConnectionAsync(ct);
        await conn.ExecuteAsync(new CommandDefinition("""
            INSERT INTO passages (id, author_id, topic, grade, body, model, created_at) VALUES (@id, @AuthorId, @Topic, @Grade, @Body, @Model, now())
            """, new { id, row.AuthorId, row.Topic, row.Grade, row.Body, row.Model }, cancellationToken: ct));
        return id;
    }

    public async Task<PassageRow?> GetPassageAsync(Guid id, CancellationToken ct)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        return await conn.QuerySingleOrDefaultAsync<PassageRow>(new CommandDefinition("""
            SELECT id, author_id AS AuthorId, topic, grade, body, model, illustration_id AS IllustrationId, created_at AS CreatedAt
            FROM passages WHERE id = @id
            """, new { id }, cancellationToken: ct));
    }

    public async Task AttachIllustrationAsync(Guid passageId, Guid assetId, CancellationToken ct)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        await conn.ExecuteAsync(new CommandDefinition(
            "UPDATE passages SET illustration_id = @assetId WHERE id = @passageId", new { passageId, assetId }, cancellationToken: ct));
    }

    public async Task<Guid> SaveMediaAssetAsync(MediaAssetRow row, CancellationToken ct)
    {
        var id = row.Id == Guid.Empty ? Guid.NewGuid() : row.Id;
        await using var conn = await db.OpenConnectionAsync(ct);
        await conn.ExecuteAsync(new CommandDefinition("""
            INSERT INTO media_assets (id, owner_id, kind, relative_path, content_type, bytes, model, created_at)
            VALUES (@id, @OwnerId, @Kind, @RelativePath, @ContentType, @Bytes, @Model, now())
            """, new { id, row.OwnerId, row.Kind, row.RelativePath, row.ContentType, row.Bytes, row.Model }, cancellationToken: ct));
        return id;
    }

    public async Task<MediaAssetRow?> GetMediaAssetAsync(Guid id, CancellationToken ct)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        return await conn.QuerySingleOrDefaultAsync<MediaAssetRow>(new CommandDefinition("""
            SELECT id, owner_id AS OwnerId, kind, relative_path AS RelativePath, content_type AS ContentType, bytes, model, created_at AS CreatedAt
            FROM media_assets WHERE id = @id
            """, new { id }, cancellationToken: ct));
    }

    public async Task<FamilyContact?> GetFamilyContactAsync(string studentId, CancellationToken ct)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        return await conn.QuerySingleOrDefaultAsync<FamilyContact>(new CommandDefinition("""
            SELECT s.user_id AS StudentId, s.display_name AS StudentName, p.user_id AS ParentId, p.display_name AS ParentName, p.email AS Email, p.mobile AS Mobile
            FROM students s JOIN parents p ON p.user_id = s.parent_id WHERE s.user_id = @studentId
            """, new { studentId }, cancellationToken: ct));
    }

    public async Task<IReadOnlyList<FamilyContact>> ListFamiliesForWeeklyReportAsync(CancellationToken ct)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        var rows = await conn.QueryAsync<FamilyContact>(new CommandDefinition("""
            SELECT s.user_id AS StudentId, s.display_name AS StudentName, p.user_id AS ParentId, p.display_name AS ParentName, p.email AS Email, p.mobile AS Mobile
            FROM students s JOIN parents p ON p.user_id = s.parent_id
            WHERE p.weekly_report_opt_in AND s.active
            """, cancellationToken: ct));
        return rows.AsList();
    }

    public async Task<IReadOnlyList<string>> ListActiveClassIdsAsync(CancellationToken ct)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        var rows = await conn.QueryAsync<string>(new CommandDefinition("SELECT id FROM classes WHERE archived = false", cancellationToken: ct));
        return rows.AsList();
    }
}
