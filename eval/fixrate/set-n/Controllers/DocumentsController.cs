using System.Text;
using CareMessenger.Contracts;
using CareMessenger.Data;
using CareMessenger.Services;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace CareMessenger.Controllers;

[ApiController]
[Route("api/visits")]
[Authorize]
public sealed class DocumentsController(
    CareDbContext db,
    IVisitSummaryService summaries,
    IEmailSender email,
    ILogger<DocumentsController> logger) : ControllerBase
{
    [HttpPost("{appointmentId:int}/summary")]
    [Authorize(Policy = "staff")]
    public async Task<ActionResult<VisitSummaryDto>> CreateSummary(int appointmentId, VisitSummaryRequest request, CancellationToken ct)
    {
        if (request.AppointmentId != appointmentId)
        {
            return BadRequest(new { error = "Appointment id in the route and the body differ." });
        }
        var appointment = await db.Appointments.FindAsync([appointmentId], ct);
        if (appointment is null)
        {
            return NotFound();
        }
        var patient = await db.Patients.FirstAsync(p => p.Id == appointment.PatientId, ct);
        var markdown = await summaries.GenerateMarkdownAsync(request, patient.DisplayName, appointment.Department, ct);

        var summary = new VisitSummary
        {
            Id = Guid.NewGuid(),
            PatientId = patient.Id,
            AppointmentId = appointmentId,
            Markdown = markdown,
            DoctorNotes = request.DoctorNotes,
            CreatedAt = DateTimeOffset.UtcNow,
        };
        db.VisitSummaries.Add(summary);
        appointment.Status = AppointmentStatus.Completed;
        await db.SaveChangesAsync(ct);

        var html = summaries.RenderHtml(markdown, $"{patient.DisplayName} 就诊小结");
        return CreatedAtAction(nameof(GetHtml), new { id = summary.Id }, new VisitSummaryDto(summary.Id, appointmentId, html, summary.CreatedAt));
    }

    [HttpGet("summaries/{id:guid}.html")]
    public async Task<IActionResult> GetHtml(Guid id, CancellationToken ct)
    {
        var summary = await db.VisitSummaries.AsNoTracking().FirstOrDefaultAsync(s => s.Id == id, ct);
        if (summary is null)
        {
            return NotFound();
        }
        var html = summaries.RenderHtml(summary.Markdown, "就诊小结");
        return Content(html, "text/html; charset=utf-8");
    }

    [HttpGet("summaries/{id:guid}.txt")]
    public async Task<IActionResult> DownloadText(Guid id, CancellationToken ct)
    {
        var summary = await db.VisitSummaries.AsNoTracking().FirstOrDefaultAsync(s => s.Id == id, ct);
        if (summary is null)
        {
            return NotFound();
        }
        var text = new StringBuilder()
            .AppendLine("康信诊所 就诊小结")
            .AppendLine($"生成时间：{summary.CreatedAt.ToOffset(TimeSpan.FromHours(8)):yyyy-MM-dd HH:mm}")
            .AppendLine(new string('-', 32))
            .Append(summaries.RenderPlainText(summary.Markdown))
            .ToString();
        return File(Encoding.UTF8.GetBytes(text), "text/plain; charset=utf-8", $"visit-summary-{summary.AppointmentId}.txt");
    }

    [HttpPost("summaries/{id:guid}/email")]
    [Authorize(Policy = "staff")]
    public async Task<IActionResult> EmailToPatient(Guid id, CancellationToken ct)
    {
        var summary = await db.VisitSummaries.AsNoTracking().FirstOrDefaultAsync(s => s.Id == id, ct);
        if (summary is null)
        {
            return NotFound();
        }
        var patient = await db.Patients.AsNoTracking().FirstAsync(p => p.Id == summary.PatientId, ct);
        if (string.IsNullOrEmpty(patient.Email))
        {
            return UnprocessableEntity(new { error = "Patient has no e-mail address on file." });
        }
        var html = summaries.RenderHtml(summary.Markdown, "就诊小结");
        await email.SendWithAttachmentAsync(patient.Email, "您的就诊小结", html,
            $"visit-summary-{summary.AppointmentId}.txt", Encoding.UTF8.GetBytes(summaries.RenderPlainText(summary.Markdown)),
            "text/plain", ct);
        logger.LogInformation("Visit summary {SummaryId} e-mailed", id);
        return Accepted(new { id, sentTo = MaskEmail(patient.Email) });
    }

    [HttpGet("summaries/{id:guid}/meta")]
    public async Task<IActionResult> GetMeta(Guid id, CancellationToken ct)
    {
        var meta = await db.VisitSummaries.AsNoTracking()
            .Where(s => s.Id == id)
            .Select(s => new { s.Id, s.AppointmentId, s.CreatedAt, Length = s.Markdown.Length })
            .FirstOrDefaultAsync(ct);
        return meta is null ? NotFound() : Ok(meta);
    }

    [HttpGet("{appointmentId:int}/summaries")]
    public async Task<IActionResult> ListForAppointment(int appointmentId, CancellationToken ct) =>
        Ok(await db.VisitSummaries.AsNoTracking()
            .Where(s => s.AppointmentId == appointmentId)
            .OrderByDescending(s => s.CreatedAt)
            .Select(s => new { s.Id, s.CreatedAt })
            .ToListAsync(ct));

    private static string MaskEmail(string address)
    {
        var at = address.IndexOf('@');
        return at <= 1 ? "***" + address[Math.Max(at, 0)..] : address[0] + "***" + address[at..];
    }
}
