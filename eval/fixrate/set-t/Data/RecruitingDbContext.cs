using DeepSynth.Compliance.RealName;
using Microsoft.EntityFrameworkCore;

namespace ZhaoPinCopilot.Data;

public enum JobStatus { Draft, Published, Closed }

public enum ApplicationStage { Applied, Screening, Interviewing, Offered, Rejected, Hired }

public class JobPosting
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public string Title { get; set; } = "";
    public string Department { get; set; } = "";
    public string City { get; set; } = "";
    public string SalaryRange { get; set; } = "";
    public string? Requirements { get; set; }
    public string HiringManagerEmail { get; set; } = "";

    // Written by the model, edited by recruiters before publishing
    public string? DescriptionDraft { get; set; }
    public string? Teaser { get; set; }
    public string? DescriptionModel { get; set; }

    public JobStatus Status { get; set; } = JobStatus.Draft;
    public string CreatedBy { get; set; } = "";
    public string? PublishedBy { get; set; }
    public DateTime CreatedAt { get; set; } = DateTime.UtcNow;
    public DateTime? UpdatedAt { get; set; }
    public DateTime? PublishedAt { get; set; }

    public List<JobApplication> Applications { get; set; } = [];
}

public class Candidate
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public string UserId { get; set; } = "";
    public string FullName { get; set; } = "";
    public string Email { get; set; } = "";
    public string Mobile { get; set; } = "";
    public string? ResumeObjectKey { get; set; }
    public string? ResumeText { get; set; }
    public bool TalentPoolOptIn { get; set; }
    public DateTime CreatedAt { get; set; } = DateTime.UtcNow;
}

public class JobApplication
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid JobId { get; set; }
    public JobPosting? Job { get; set; }
    public Guid CandidateId { get; set; }
    public Candidate? Candidate { get; set; }
    public ApplicationStage Stage { get; set; } = ApplicationStage.Applied;
    public string? CoverNote { get; set; }

    public string? ScreeningSummary { get; set; }
    public int? FitScore { get; set; }
    public string? ScreeningModel { get; set; }
    public long? ScreeningTokens { get; set; }
    public DateTime? ScreenedAt { get; set; }

    public DateTime AppliedAt { get; set; } = DateTime.UtcNow;
    public List<Interview> Interviews { get; set; } = [];
}

public class Interview
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid ApplicationId { get; set; }
    public JobApplication? Application { get; set; }
    public DateTime ScheduledAt { get; set; }
    public string Location { get; set; } = "";
    public string InterviewerName { get; set; } = "";
    public bool ReminderSent { get; set; }

    public string? InterviewerNotes { get; set; }
    public string? Recommendation { get; set; }
    public DateTime? CompletedAt { get; set; }

    public string? QuestionSetJson { get; set; }
    public string? FeedbackReport { get; set; }
    public string? ReportModel { get; set; }
    public DateTime? ReportGeneratedAt { get; set; }
}

public class OfferLetter
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid ApplicationId { get; set; }
    public JobApplication? Application { get; set; }
    public decimal MonthlySalary { get; set; }
    public DateOnly StartDate { get; set; }
    public string Body { get; set; } = "";
    public string Model { get; set; } = "";
    public string Status { get; set; } = "Draft";
    public string IssuedBy { get; set; } = "";
    public DateTime CreatedAt { get; set; } = DateTime.UtcNow;
    public DateTime? SentAt { get; set; }
}

public class MediaAsset
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public string Kind { get; set; } = "";
    public string ObjectKey { get; set; } = "";
    public string ContentType { get; set; } = "";
    public string? Prompt { get; set; }
    public string? Model { get; set; }
    public string Status { get; set; } = "pending";
    public long Size { get; set; }
    public string OwnerId { get; set; } = "";
    public DateTime CreatedAt { get; set; } = DateTime.UtcNow;
}

public class RealNameRecord
{
    public string UserId { get; set; } = "";
    public RealNameMethod Method { get; set; }
    public string MaskedMobile { get; set; } = "";
    public DateTimeOffset VerifiedAt { get; set; }
    public DateTimeOffset? RevokedAt { get; set; }
}

public class RecruitingDbContext(DbContextOptions<RecruitingDbContext> options) : DbContext(options)
{
    public DbSet<JobPosting> JobPostings => Set<JobPosting>();
    public DbSet<Candidate> Candidates => Set<Candidate>();
    public DbSet<JobApplication> Applications => Set<JobApplication>();
    public DbSet<Interview> Interviews => Set<Interview>();
    public DbSet<OfferLetter> Offers => Set<OfferLetter>();
    public DbSet<MediaAsset> MediaAssets => Set<MediaAsset>();
    public DbSet<RealNameRecord> RealNameRecords => Set<RealNameRecord>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<JobPosting>(e =>
        {
            e.HasIndex(j => new { j.Status, j.PublishedAt });
            e.Property(j => j.Title).HasMaxLength(120);
            e.Property(j => j.Status).HasConversion<string>().HasMaxLength(16);
        });

        modelBuilder.Entity<Candidate>(e =>
        {
            e.HasIndex(c => c.UserId).IsUnique();
            e.Property(c => c.Mobile).HasMaxLength(20);
        });

        modelBuilder.Entity<JobApplication>(e =>
        {
            e.HasOne(a => a.Job).WithMany(j => j.Applications).HasForeignKey(a => a.JobId);
            e.HasOne(a => a.Candidate).WithMany().HasForeignKey(a => a.CandidateId);
            e.Property(a => a.Stage).HasConversion<string>().HasMaxLength(16);
        });

        modelBuilder.Entity<Interview>(e =>
        {
            e.HasOne(i => i.Application).WithMany(a => a.Interviews).HasForeignKey(i => i.ApplicationId);
            e.HasIndex(i => new { i.ReminderSent, i.ScheduledAt });
        });

        modelBuilder.Entity<OfferLetter>(e =>
        {
            e.HasOne(o => o.Application).WithMany().HasForeignKey(o => o.ApplicationId);
            e.Property(o => o.MonthlySalary).HasPrecision(12, 2);
        });

        modelBuilder.Entity<MediaAsset>(e => e.HasIndex(m => m.ObjectKey).IsUnique());

        modelBuilder.Entity<RealNameRecord>(e =>
        {
            e.HasKey(r => r.UserId);
            e.Property(r => r.Method).HasConversion<string>().HasMaxLength(32);
        });
    }
}
