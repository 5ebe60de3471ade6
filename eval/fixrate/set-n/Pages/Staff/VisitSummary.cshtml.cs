using CareMessenger.Data;
using CareMessenger.Services;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CareMessenger.Pages.Staff;

[Authorize(Policy = "staff")]
public sealed class VisitSummaryModel(CareDbContext db, IVisitSummaryService summaries, IPortalReadStore reads) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    public string PatientName { get; private set; } = "";

    public string Department { get; private set; } = "";

    public string DoctorNotes { get; private set; } = "";

    public string SummaryHtml { get; private set; } = "";

    public string? LatestLabExplanation { get; private set; }

    public IReadOnlyList<ChatLine> RecentChat { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var summary = await db.VisitSummaries.AsNoTracking().FirstOrDefaultAsync(s => s.Id == Id, ct);
        if (summary is null)
        {
            return NotFound();
        }
        var patient = await db.Patients.AsNoTracking().FirstAsync(p => p.Id == summary.PatientId, ct);
        var appointment = await db.Appointments.AsNoTracking().FirstAsync(a => a.Id == summary.AppointmentId, ct);

        PatientName = patient.DisplayName;
        Department = appointment.Department;
        DoctorNotes = summary.DoctorNotes;
        SummaryHtml = Markdig.Markdown.ToHtml(summary.Markdown);
        LatestLabExplanation = await reads.GetLatestLabExplanationAsync(patient.Id, "CBC", ct);
        RecentChat = await reads.GetChatHistoryAsync(patient.Id, 6, ct);
        return Page();
    }

    public async Task<IActionResult> OnGetPlainTextAsync(CancellationToken ct)
    {
        var summary = await db.VisitSummaries.AsNoTracking().FirstOrDefaultAsync(s => s.Id == Id, ct);
        return summary is null ? NotFound() : Content(summaries.RenderPlainText(summary.Markdown), "text/plain; charset=utf-8");
    }
}
