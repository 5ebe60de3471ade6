using Dapper;
using Npgsql;

namespace XueBa.Coach.Infrastructure.Data;

public sealed class EssayRow
{
    public Guid Id { get; init; }
    public string StudentId { get; init; } = "";
    public string ClassId { get; init; } = "";
    public string Title { get; init; } = "";
    public string Body { get; init; } = "";
    public int WordCount { get; init; }
    public string Genre { get; init; } = "";
    public int Grade { get; init; }
    public string Status { get; init; } = EssayStatus.Submitted;
    public string? Feedback { get; init; }
    public int? Score { get; init; }
    public string? FeedbackModel { get; init; }
    public string? Rewrite { get; init; }
    public string? TeacherNote { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset? ReviewedAt { get; init; }
}

public static class EssayStatus
{
    public const string Submitted = "submitted";
    public const string FeedbackReady = "feedback_ready";
    public const string Approved = "approved";
}

public sealed record ClassEssayStats(int Essays, int Reviewed, double AverageScore, int PendingReview);

public interface IEssayRepository
{
    Task<Guid> CreateAsync(string studentId, string classId, string title, string body, int grade, string genre, CancellationToken ct);
    Task<EssayRow?> GetAsync(Guid id, CancellationToken ct);
    Task<IReadOnlyList<EssayRow>> ListForStudentAsync(string studentId, int take, CancellationToken ct);
    Task<IReadOnlyList<EssayRow>> ListForClassAsync(string classId, DateTimeOffset since, CancellationToken ct);
    Task SaveFeedbackAsync(Guid id, string feedback, int? score, string model, CancellationToken ct);
    Task SaveRewriteAsync(Guid id, string rewrite, CancellationToken ct);
    Task SetTeacherNoteAsync(Guid id, string note, CancellationToken ct);
    Task ApproveAsync(Guid id, CancellationToken ct);
    Task<ClassEssayStats> GetClassStatsAsync(string classId, DateTimeOffset since, CancellationToken ct);
}

public sealed class EssayRepository(NpgsqlDataSource db) : IEssayRepository
{
    private const string Columns = """
        id, student_id AS StudentId, class_id AS ClassId, title, body, word_count AS WordCount, genre, grade, status,
        feedback, score, feedback_model AS FeedbackModel, rewrite, teacher_note AS TeacherNote,
        created_at AS CreatedAt, reviewed_at AS ReviewedAt
        """;

    public async Task<Guid> CreateAsync(string studentId, string classId, string title, string body, int grade, string genre, CancellationToken ct)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        var id = Guid.NewGuid();
        await conn.ExecuteAsync(new CommandDefinition("""
            INSERT INTO essays (id, student_id, class_id, title, body, word_count, genre, grade, status, created_at)
            VALUES (@id, @studentId, @classId, @title, @body, @wordCount, @genre, @grade, 'submitted', now())
            """,
            new { id, studentId, classId, title, body, wordCount = CountWords(body), genre, grade }, cancellationToken: ct));
        return id;
    }

    public async Task<EssayRow?> GetAsync(Guid id, CancellationToken ct)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        return await conn.QuerySingleOrDefaultAsync<EssayRow>(
            new CommandDefinition($"SELECT {Columns} FROM essays WHERE id = @id", new { id }, cancellationToken: ct));
    }

    public async Task<IReadOnlyList<EssayRow>> ListForStudentAsync(string studentId, int take, CancellationToken ct)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        var rows = await conn.QueryAsync<EssayRow>(new CommandDefinition(
            $"SELECT {Columns} FROM essays WHERE student_id = @studentId ORDER BY created_at DESC LIMIT @take",
            new { studentId, take }, cancellationToken: ct));
        return rows.AsList();
    }

    public async Task<IReadOnlyList<EssayRow>> ListForClassAsync(string classId, DateTimeOffset since, CancellationToken ct)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        var rows = await conn.QueryAsync<EssayRow>(new CommandDefinition(
            $"SELECT {Columns} FROM essays WHERE class_id = @classId AND created_at >= @since ORDER BY created_at DESC",
            new { classId, since }, cancellationToken: ct));
        return rows.AsList();
    }

    public async Task SaveFeedbackAsync(Guid id, string feedback, int? score, string model, CancellationToken ct)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        await conn.ExecuteAsync(new CommandDefinition("""
            UPDATE essays SET feedback = @feedback, score = @score, feedback_model = @model, status = 'feedback_ready', reviewed_at = now()
            WHERE id = @id
            """, new { id, feedback, score, model }, cancellationToken: ct));
    }

    public async Task SaveRewriteAsync(Guid id, string rewrite, CancellationToken ct)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        await conn.ExecuteAsync(new CommandDefinition(
            "UPDATE essays SET rewrite = @rewrite WHERE id = @id", new { id, rewrite }, cancellationToken: ct));
    }

    public async Task SetTeacherNoteAsync(Guid id, string note, CancellationToken ct)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        await conn.ExecuteAsync(new CommandDefinition(
            "UPDATE essays SET teacher_note = @note WHERE id = @id", new { id, note }, cancellationToken: ct));
    }

    public async Task ApproveAsync(Guid id, CancellationToken ct)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        await conn.ExecuteAsync(new CommandDefinition(
            "UPDATE essays SET status = 'approved' WHERE id = @id", new { id }, cancellationToken: ct));
    }

    public async Task<ClassEssayStats> GetClassStatsAsync(string classId, DateTimeOffset since, CancellationToken ct)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        return await conn.QuerySingleAsync<ClassEssayStats>(new CommandDefinition("""
            SELECT count(*)::int AS Essays,
                   count(*) FILTER (WHERE status <> 'submitted')::int AS Reviewed,
                   coalesce(avg(score), 0)::float8 AS AverageScore,
                   count(*) FILTER (WHERE status = 'feedback_ready')::int AS PendingReview
            FROM essays WHERE class_id = @classId AND created_at >= @since
            """, new { classId, since }, cancellationToken: ct));
    }

    private static int CountWords(string body)
    {
        // Chinese essays are counted by characters, English by words.
        var cjk = body.Count(c => c >= 0x4E00 && c <= 0x9FFF);
        var latinWords = body.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Count(w => w.Any(char.IsAsciiLetter));
        return cjk + latinWords;
    }
}
