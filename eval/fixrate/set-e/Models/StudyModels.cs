namespace StudyBuddy.Models;

public record Course(int Id, string Code, string Title, string Subject, int GradeLevel);

// Questions and hints
public record AskRequest(string Question, string? Subject, int GradeLevel = 10);
public record AskResponse(string Answer, string Subject, DateTimeOffset AnsweredAt);
public record HintRequest(string Problem, string? Attempt);

// Notes, quizzes and flashcards
public record SummaryRequest(string NotesText, string? Title = null, int MaxBullets = 6);
public record NoteSummary(string Title, IReadOnlyList<string> Bullets, string Model);
public record QuizRequest(string Topic, int QuestionCount = 5, string Difficulty = "medium");
public record QuizQuestion(string Prompt, List<string> Choices, int CorrectIndex, string Explanation);
public record Quiz(string Topic, List<QuizQuestion> Questions);
public record FlashcardRequest(string Notes, string Deck, int MaxCards = 15);

public class Flashcard
{
    public string Front { get; set; } = string.Empty;
    public string Back { get; set; } = string.Empty;
    public string Deck { get; set; } = "default";
    public DateTime CreatedUtc { get; set; } = DateTime.UtcNow;
}

// Media
public record DiagramRequest(string Concept, string Style = "clean textbook line drawing");
public record ReadAloudRequest(string Text, bool Slow = false);

// Planning, writing and tips
public record StudyPlanRequest(string Goal, int DaysUntilExam, List<string> WeakTopics);
public record EssayFeedbackRequest(string Essay, string Rubric, string? Level);
public record EssayFeedback(string Strengths, string Improvements, string NextStep, int WordCount);
public record DailyTip(string Subject, string Text, DateOnly Day);
