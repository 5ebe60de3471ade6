using Microsoft.EntityFrameworkCore;

namespace WealthPal.Data;

public class WealthDbContext(DbContextOptions<WealthDbContext> options) : DbContext(options)
{
    public DbSet<Customer> Customers => Set<Customer>();
    public DbSet<Advisor> Advisors => Set<Advisor>();
    public DbSet<RealNameRecord> RealNameRecords => Set<RealNameRecord>();
    public DbSet<Fund> Funds => Set<Fund>();
    public DbSet<Holding> Holdings => Set<Holding>();
    public DbSet<MonthlyStatement> Statements => Set<MonthlyStatement>();
    public DbSet<StatementLine> StatementLines => Set<StatementLine>();
    public DbSet<AdvisorMeeting> Meetings => Set<AdvisorMeeting>();
    public DbSet<MarketingDraft> MarketingDrafts => Set<MarketingDraft>();
    public DbSet<ChatSessionRecord> ChatSessions => Set<ChatSessionRecord>();
    public DbSet<ChatTurn> ChatTurns => Set<ChatTurn>();
    public DbSet<InAppMessage> InAppMessages => Set<InAppMessage>();
    public DbSet<ReportAsset> ReportAssets => Set<ReportAsset>();
    public DbSet<RiskAssessment> RiskAssessments => Set<RiskAssessment>();
    public DbSet<ModelUsage> ModelUsage => Set<ModelUsage>();

    protected override void OnModelCreating(ModelBuilder b)
    {
        b.HasDefaultSchema("wealth");

        b.Entity<Customer>(e =>
        {
            e.HasIndex(x => x.ExternalUserId).IsUnique();
            e.HasIndex(x => x.WeComExternalId);
            e.HasMany(x => x.Holdings).WithOne().HasForeignKey(h => h.CustomerId);
        });

        b.Entity<Fund>(e =>
        {
            e.Property(x => x.Nav).HasPrecision(18, 4);
            e.Property(x => x.PreviousNav).HasPrecision(18, 4);
            e.Property(x => x.ManagementFeeRate).HasPrecision(8, 6);
            e.Property(x => x.CustodyFeeRate).HasPrecision(8, 6);
            e.Ignore(x => x.DailyChange);
        });

        b.Entity<Holding>(e =>
        {
            e.Property(x => x.Units).HasPrecision(18, 4);
            e.Property(x => x.CostBasis).HasPrecision(18, 2);
            e.HasOne(x => x.Fund).WithMany().HasForeignKey(x => x.FundCode);
        });

        b.Entity<MonthlyStatement>(e =>
        {
            e.HasIndex(x => new { x.CustomerId, x.Year, x.Month }).IsUnique();
            e.Property(x => x.Status).HasConversion<string>().HasMaxLength(16);
            e.HasMany(x => x.Lines).WithOne().HasForeignKey(l => l.StatementId);
            e.Ignore(x => x.Return);
            foreach (var p in new[] { nameof(MonthlyStatement.OpeningValue), nameof(MonthlyStatement.ClosingValue),
                                      nameof(MonthlyStatement.NetFlows), nameof(MonthlyStatement.Dividends), nameof(MonthlyStatement.Fees) })
                e.Property(p).HasPrecision(18, 2);
        });

        b.Entity<StatementLine>(e =>
        {
            e.Property(x => x.Amount).HasPrecision(18, 2);
            e.Property(x => x.Units).HasPrecision(18, 4);
        });

        b.Entity<AdvisorMeeting>(e =>
        {
            e.Property(x => x.Status).HasConversion<string>().HasMaxLength(16);
            e.HasIndex(x => new { x.AdvisorId, x.ScheduledAt });
        });

        b.Entity<MarketingDraft>().Property(x => x.Status).HasConversion<string>().HasMaxLength(16);
        b.Entity<ChatTurn>().HasIndex(x => new { x.SessionId, x.At });
        b.Entity<InAppMessage>().HasIndex(x => new { x.CustomerId, x.IsRead, x.CreatedAt });
        b.Entity<RealNameRecord>().Property(x => x.Method).HasConversion<string>().HasMaxLength(32);
    }
}
