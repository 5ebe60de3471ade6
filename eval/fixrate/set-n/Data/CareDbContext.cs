using Microsoft.EntityFrameworkCore;

namespace CareMessenger.Data;

public sealed class Patient
{
    public int Id { get; set; }
    public string ExternalId { get; set; } = "";
    public string DisplayName { get; set; } = "";
    public string Mobile { get; set; } = "";
    public string? Email { get; set; }
    public string PreferredLanguage { get; set; } = "zh-CN";
    public int ClinicId { get; set; }
}

public sealed class Appointment
{
    public int Id { get; set; }
    public int PatientId { get; set; }
    public int ClinicId { get; set; }
    public string Department { get; set; } = "";
    public string DoctorName { get; set; } = "";
    public DateTimeOffset StartsAt { get; set; }
    public AppointmentStatus Status { get; set; }
    public bool ReminderSent { get; set; }
}

public enum AppointmentStatus { Booked, CheckedIn, Completed, Cancelled, NoShow }

public enum DraftKind { Reminder, FollowUp, HealthTip }

public enum DraftState { Pending, Approved, Sent, Rejected }

public sealed class MessageDraft
{
    public int Id { get; set; }
    public int? PatientId { get; set; }
    public int? AppointmentId { get; set; }
    public DraftKind Kind { get; set; }
    public DraftState State { get; set; }
    public string Body { get; set; } = "";
    public string? StaffNote { get; set; }
    public string Model { get; set; } = "";
    public int? OutputTokens { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? SentAt { get; set; }
}

public sealed class LabExplanation
{
    public int Id { get; set; }
    public int PatientId { get; set; }
    public string PanelCode { get; set; } = "";
    public string RawResults { get; set; } = "";
    public string PlainLanguage { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
}

public sealed class VisitSummary
{
    public Guid Id { get; set; }
    public int PatientId { get; set; }
    public int AppointmentId { get; set; }
    public string Markdown { get; set; } = "";
    public string DoctorNotes { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
}

public sealed class MediaAsset
{
    public Guid Id { get; set; }
    public string Topic { get; set; } = "";
    public string ContentType { get; set; } = "";
    public string StoragePath { get; set; } = "";
    public string? ThumbnailPath { get; set; }
    public long SizeBytes { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}

public sealed class ChatTurn
{
    public long Id { get; set; }
    public int PatientId { get; set; }
    public string Role { get; set; } = "";
    public string Text { get; set; } = "";
    public DateTimeOffset At { get; set; }
}

public sealed class IdentityVerification
{
    public string UserId { get; set; } = "";
    public DateTimeOffset VerifiedAt { get; set; }
    public string Method { get; set; } = "MobileNumber";
}

public sealed class CareDbContext(DbContextOptions<CareDbContext> options) : DbContext(options)
{
    public DbSet<Patient> Patients => Set<Patient>();
    public DbSet<Appointment> Appointments => Set<Appointment>();
    public DbSet<MessageDraft> Drafts => Set<MessageDraft>();
    public DbSet<LabExplanation> LabExplanations => Set<LabExplanation>();
    public DbSet<VisitSummary> VisitSummaries => Set<VisitSummary>();
    public DbSet<MediaAsset> MediaAssets => Set<MediaAsset>();
    public DbSet<ChatTurn> ChatTurns => Set<ChatTurn>();
    public DbSet<IdentityVerification> Verifications => Set<IdentityVerification>();

    protected override void OnModelCreating(ModelBuilder b)
    {
        b.Entity<Patient>().HasIndex(p => p.ExternalId).IsUnique();
        b.Entity<Appointment>().HasIndex(a => new { a.ClinicId, a.StartsAt });
        b.Entity<MessageDraft>().Property(d => d.Kind).HasConversion<string>();
        b.Entity<MessageDraft>().Property(d => d.State).HasConversion<string>();
        b.Entity<MessageDraft>().HasIndex(d => new { d.State, d.Kind });
        b.Entity<Appointment>().Property(a => a.Status).HasConversion<string>();
        b.Entity<ChatTurn>().HasIndex(t => new { t.PatientId, t.At });
        b.Entity<IdentityVerification>().HasKey(v => v.UserId);
    }
}
