using LinguaPath.Models;
using Microsoft.EntityFrameworkCore;

namespace LinguaPath.Data;

public class Student
{
    public int Id { get; set; }
    public string DisplayName { get; set; } = "";
    public string Email { get; set; } = "";
    public string? ParentEmail { get; set; }
    public string? Phone { get; set; }
    public string NativeLanguage { get; set; } = "en";
    public string TargetLanguage { get; set; } = "es";
    public string Level { get; set; } = "A1";
}

public class Course
{
    public int Id { get; set; }
    public string Title { get; set; } = "";
    public string Language { get; set; } = "";
    public string Level { get; set; } = "";
    public string Description { get; set; } = "";
}

public class EssaySubmission
{
    public int Id { get; set; }
    public int StudentId { get; set; }
    public string Title { get; set; } = "";
    public string OriginalText { get; set; } = "";
    public string CorrectedText { get; set; } = "";
    public string Feedback { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
}

public class Flashcard
{
    public int Id { get; set; }
    public int StudentId { get; set; }
    public string Word { get; set; } = "";
    public string Translation { get; set; } = "";
    public string? ImageUrl { get; set; }
    public string? AudioUrl { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}

public class LessonPlan
{
    public int Id { get; set; }
    public int TeacherId { get; set; }
    public string Title { get; set; } = "";
    public string Topic { get; set; } = "";
    public string Level { get; set; } = "";
    public string Content { get; set; } = "";
    public LessonPlanStatus Status { get; set; } = LessonPlanStatus.Draft;
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? PublishedAt { get; set; }
}

public class DailyLesson
{
    public int Id { get; set; }
    public DateOnly Date { get; set; }
    public string Language { get; set; } = "";
    public string Level { get; set; } = "";
    public string Title { get; set; } = "";
    public string Body { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
}

public class ProgressEntry
{
    public int Id { get; set; }
    public int StudentId { get; set; }
    public DateOnly Day { get; set; }
    public int MinutesStudied { get; set; }
    public int ExercisesCompleted { get; set; }
    public double Score { get; set; }
    public string? WeakArea { get; set; }
}

public class TutorDbContext(DbContextOptions<TutorDbContext> options) : DbContext(options)
{
    public DbSet<Student> Students => Set<Student>();
    public DbSet<Course> Courses => Set<Course>();
    public DbSet<EssaySubmission> Essays => Set<EssaySubmission>();
    public DbSet<Flashcard> Flashcards => Set<Flashcard>();
    public DbSet<LessonPlan> LessonPlans => Set<LessonPlan>();
    public DbSet<DailyLesson> DailyLessons => Set<DailyLesson>();
    public DbSet<ProgressEntry> Progress => Set<ProgressEntry>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<LessonPlan>().Property(p => p.Status).HasConversion<string>();
        modelBuilder.Entity<DailyLesson>().HasIndex(d => new { d.Date, d.Language, d.Level }).IsUnique();
        modelBuilder.Entity<ProgressEntry>().HasIndex(p => new { p.StudentId, p.Day });

        modelBuilder.Entity<Course>().HasData(
            new Course { Id = 1, Title = "Spanish for Beginners", Language = "es", Level = "A1", Description = "Greetings, numbers, everyday phrases." },
            new Course { Id = 2, Title = "Spanish Conversation", Language = "es", Level = "B1", Description = "Opinions, travel and work topics." },
            new Course { Id = 3, Title = "French Essentials", Language = "fr", Level = "A2", Description = "Past tense, shopping, directions." },
            new Course { Id = 4, Title = "Mandarin Starter", Language = "zh", Level = "A1", Description = "Pinyin, tones and 300 core characters." });

        modelBuilder.Entity<Student>().HasData(
            new Student { Id = 1, DisplayName = "Mia", Email = "mia@example.com", ParentEmail = "parent.mia@example.com", Phone = "+15555550101", TargetLanguage = "es", Level = "A2" },
            new Student { Id = 2, DisplayName = "Leo", Email = "leo@example.com", ParentEmail = "parent.leo@example.com", Phone = "+15555550102", TargetLanguage = "fr", Level = "A2" });
    }
}
