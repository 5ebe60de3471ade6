using DeepSynth.Compliance.RealName;
using Microsoft.EntityFrameworkCore;

namespace PeiFu.Claims.Data;

public enum ClaimStatus { Open, AwaitingDocuments, UnderReview, Approved, PartiallyApproved, Rejected, Paid, Closed }

public enum PhotoStatus { Uploaded, Describing, Described, Failed }

public enum LetterStatus { Draft, Approved, Sent, Withdrawn }

public class InsuranceClaim
{
    public string Id { get; set; } = default!;
    public string PolicyNumber { get; set; } = default!;
    public string CustomerId { get; set; } = default!;
    public string CustomerName { get; set; } = default!;
    public string CustomerEmail { get; set; } = default!;
    public string CustomerMobile { get; set; } = default!;
    public string IncidentType { get; set; } = default!;
    public string IncidentLocation { get; set; } = "";
    public DateTimeOffset IncidentDate { get; set; }
    public decimal ClaimedAmount { get; set; }
    public decimal? ApprovedAmount { get; set; }
    public ClaimStatus Status { get; set; }
    public string? AssignedAdjusterId { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }

    public List<ClaimMessage> Messages { get; set; } = new();
    public List<ClaimPhoto> Photos { get; set; } = new();
}

public class ClaimMessage
{
    public long Id { get; set; }
    public string ClaimId { get; set; } = default!;
    /// <summary>customer, assistant or adjuster.</summary>
    public string Role { get; set; } = default!;
    public string Content { get; set; } = default!;
    public string? Model { get; set; }
    public int? InputTokens { get; set; }
    public int? OutputTokens { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}

public class ClaimPhoto
{
    public Guid Id { get; set; }
    public string ClaimId { get; set; } = default!;
    public string ObjectKey { get; set; } = default!;
    public string OriginalFileName { get; set; } = default!;
    public string ContentType { get; set; } = default!;
    public long SizeBytes { get; set; }
    public PhotoStatus Status { get; set; }
    public string? DamageDescription { get; set; }
    public string? DescriptionModel { get; set; }
    public string? FailureReason { get; set; }
    public DateTimeOffset UploadedAt { get; set; }
    public DateTimeOffset? DescribedAt { get; set; }
}

public class DecisionLetter
{
    public Guid Id { get; set; }
    public string ClaimId { get; set; } = default!;
    public string AdjusterId { get; set; } = default!;
    public string Decision { get; set; } = default!;
    public decimal? Amount { get; set; }
    public string AdjusterNotes { get; set; } = "";
    public string DraftBody { get; set; } = "";
    public string Model { get; set; } = "";
    public LetterStatus Status { get; set; }
    public string? DocumentKey { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? ApprovedAt { get; set; }
    public DateTimeOffset? SentAt { get; set; }
}

public class FraudReview
{
    public Guid Id { get; set; }
    public string ClaimId { get; set; } = default!;
    public string AnalystId { get; set; } = default!;
    public string AnalystNotes { get; set; } = "";
    public int RiskScore { get; set; }
    public string RedFlagsJson { get; set; } = "[]";
    public string AiSummary { get; set; } = "";
    public string RecommendedAction { get; set; } = "";
    public string Model { get; set; } = "";
    public int PromptTokens { get; set; }
    public int CompletionTokens { get; set; }
    public bool Escalated { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}

public class InsurancePolicy
{
    public string PolicyNumber { get; set; } = default!;
    public string CustomerId { get; set; } = default!;
    public string Product { get; set; } = default!;
    public DateOnly EffectiveFrom { get; set; }
    public DateOnly ExpiresOn { get; set; }
    public decimal Premium { get; set; }
    public decimal Deductible { get; set; }
    public string CoverageTerms { get; set; } = "";
    public bool AutoRenew { get; set; }
}

public class RenewalReminder
{
    public Guid Id { get; set; }
    public string PolicyNumber { get; set; } = default!;
    public string CustomerId { get; set; } = default!;
    public string Channel { get; set; } = default!;
    public string Body { get; set; } = "";
    public string Model { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? SentAt { get; set; }
    public string? FailureReason { get; set; }
}

public class CustomerProfile
{
    public string CustomerId { get; set; } = default!;
    public string DisplayName { get; set; } = default!;
    public string Email { get; set; } = default!;
    public string Mobile { get; set; } = default!;
    public string? PushToken { get; set; }
    public string PreferredLanguage { get; set; } = "zh-CN";
}

public class RealNameRecord
{
    public string UserId { get; set; } = default!;
    public RealNameMethod Method { get; set; }
    public DateTimeOffset VerifiedAt { get; set; }
    public string ProviderReference { get; set; } = "";
    public bool Revoked { get; set; }
}

public class ModelUsage
{
    public long Id { get; set; }
    public string Feature { get; set; } = default!;
    public string Model { get; set; } = default!;
    public int InputTokens { get; set; }
    public int OutputTokens { get; set; }
    public DateTimeOffset At { get; set; }
}

public class ClaimsDbContext(DbContextOptions<ClaimsDbContext> options) : DbContext(options)
{
    public DbSet<InsuranceClaim> Claims => Set<InsuranceClaim>();
    public DbSet<ClaimMessage> ClaimMessages => Set<ClaimMessage>();
    public DbSet<ClaimPhoto> ClaimPhotos => Set<ClaimPhoto>();
    public DbSet<DecisionLetter> DecisionLetters => Set<DecisionLetter>();
    public DbSet<FraudReview> FraudReviews => Set<FraudReview>();
    public DbSet<InsurancePolicy> Policies => Set<InsurancePolicy>();
    public DbSet<RenewalReminder> RenewalReminders => Set<RenewalReminder>();
    public DbSet<CustomerProfile> Customers => Set<CustomerProfile>();
    public DbSet<RealNameRecord> RealNameRecords => Set<RealNameRecord>();
    public DbSet<ModelUsage> ModelUsage => Set<ModelUsage>();

    protected override void OnModelCreating(ModelBuilder b)
    {
        b.Entity<InsuranceClaim>(e =>
        {
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).HasMaxLength(32);
            e.HasIndex(x => x.PolicyNumber);
            e.HasIndex(x => x.CustomerId);
            e.Property(x => x.Status).HasConversion<string>();
            e.HasMany(x => x.Messages).WithOne().HasForeignKey(m => m.ClaimId);
            e.HasMany(x => x.Photos).WithOne().HasForeignKey(p => p.ClaimId);
        });
        b.Entity<ClaimMessage>().HasIndex(x => new { x.ClaimId, x.CreatedAt });
        b.Entity<ClaimPhoto>().Property(x => x.Status).HasConversion<string>();
        b.Entity<DecisionLetter>(e =>
        {
            e.HasIndex(x => x.ClaimId);
            e.Property(x => x.Status).HasConversion<string>();
        });
        b.Entity<FraudReview>().HasIndex(x => x.ClaimId);
        b.Entity<InsurancePolicy>().HasKey(x => x.PolicyNumber);
        b.Entity<RenewalReminder>().HasIndex(x => new { x.PolicyNumber, x.Channel });
        b.Entity<CustomerProfile>().HasKey(x => x.CustomerId);
        b.Entity<RealNameRecord>().HasKey(x => x.UserId);
        b.Entity<ModelUsage>().HasIndex(x => new { x.Feature, x.At });
    }
}
