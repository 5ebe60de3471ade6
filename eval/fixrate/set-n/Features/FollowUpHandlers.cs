using CareMessenger.Contracts;
using CareMessenger.Data;
using CareMessenger.Hubs;
using CareMessenger.Services;
using Mediator;
using Microsoft.AspNetCore.SignalR;
using Microsoft.EntityFrameworkCore;

namespace CareMessenger.Features;

public sealed record DraftFollowUpCommand(int AppointmentId, string DoctorNotes) : IRequest<DraftDto?>;

public sealed record ReviewDraftCommand(int DraftId, DraftReviewRequest Review) : IRequest<DraftDto?>;

public sealed record GetAppointmentStatusQuery(int AppointmentId) : IRequest<AppointmentStatusDto?>;

public sealed record DraftCreatedNotification(int DraftId, string Kind, string Body, string? PatientName) : INotification;

public sealed class DraftFollowUpHandler(CareDbContext db, IMessageDraftingService drafting, IMediator mediator)
    : IRequestHandler<DraftFollowUpCommand, DraftDto?>
{
    public async ValueTask<DraftDto?> Handle(DraftFollowUpCommand request, CancellationToken ct)
    {
        var appointment = await db.Appointments.FindAsync([request.AppointmentId], ct);
        if (appointment is null)
        {
            return null;
        }
        var patient = await db.Patients.FirstAsync(p => p.Id == appointment.PatientId, ct);
        var result = await drafting.DraftFollowUpAsync(patient, appointment, request.DoctorNotes, ct);

        var draft = new MessageDraft
        {
            PatientId = patient.Id,
            AppointmentId = appointment.Id,
            Kind = DraftKind.FollowUp,
            State = DraftState.Pending,
            Body = result.Text,
            Model = result.Model,
            OutputTokens = result.OutputTokens,
            CreatedAt = DateTimeOffset.UtcNow,
        };
        db.Drafts.Add(draft);
        await db.SaveChangesAsync(ct);

        await mediator.Publish(new DraftCreatedNotification(draft.Id, draft.Kind.ToString(), draft.Body, patient.DisplayName), ct);
        return draft.ToDto(patient.DisplayName);
    }
}

public sealed class ReviewDraftHandler(CareDbContext db, ISmsSender sms, ILogger<ReviewDraftHandler> logger)
    : IRequestHandler<ReviewDraftCommand, DraftDto?>
{
    public async ValueTask<DraftDto?> Handle(ReviewDraftCommand request, CancellationToken ct)
    {
        var draft = await db.Drafts.FindAsync([request.DraftId], ct);
        if (draft is null || draft.State != DraftState.Pending)
        {
            return null;
        }
        if (!string.IsNullOrWhiteSpace(request.Review.EditedBody))
        {
            draft.Body = request.Review.EditedBody.Trim();
        }
        draft.StaffNote = request.Review.StaffNote;

        Patient? patient = draft.PatientId is int pid ? await db.Patients.FindAsync([pid], ct) : null;
        if (!request.Review.Approve)
        {
            draft.State = DraftState.Rejected;
        }
        else if (patient is not null && draft.Kind != DraftKind.HealthTip)
        {
            var receipt = await sms.SendAsync(patient.Mobile, draft.Body, ct);
            logger.LogInformation("Draft {DraftId} sent as SMS {MessageId}", draft.Id, receipt.MessageId);
            draft.State = DraftState.Sent;
            draft.SentAt = DateTimeOffset.UtcNow;
        }
        else
        {
            draft.State = DraftState.Approved;
        }
        await db.SaveChangesAsync(ct);
        return draft.ToDto(patient?.DisplayName);
    }
}

public sealed class GetAppointmentStatusHandler(CareDbContext db) : IRequestHandler<GetAppointmentStatusQuery, AppointmentStatusDto?>
{
    public async ValueTask<AppointmentStatusDto?> Handle(GetAppointmentStatusQuery request, CancellationToken ct)
    {
        var appointment = await db.Appointments.AsNoTracking().FirstOrDefaultAsync(a => a.Id == request.AppointmentId, ct);
        return appointment?.ToStatusDto();
    }
}

public sealed class DraftCreatedBroadcaster(IHubContext<StaffNotificationsHub> hub) : INotificationHandler<DraftCreatedNotification>
{
    public async ValueTask Handle(DraftCreatedNotification notification, CancellationToken ct)
    {
        await hub.Clients.Group("reviewers").SendAsync("draftCreated", new
        {
            id = notification.DraftId,
            kind = notification.Kind,
            preview = notification.Body.Length > 80 ? notification.Body[..80] + "…" : notification.Body,
            patient = notification.PatientName,
        }, ct);
    }
}
