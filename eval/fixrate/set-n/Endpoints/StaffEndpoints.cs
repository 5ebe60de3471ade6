using CareMessenger.Contracts;
using CareMessenger.Data;
using CareMessenger.Features;
using CareMessenger.Services;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CareMessenger.Endpoints;

public static class StaffEndpoints
{
    public static RouteGroupBuilder MapStaffEndpoints(this IEndpointRouteBuilder app)
    {
        var staff = app.MapGroup("/api/staff")
            .RequireAuthorization("staff")
            .WithTags("Staff");

        staff.MapPost("/drafts/follow-up", async Task<Results<Ok<DraftDto>, NotFound>> (
            DraftFollowUpCommand command, IMediator mediator, CancellationToken ct) =>
            await mediator.Send(command, ct) is { } draft ? TypedResults.Ok(draft) : TypedResults.NotFound());

        staff.MapPost("/drafts/{id:int}/review", async Task<Results<Ok<DraftDto>, Conflict<string>>> (
            int id, DraftReviewRequest review, IMediator mediator, CancellationToken ct) =>
            await mediator.Send(new ReviewDraftCommand(id, review), ct) is { } draft
                ? TypedResults.Ok(draft)
                : TypedResults.Conflict($"Draft {id} does not exist or has already been handled."));

        staff.MapGet("/drafts", async (string? state, int? take, IPortalReadStore reads, CancellationToken ct) =>
        {
            var rows = await reads.GetDraftsAsync(state ?? nameof(DraftState.Pending), Math.Clamp(take ?? 50, 1, 200), ct);
            return TypedResults.Ok(rows.Select(r => r.ToDto()).ToList());
        });

        staff.MapGet("/counts/{clinicId:int}", async (int clinicId, IPortalReadStore reads, CancellationToken ct) =>
            TypedResults.Ok(await reads.GetCountsAsync(clinicId, ct)));

        staff.MapGet("/config/models", (IOptions<AiOptions> ai) =>
        {
            var o = ai.Value;
            return TypedResults.Ok(new ModelInfoDto(o.ChatModel, o.ImageDeployment, o.SpeechDeployment, o.SummaryModel));
        });

        staff.MapPost("/tips/preview", async (HealthTipRequest request, IMessageDraftingService drafting, CancellationToken ct) =>
        {
            var tip = await drafting.DraftHealthTipAsync(request.Theme, request.Season, ct);
            return TypedResults.Text(tip.Text, "text/markdown; charset=utf-8");
        });

        staff.MapPost("/tips/draft", async (HealthTipRequest request, IMessageDraftingService drafting, CareDbContext db, CancellationToken ct) =>
        {
            var tip = await drafting.DraftHealthTipAsync(request.Theme, request.Season, ct);
            var draft = new MessageDraft
            {
                Kind = DraftKind.HealthTip,
                State = DraftState.Pending,
                Body = tip.Text,
                Model = tip.Model,
                OutputTokens = tip.OutputTokens,
                CreatedAt = DateTimeOffset.UtcNow,
            };
            db.Drafts.Add(draft);
            await db.SaveChangesAsync(ct);
            return TypedResults.Created($"/api/staff/drafts/{draft.Id}", new { draft.Id, draft.Model, tip.OutputTokens, tip.ResponseId });
        });

        staff.MapPost("/media/education", async (EducationMediaRequest request, IMediaGenerationService media,
            IMessageDraftingService drafting, CancellationToken ct) =>
        {
            var image = await media.GenerateIllustrationAsync(request.Topic, request.Audience, ct);
            var assets = new List<MediaAssetDto> { (await media.SaveAsync(request.Topic, image, ct)).ToDto() };
            if (request.WithNarration)
            {
                var script = await drafting.DraftHealthTipAsync(request.Topic, "全年", ct);
                var audio = await media.GenerateNarrationAsync(script.Text, ct);
                assets.Add((await media.SaveAsync(request.Topic, audio, ct)).ToDto());
            }
            return TypedResults.Ok(assets);
        })
        .AddEndpointFilter<ValidationFilter<EducationMediaRequest>>();

        staff.MapPost("/media/illustration", async (EducationMediaRequest request, IMediaGenerationService media, CancellationToken ct) =>
        {
            var image = await media.GenerateIllustrationAsync(request.Topic, request.Audience, ct);
            return TypedResults.File(image.Bytes, image.ContentType, $"{request.Topic}.png");
        });

        staff.MapPost("/appointments/{id:int}/remind", async Task<Results<Ok<SmsReceipt>, NotFound>> (int id, CareDbContext db,
            IMessageDraftingService drafting, ISmsSender sms, CancellationToken ct) =>
        {
            var appointment = await db.Appointments.FindAsync([id], ct);
            if (appointment is null)
            {
                return TypedResults.NotFound();
            }
            var patient = await db.Patients.FirstAsync(p => p.Id == appointment.PatientId, ct);
            var reminder = await drafting.DraftReminderAsync(patient, appointment, ct);
            var receipt = await sms.SendAsync(patient.Mobile, reminder.Text, ct);
            appointment.ReminderSent = true;
            await db.SaveChangesAsync(ct);
            return TypedResults.Ok(receipt);
        });

        var media = app.MapGroup("/api/media").RequireAuthorization();

        media.MapGet("/{id:guid}", async Task<Results<PhysicalFileHttpResult, NotFound>> (Guid id, CareDbContext db, CancellationToken ct) =>
        {
            var asset = await db.MediaAssets.AsNoTracking().FirstOrDefaultAsync(m => m.Id == id, ct);
            return asset is null || !File.Exists(asset.StoragePath)
                ? TypedResults.NotFound()
                : TypedResults.PhysicalFile(asset.StoragePath, asset.ContentType, enableRangeProcessing: true);
        });

        media.MapGet("/{id:guid}/thumbnail", async Task<Results<PhysicalFileHttpResult, NotFound>> (Guid id, CareDbContext db, CancellationToken ct) =>
        {
            var asset = await db.MediaAssets.AsNoTracking().FirstOrDefaultAsync(m => m.Id == id, ct);
            return asset?.ThumbnailPath is null
                ? TypedResults.NotFound()
                : TypedResults.PhysicalFile(asset.ThumbnailPath, "image/jpeg");
        });

        media.MapGet("/", async (CareDbContext db, CancellationToken ct) =>
            TypedResults.Ok(await db.MediaAssets.AsNoTracking()
                .OrderByDescending(m => m.CreatedAt).Take(100)
                .Select(m => new { m.Id, m.Topic, m.ContentType, m.SizeBytes, m.CreatedAt })
                .ToListAsync(ct)));

        return staff;
    }
}
