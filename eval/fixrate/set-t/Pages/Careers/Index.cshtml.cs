using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ZhaoPinCopilot.Data;

namespace ZhaoPinCopilot.Pages.Careers;

public sealed record JobCard(Guid Id, string Title, string Department, string City, string SalaryRange, string? Teaser, DateTime? PublishedAt);

public class IndexModel(RecruitingDbContext db) : PageModel
{
    private const int PageSize = 20;

    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? City { get; set; }

    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    public IReadOnlyList<JobCard> Jobs { get; private set; } = [];
    public IReadOnlyList<string> Cities { get; private set; } = [];
    public int TotalOpenings { get; private set; }
    public string? BannerUrl { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var query = db.JobPostings.AsNoTracking().Where(j => j.Status == JobStatus.Published);

        if (!string.IsNullOrWhiteSpace(Q))
        {
            var term = Q.Trim();
            query = query.Where(j => j.Title.Contains(term) || j.Department.Contains(term));
        }

        if (!string.IsNullOrWhiteSpace(City))
        {
            query = query.Where(j => j.City == City);
        }

        TotalOpenings = await query.CountAsync(ct);
        PageNumber = Math.Max(1, PageNumber);

        Jobs = await query
            .OrderByDescending(j => j.PublishedAt)
            .Skip((PageNumber - 1) * PageSize)
            .Take(PageSize)
            .Select(j => new JobCard(j.Id, j.Title, j.Department, j.City, j.SalaryRange, j.Teaser, j.PublishedAt))
            .ToListAsync(ct);

        Cities = await db.JobPostings.AsNoTracking()
            .Where(j => j.Status == JobStatus.Published)
            .Select(j => j.City).Distinct().OrderBy(c => c)
            .ToListAsync(ct);

        var banner = await db.MediaAssets.AsNoTracking()
            .Where(m => (m.Kind == "campus-banner" || m.Kind == "brand-image") && m.Status == "ready")
            .OrderByDescending(m => m.CreatedAt)
            .Select(m => m.ObjectKey)
            .FirstOrDefaultAsync(ct);
        BannerUrl = banner is null ? null : "/media/" + banner;
    }
}
