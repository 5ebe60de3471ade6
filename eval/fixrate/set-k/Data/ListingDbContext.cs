using Microsoft.EntityFrameworkCore;

namespace ListingAssistant.Data;

public class Agent
{
    public int Id { get; set; }
    public string FullName { get; set; } = "";
    public string Email { get; set; } = "";
    public string Phone { get; set; } = "";
    public string Agency { get; set; } = "";
    public string? Bio { get; set; }
    public List<Listing> Listings { get; set; } = new();
}

public class Listing
{
    public int Id { get; set; }
    public int AgentId { get; set; }
    public Agent? Agent { get; set; }
    public string Address { get; set; } = "";
    public string Suburb { get; set; } = "";
    public string PropertyType { get; set; } = "House";
    public int AskingPrice { get; set; }
    public int Bedrooms { get; set; }
    public int Bathrooms { get; set; }
    public int ParkingSpaces { get; set; }
    public double FloorAreaSqm { get; set; }
    public string Features { get; set; } = "";
    public string Status { get; set; } = "Draft";
    public string? Description { get; set; }
    public DateTime CreatedAtUtc { get; set; } = DateTime.UtcNow;
    public DateTime? PublishedAtUtc { get; set; }
    public DateTime? OpenHouseAtUtc { get; set; }
    public bool OpenHouseAnnounced { get; set; }
}

public class ListingDraft
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public int ListingId { get; set; }
    public Listing? Listing { get; set; }
    public string AgentNotes { get; set; } = "";
    public string Tone { get; set; } = "warm";
    public string Body { get; set; } = "";
    public DateTime CreatedAtUtc { get; set; } = DateTime.UtcNow;
    public DateTime? PublishedAtUtc { get; set; }
}

public class ListingTranslation
{
    public int Id { get; set; }
    public int ListingId { get; set; }
    public string Language { get; set; } = "";
    public string Text { get; set; } = "";
    public DateTime UpdatedAtUtc { get; set; } = DateTime.UtcNow;
}

public class Subscriber
{
    public int Id { get; set; }
    public string Email { get; set; } = "";
    public string FirstName { get; set; } = "";
    public string PreferredSuburb { get; set; } = "";
    public int? MaxBudget { get; set; }
    public bool Active { get; set; } = true;
}

public class BuyerLead
{
    public int Id { get; set; }
    public int ListingId { get; set; }
    public string ConnectionId { get; set; } = "";
    public string Question { get; set; } = "";
    public string Answer { get; set; } = "";
    public DateTime AskedAtUtc { get; set; } = DateTime.UtcNow;
}

public class ListingDbContext(DbContextOptions<ListingDbContext> options) : DbContext(options)
{
    public DbSet<Agent> Agents => Set<Agent>();
    public DbSet<Listing> Listings => Set<Listing>();
    public DbSet<ListingDraft> Drafts => Set<ListingDraft>();
    public DbSet<ListingTranslation> Translations => Set<ListingTranslation>();
    public DbSet<Subscriber> Subscribers => Set<Subscriber>();
    public DbSet<BuyerLead> BuyerLeads => Set<BuyerLead>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Listing>().HasIndex(l => new { l.Suburb, l.Status });
        modelBuilder.Entity<ListingTranslation>().HasIndex(t => new { t.ListingId, t.Language }).IsUnique();
        modelBuilder.Entity<Subscriber>().HasIndex(s => s.Email).IsUnique();

        modelBuilder.Entity<Agent>().HasData(
            new Agent { Id = 1, FullName = "Priya Raman", Email = "priya@harbourrealty.example", Phone = "+61 400 111 222", Agency = "Harbour Realty" },
            new Agent { Id = 2, FullName = "Tom Whitfield", Email = "tom@harbourrealty.example", Phone = "+61 400 333 444", Agency = "Harbour Realty" });

        modelBuilder.Entity<Listing>().HasData(
            new Listing
            {
                Id = 1, AgentId = 1, Address = "14 Wattle St", Suburb = "Marrickville", PropertyType = "Terrace",
                AskingPrice = 1_650_000, Bedrooms = 3, Bathrooms = 2, ParkingSpaces = 1, FloorAreaSqm = 142,
                Features = "north-facing courtyard;renovated kitchen;original fireplaces;walk to station",
                Status = "Published", Description = "Charming three-bedroom terrace close to the station.",
                CreatedAtUtc = new DateTime(2026, 11, 20, 0, 0, 0, DateTimeKind.Utc),
                PublishedAtUtc = new DateTime(2026, 11, 22, 0, 0, 0, DateTimeKind.Utc)
            },
            new Listing
            {
                Id = 2, AgentId = 2, Address = "7/88 Ocean Pde", Suburb = "Coogee", PropertyType = "Apartment",
                AskingPrice = 1_120_000, Bedrooms = 2, Bathrooms = 1, ParkingSpaces = 1, FloorAreaSqm = 84,
                Features = "ocean glimpses;lift access;secure parking;balcony",
                Status = "Draft", CreatedAtUtc = new DateTime(2026, 12, 1, 0, 0, 0, DateTimeKind.Utc)
            });

        modelBuilder.Entity<Subscriber>().HasData(
            new Subscriber { Id = 1, Email = "sam.buyer@example.com", FirstName = "Sam", PreferredSuburb = "Marrickville", MaxBudget = 1_800_000 },
            new Subscriber { Id = 2, Email = "lee.chen@example.com", FirstName = "Lee", PreferredSuburb = "Coogee" });
    }
}
