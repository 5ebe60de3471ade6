using System.ComponentModel.DataAnnotations;

namespace XueBa.Coach.Contracts;

// ---- essays ----

public sealed record SubmitEssayRequest(
    [property: Required, MaxLength(120)] string Title,
    [property: Required, MaxLength(12000)] string Body,
    int Grade,
    string Genre = "记叙文");

public sealed record EssayFeedbackRequest(string? Focus, bool IncludeScore = true);

public sealed record EssayFeedbackResponse(Guid EssayId, string Feedback, int? Score, string Model);

public sealed record RewriteRequest(string Style = "更生动", int? TargetWords = null);

public sealed record RewriteResponse(Guid EssayId, string Rewritten, string Style);

public sealed record EssaySummaryDto(Guid Id, string Title, int WordCount, string Status, int? Score, DateTimeOffset CreatedAt);

public sealed record EssayDetailDto(
    Guid Id,
    string Title,
    string Body,
    int WordCount,
    string Genre,
    string Status,
    string? Feedback,
    int? Score,
    string? TeacherNote,
    DateTimeOffset CreatedAt);

public sealed record TeacherNoteRequest([property: Required, MaxLength(2000)] string Note);

// ---- maths ----

public sealed record MathExplainRequest(
    [property: Required, MaxLength(2000)] string Question,
    int Grade,
    bool ShowAllSteps = true);

public sealed record MathExplanationDto(string Explanation, string Model, IReadOnlyList<string> Sources, bool FromCache);

public sealed class MathSolution
{
    public List<MathStep> Steps { get; set; } = [];
    public string FinalAnswer { get; set; } = "";
    public string CommonMistake { get; set; } = "";
}

public sealed record MathStep(string Title, string Detail);

public sealed record HintRequest([property: Required, MaxLength(1000)] string Question, string? StudentAttempt);

// ---- quizzes ----

public sealed record QuizRequest(string Subject, string Topic, int Grade, int QuestionCount = 5);

public sealed record QuizQuestion(string Stem, List<string> Options, int AnswerIndex, string Explanation);

public sealed record QuizDto(Guid Id, string Subject, string Topic, string Status, IReadOnlyList<QuizQuestion> Questions);

public sealed record QuizSubmission(int[] Answers);

public sealed record QuizResult(Guid QuizId, int Correct, int Total, double Score);

public sealed record WrongAnswerRequest(int QuestionIndex, int ChosenIndex);

// ---- media ----

public sealed record IllustrationRequest(Guid PassageId, [property: Required, MaxLength(500)] string Scene, string Style = "水彩绘本");

public sealed record PronunciationRequest([property: Required, MaxLength(600)] string Text, string? Voice, double Speed = 1.0);

public sealed record PassageRequest(string Topic, int Grade, int WordCount = 400, string Language = "zh");

public sealed record PassageDto(Guid Id, string Topic, int Grade, string Body, string? IllustrationUrl);

public sealed record MediaAssetDto(Guid Id, string Kind, string Url, string ContentType, long Bytes);

// ---- teacher ----

public sealed record AnnouncementDraftRequest([property: Required, MaxLength(800)] string Points, string Tone = "亲切");

public sealed record ClassInsightDto(string ClassId, int Essays, int Reviewed, double AverageScore, string Insight);

public sealed record ClassStatsDto(string ClassId, int Students, int EssaysThisWeek, int PendingReview, double AverageScore, long TutoringMinutes);

// ---- tutoring ----

public sealed record TutoringTurn(string Role, string Text, DateTimeOffset At);

public sealed record SessionSummaryDto(string SessionId, string Summary, int DurationSeconds, int Turns);

// ---- bus events ----

public sealed record EssayFeedbackReady(
    Guid EssayId,
    string StudentId,
    string? ParentId,
    string Title,
    string Feedback,
    int? Score,
    string Model,
    DateTimeOffset At);

public sealed record TutoringSessionEnded(
    string SessionId,
    string StudentId,
    string? ParentId,
    IReadOnlyList<TutoringTurn> Transcript,
    int DurationSeconds);

public sealed record DailyTipPublished(DateOnly Date, string Tip, string Model);
