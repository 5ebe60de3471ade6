using CareMessenger.Data;
using FluentValidation;

namespace CareMessenger.Contracts;

public sealed record PortalQuestion(int PatientId, string Question);

public sealed record PortalAnswer(string Answer, string Model, int? TotalTokens);

public sealed record LabExplainRequest(int PatientId, string PanelCode, IReadOnlyList<LabValue> Values);

public sealed record LabValue(string Name, string Value, string Unit, string ReferenceRange);

public sealed record LabExplainResponse(int Id, string PanelCode, string Explanation, DateTimeOffset CreatedAt);

public sealed record DraftDto(int Id, string Kind, string State, string Body, string? Patient, DateTimeOffset CreatedAt);

public sealed record DraftReviewRequest(bool Approve, string? StaffNote, string? EditedBody);

public sealed record AppointmentStatusDto(int Id, string Department, string Doctor, DateTimeOffset StartsAt, string Status, bool ReminderSent);

public sealed record VisitSummaryRequest(int AppointmentId, string DoctorNotes, string Diagnosis, IReadOnlyList<string> Medications);

public sealed record VisitSummaryDto(Guid Id, int AppointmentId, string Html, DateTimeOffset CreatedAt);

public sealed record EducationMediaRequest(string Topic, string Audience, bool WithNarration);

public sealed record MediaAssetDto(Guid Id, string Topic, string ContentType, string Url, string? ThumbnailUrl, long SizeBytes);

public sealed record HealthTipRequest(string Theme, string Season);

public sealed record ModelInfoDto(string ChatModel, string ImageModel, string SpeechModel, string SummaryModel);

public static class DtoMapping
{
    public static DraftDto ToDto(this MessageDraft d, string? patientName) =>
        new(d.Id, d.Kind.ToString(), d.State.ToString(), d.Body, patientName, d.CreatedAt);

    public static DraftDto ToDto(this DraftRow r) =>
        new(r.Id, r.Kind, r.State, r.Body, r.PatientName, r.CreatedAt);

    public static AppointmentStatusDto ToStatusDto(this Appointment a) =>
        new(a.Id, a.Department, a.DoctorName, a.StartsAt, a.Status.ToString(), a.ReminderSent);

    public static LabExplainResponse ToResponse(this LabExplanation e) =>
        new(e.Id, e.PanelCode, e.PlainLanguage, e.CreatedAt);

    public static MediaAssetDto ToDto(this MediaAsset m) =>
        new(m.Id, m.Topic, m.ContentType, $"/api/media/{m.Id}",
            m.ThumbnailPath is null ? null : $"/api/media/{m.Id}/thumbnail", m.SizeBytes);
}

public sealed class PortalQuestionValidator : AbstractValidator<PortalQuestion>
{
    public PortalQuestionValidator()
    {
        RuleFor(x => x.PatientId).GreaterThan(0);
        RuleFor(x => x.Question).NotEmpty().MaximumLength(2000);
    }
}

public sealed class LabExplainRequestValidator : AbstractValidator<LabExplainRequest>
{
    public LabExplainRequestValidator()
    {
        RuleFor(x => x.PatientId).GreaterThan(0);
        RuleFor(x => x.PanelCode).NotEmpty().Matches("^[A-Z0-9_-]{2,20}$");
        RuleFor(x => x.Values).NotEmpty();
        RuleForEach(x => x.Values).ChildRules(v =>
        {
            v.RuleFor(x => x.Name).NotEmpty();
            v.RuleFor(x => x.Value).NotEmpty();
        });
    }
}

public sealed class EducationMediaRequestValidator : AbstractValidator<EducationMediaRequest>
{
    public EducationMediaRequestValidator()
    {
        RuleFor(x => x.Topic).NotEmpty().MaximumLength(200);
        RuleFor(x => x.Audience).NotEmpty();
    }
}
