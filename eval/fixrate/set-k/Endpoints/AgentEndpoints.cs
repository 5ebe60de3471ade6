using ListingAssistant.Data;
using ListingAssistant.Models;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.SemanticKernel;

namespace ListingAssistant.Endpoints;

public static class AgentEndpoints
{
    private const string BioPrompt =
        """
        Write a first-person agent profile bio of about 90 words for {{$name}} of {{$agency}}.
        Years in the industry: {{$years}}. Specialty: {{$specialty}}.
        Achievements and notes from the agent: {{$achievements}}
        Warm, confident, no clichés like "dream home".
        """;

    private const string SocialPrompt =
        """
        Write a {{$platform}} post for this property listing. Include emojis sparingly and 3-5 hashtags.
        End with this call to action: {{$cta}}

        {{$address}}, {{$suburb}} - {{$beds}} bed / {{$baths}} bath {{$type}}, asking ${{$price}}
        {{$description}}
        """;

    public static void MapAgentEndpoints(this IEndpointRouteBuilder routes)
    {
        var agents = routes.MapGroup("/api/agents").WithTags("Agents");
        agents.MapGet("/{id:int}", GetProfile);
        agents.MapPost("/{id:int}/bio", GenerateBio);
        agents.MapGet("/{id:int}/leads", GetLeads);

        routes.MapPost("/api/social-posts", CreateSocialPost).WithTags("Marketing");
        routes.MapPost("/api/echo", Echo).WithTags("Utility");
        routes.MapGet("/api/stats", GetStats).WithTags("Utility");
    }

    public static async Task<Results<Ok<AgentProfileDto>, NotFound>> GetProfile(int id, ListingDbContext db, CancellationToken ct)
    {
        var profile = await db.Agents.AsNoTracking()
            .Where(a => a.Id == id)
            .Select(a => new AgentProfileDto(a.Id, a.FullName, a.Agency, a.Email, a.Phone, a.Bio,
                a.Listings.Count(l => l.Status == "Published")))
            .FirstOrDefaultAsync(ct);

        return profile is null ? TypedResults.NotFound() : TypedResults.Ok(profile);
    }

    public static async Task<IResult> GenerateBio(int id, AgentBioRequest request, ListingDbContext db, Kernel kernel, CancellationToken ct)
    {
        var agent = await db.Agents.FindAsync([id], ct);
        if (agent is null) return Results.NotFound();

        var result = await kernel.InvokePromptAsync(BioPrompt, new KernelArguments
        {
            ["name"] = agent.FullName,
            ["agency"] = agent.Agency,
            ["years"] = request.YearsExperience,
            ["specialty"] = request.Specialty ?? "residential sales",
            ["achievements"] = request.Achievements
        }, cancellationToken: ct);

        agent.Bio = result.GetValue<string>()?.Trim();
        await db.SaveChangesAsync(ct);
        return Results.Ok(new { agent.Id, agent.Bio });
    }

    public static async Task<Ok<List<LeadDto>>> GetLeads(int id, ListingDbContext db, CancellationToken ct)
    {
        var leads = await db.BuyerLeads.AsNoTracking()
            .Where(b => db.Listings.Any(l => l.Id == b.ListingId && l.AgentId == id))
            .OrderByDescending(b => b.AskedAtUtc)
            .Take(100)
            .Select(b => new LeadDto(b.Id, b.ListingId, b.Question, b.Answer, b.AskedAtUtc))
            .ToListAsync(ct);
        return TypedResults.Ok(leads);
    }

    public static async Task<IResult> CreateSocialPost(SocialPostRequest request, ListingDbContext db, Kernel kernel,
        ILoggerFactory loggerFactory, CancellationToken ct)
    {
        var listing = await db.Listings.AsNoTracking().FirstOrDefaultAsync(l => l.Id == request.ListingId, ct);
        if (listing is null) return Results.NotFound();

        var result = await kernel.InvokePromptAsync(SocialPrompt, new KernelArguments
        {
            ["platform"] = request.Platform,
            ["cta"] = request.CallToAction ?? "DM us to book a private inspection",
            ["address"] = listing.Address,
            ["suburb"] = listing.Suburb,
            ["beds"] = listing.Bedrooms,
            ["baths"] = listing.Bathrooms,
            ["type"] = listing.PropertyType.ToLowerInvariant(),
            ["price"] = listing.AskingPrice.ToString("N0"),
            ["description"] = listing.Description ?? listing.Features
        }, cancellationToken: ct);

        loggerFactory.CreateLogger("SocialPosts").LogInformation("Social post generated for listing {ListingId} on {Platform}",
            listing.Id, request.Platform);
        return Results.Ok(new SocialPostDto(listing.Id, request.Platform, result.ToString()));
    }

    public static Ok<EchoRequest> Echo(EchoRequest request) => TypedResults.Ok(request with { Text = request.Text.Trim() });

    public static async Task<Ok<StatsDto>> GetStats(ListingDbContext db, CancellationToken ct)
    {
        var stats = new StatsDto(
            await db.Listings.CountAsync(ct),
            await db.Listings.CountAsync(l => l.Status == "Published", ct),
            await db.Drafts.CountAsync(d => d.PublishedAtUtc == null, ct),
            await db.Subscribers.CountAsync(s => s.Active, ct),
            await db.BuyerLeads.CountAsync(ct));
        return TypedResults.Ok(stats);
    }
}
