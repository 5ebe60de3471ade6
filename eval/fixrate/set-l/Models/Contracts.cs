using System.ComponentModel;
using System.Text.Json.Serialization;

namespace LinguaPath.Models;

public sealed class AiOptions
{
    public const string Section = "Ai";

    public string OpenAiApiKey { get; set; } = "";
    public string? AzureEndpoint { get; set; }
    public string? AzureApiKey { get; set; }
    public string ChatModel { get; set; } = "gpt-4.1-mini";
    public string CorrectionModel { get; set; } = "gpt-4.1";
    public string ImageModel { get; set; } = "gpt-image-1";
    public string SpeechModel { get; set; } = "gpt-4o-mini-tts";
    public string AnthropicApiKey { get; set; } = "";
    public string GlmBaseUrl { get; set; } = "https://open.bigmodel.cn/api/paas/v4/";
    public string GlmApiKey { get; set; } = "";
    public string GlmModel { get; set; } = "glm-4-flash";
}

public sealed class SmtpOptions
{
    public const string Section = "Smtp";

    public string Host { get; set; } = "localhost";
    public int Port { get; set; } = 587;
    public string User { get; set; } = "";
    public string Password { get; set; } = "";
    public string FromAddress { get; set; } = "reports@linguapath.app";
    public string FromName { get; set; } = "LinguaPath";
}

public sealed class TwilioOptions
{
    public const string Section = "Twilio";

    public string AccountSid { get; set; } = "";
    public string AuthToken { get; set; } = "";
    public string FromNumber { get; set; } = "";
}

// ---- chat ----

public sealed record ChatRequest(string SessionId, string Message);

public sealed record ChatReply(string SessionId, string Reply, int Turns);

// ---- essays ----

public sealed record EssayRequest(int StudentId, string Title, string Text);

public sealed record EssayCorrectionResult(
    int SubmissionId,
    string CorrectedText,
    string Feedback,
    DateTimeOffset CorrectedAt);

// ---- quizzes ----

public sealed record QuizQuery(string Topic, string Level = "A2", int Questions = 5, string Language = "es");

public sealed class GeneratedQuiz
{
    [Description("Short title of the quiz")]
    public string Title { get; set; } = "";

    [Description("Multiple-choice questions")]
    public List<QuizQuestion> Questions { get; set; } = [];
}

public sealed class QuizQuestion
{
    public string Prompt { get; set; } = "";
    public List<string> Options { get; set; } = [];

    [Description("Zero-based index of the correct option")]
    public int CorrectIndex { get; set; }

    public string Explanation { get; set; } = "";
}

public sealed record QuizEnvelope(string Id, QuizQuery Query, GeneratedQuiz Quiz);

// ---- vocabulary ----

public sealed record FlashcardRequest(int StudentId, string Word, string Language, string? Context);

public sealed record FlashcardDto(int Id, string Word, string Translation, string? ImageUrl, string? AudioUrl);

// ---- lesson plans ----

public sealed record LessonPlanDraftRequest(int TeacherId, string Topic, string Level, int Minutes, string? Notes);

public sealed record LessonPlanRevisionRequest(string Instruction);

public sealed record LessonPlanDto(
    int Id,
    int TeacherId,
    string Title,
    string Level,
    string Content,
    string Status,
    DateTimeOffset CreatedAt,
    DateTimeOffset? PublishedAt);

// ---- students / stats ----

public sealed record StudentProfileDto(
    int Id,
    string DisplayName,
    string NativeLanguage,
    string TargetLanguage,
    string Level);

public sealed record UpdateProfileRequest(string DisplayName, string TargetLanguage, string Level, string? ParentEmail, string? Phone);

public sealed record ProgressStats(int StudentId, int DaysActive, int TotalMinutes, int Exercises, double AverageScore);

public sealed record EchoRequest(string Text);

public sealed record ReminderRequest(int StudentId, string Channel = "sms");

public sealed record DailyLessonDto(int Id, DateOnly Date, string Language, string Level, string Title, string Body);

[JsonConverter(typeof(JsonStringEnumConverter))]
public enum LessonPlanStatus
{
    Draft,
    Published,
    Archived
}
