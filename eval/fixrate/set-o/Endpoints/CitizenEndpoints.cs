using System.Security.Claims;
using System.Text.Json;
using DeepSynth.Compliance;
using DeepSynth.Compliance.Audit;
using DeepSynth.Compliance.Labeling;
using DeepSynth.Compliance.Review;
using Microsoft.Extensions.AI;
using Wolverine;
using ZhengWuTong.Contracts;
using ZhengWuTong.Domain;
using ZhengWuTong.Infrastructure.Notifications;
using ZhengWuTong.Infrastructure.Storage;
using ZhengWuTong.Messaging;
using ZhengWuTong.Services;

namespace ZhengWuTong.Endpoints;

public static class CitizenEndpoints
{
    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    public static RouteGroupBuilder MapCitizenEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/citizen")
            .RequireAuthorization("Resident")
            .WithTags("Citizen");

        group.MapGet("/profile", GetProfile);
        group.MapGet("/forms", (IFormCatalog catalog) => catalog.All.Select(f => new { f.Code, f.Title, fields = f.FieldCodes }));
        group.MapPost("/forms/validate", ValidateForm);
        group.MapPost("/forms/{formCode}/assist", AssistForm).RequireRealName();
        group.MapPost("/forms/{formCode}/hint-sms", SendFormHint);

        group.MapPost("/guide/summary", SummarizeGuide);
        group.MapGet("/guide/stream", StreamGuide).RequireRealName();

        group.MapGet("/chat/sessions", ListSessions);
        group.MapGet("/chat/sessions/{id}/transcript", GetTranscript);

        group.MapGet("/appointments", ListAppointments);
        group.MapPost("/appointments", BookAppointment);
        group.MapDelete("/appointments/{id}", CancelAppointment);

        group.MapPost("/feedback", SubmitFeedback);
        group.MapGet("/feedback/{id}", GetFeedback);

        return group;
    }

    private static string CitizenId(ClaimsPrincipal user) => user.FindFirstValue(ClaimTypes.NameIdentifier)!;

    private static IResult GetProfile(ClaimsPrincipal user, GovDataStore store)
    {
        var account = store.Citizens.FindById(CitizenId(user));
        return account is null
            ? Results.NotFound()
            : Results.Ok(new
            {
                account.Id,
                account.DisplayName,
                account.Email,
                account.District,
                account.PreferredLanguage,
                realNameVerified = account.RealNameVerifiedAt is not null
            });
    }

    private static IResult ValidateForm(FormValidationRequest request, IFormCatalog catalog, IFormAssistService forms)
    {
        var form = catalog.Find(request.FormCode);
        return form is null
            ? Results.NotFound(new { error = $"unknown form {request.FormCode}" })
            : Results.Ok(forms.Validate(form, request));
    }

    private static async Task<IResult> AssistForm(
        string formCode,
        FormAssistRequest request,
        ClaimsPrincipal user,
        IFormCatalog catalog,
        IFormAssistService forms,
        IContentReviewer review,
        IAigcTextLabeler label,
        ISynthesisAuditLog audit,
        CancellationToken ct)
    {
        var form = catalog.Find(formCode);
        if (form is null)
        {
            return Results.NotFound();
        }

        await review.EnsureAllTextAllowedAsync(request, ReviewStage.Input, ct);
        var (suggestion, model) = await forms.SuggestAsync(form, request, ct);
        await review.EnsureAllTextAllowedAsync(suggestion, ReviewStage.Output, ct);
        await audit.RecordAllTextAsync(suggestion, new GenerationRecord { UserId = CitizenId(user), Model = model, Labeled = true }, ct);

        var json = JsonSerializer.Serialize(suggestion, Web);
        return Results.Text(label.LabelJson(json, "explanation"), "application/json; charset=utf-8");
    }

    private static async Task<IResult> SendFormHint(
        string formCode,
        HintSmsRequest request,
        ClaimsPrincipal user,
        IFormCatalog catalog,
        IFormAssistService forms,
        GovDataStore store,
        ISmsGateway sms,
        CancellationToken ct)
    {
        var form = catalog.Find(formCode);
        var account = store.Citizens.FindById(CitizenId(user));
        if (form is null || account?.MobileNumber is null)
        {
            return Results.NotFound();
        }

        var hint = await forms.ShortHintAsync(form, request.Situation, ct);
        var bizId = await sms.SendAsync(account.MobileNumber, $"【政务通】{hint}", ct);
        return Results.Ok(new { sent = true, bizId });
    }

    private static async Task<IResult> SummarizeGuide(GuideSummaryRequest request, INoticeService notices, CancellationToken ct)
    {
        var completion = await notices.ExplainPolicyAsync(request.PolicyText, request.Audience, ct);
        return Results.Ok(new { summary = completion.Text, model = completion.Model, tokens = completion.PromptTokens + completion.CompletionTokens });
    }

    private static async Task StreamGuide(
        HttpContext http,
        string topic,
        IChatClient chat,
        IContentReviewer review,
        IAigcTextLabeler label,
        CancellationToken ct)
    {
        var reviewedTopic = await review.EnsureAllowedAsync(topic, ReviewStage.Input, ct);

        http.Response.ContentType = "text/event-stream";
        http.Response.Headers.CacheControl = "no-cache";
        await http.Response.WriteAsync($"data: {label.Notice}\n\n", ct);

        var prompt = $"请为居民分步骤讲解如何办理：{reviewedTopic}。每一步单独一行。";
        await foreach (var update in chat.GetStreamingResponseAsync(prompt, cancellationToken: ct))
        {
            if (string.IsNullOrEmpty(update.Text))
            {
                continue;
            }

            await http.Response.WriteAsync($"data: {update.Text.Replace("\n", "\\n")}\n\n", ct);
            await http.Response.Body.FlushAsync(ct);
        }

        await http.Response.WriteAsync("event: done\ndata: \n\n", ct);
    }

    private static IResult ListSessions(ClaimsPrincipal user, GovDataStore store)
    {
        var id = CitizenId(user);
        var sessions = store.ChatSessions.Query()
            .Where(s => s.CitizenId == id)
            .OrderByDescending(s => s.LastActivityAt)
            .Limit(20)
            .ToList()
            .Select(s => new { s.Id, s.Topic, turns = s.Turns.Count, s.StartedAt, s.LastActivityAt });
        return Results.Ok(sessions);
    }

    private static IResult GetTranscript(string id, ClaimsPrincipal user, GovDataStore store)
    {
        var session = store.ChatSessions.FindById(id);
        if (session is null || session.CitizenId != CitizenId(user))
        {
            return Results.NotFound();
        }

        return Results.Ok(new
        {
            session.Id,
            session.Topic,
            turns = session.Turns.Select(t => new { t.Role, t.Text, t.At })
        });
    }

    private static IResult ListAppointments(ClaimsPrincipal user, GovDataStore store)
    {
        var id = CitizenId(user);
        var items = store.Appointments.Find(a => a.CitizenId == id)
            .OrderBy(a => a.SlotStartUtc)
            .Select(a => new AppointmentView(a.Id.ToString(), a.ServiceName, a.HallName, a.WindowNumber, a.SlotStartUtc, a.Status.ToString()));
        return Results.Ok(items);
    }

    private static IResult BookAppointment(AppointmentBookingRequest request, ClaimsPrincipal user, GovDataStore store, IFormCatalog catalog)
    {
        if (request.SlotStartUtc <= DateTime.UtcNow.AddHours(1))
        {
            return Results.ValidationProblem(new Dictionary<string, string[]> { ["slotStartUtc"] = ["预约时间至少需提前1小时"] });
        }

        var taken = store.Appointments.Count(a => a.HallName == request.HallName && a.SlotStartUtc == request.SlotStartUtc
                                                                                 && a.Status == AppointmentStatus.Booked);
        if (taken >= 6)
        {
            return Results.Conflict(new { error = "该时段已约满" });
        }

        var appointment = new Appointment
        {
            CitizenId = CitizenId(user),
            ServiceCode = request.ServiceCode,
            ServiceName = catalog.Find(request.ServiceCode)?.Title ?? request.ServiceCode,
            HallName = request.HallName,
            WindowNumber = $"{(taken % 6) + 1:00}",
            SlotStartUtc = request.SlotStartUtc
        };
        store.Appointments.Insert(appointment);

        return Results.Created($"/api/citizen/appointments/{appointment.Id}",
            new AppointmentView(appointment.Id.ToString(), appointment.ServiceName, appointment.HallName,
                appointment.WindowNumber, appointment.SlotStartUtc, appointment.Status.ToString()));
    }

    private static IResult CancelAppointment(string id, ClaimsPrincipal user, GovDataStore store)
    {
        if (!NoticeRepository.ObjectIdTryParse(id, out var oid))
        {
            return Results.BadRequest();
        }

        var appointment = store.Appointments.FindById(oid);
        if (appointment is null || appointment.CitizenId != CitizenId(user))
        {
            return Results.NotFound();
        }

        appointment.Status = AppointmentStatus.Cancelled;
        store.Appointments.Update(appointment);
        return Results.NoContent();
    }

    private static async Task<IResult> SubmitFeedback(FeedbackRequest request, ClaimsPrincipal user, GovDataStore store, IMessageBus bus)
    {
        var ticket = new FeedbackTicket
        {
            CitizenId = CitizenId(user),
            Category = request.Category,
            Message = request.Message
        };
        store.Feedback.Insert(ticket);

        await bus.PublishAsync(new FeedbackReceived(ticket.Id.ToString(), ticket.CitizenId));
        return Results.Accepted($"/api/citizen/feedback/{ticket.Id}", new { ticketId = ticket.Id.ToString(), status = "received" });
    }

    private static IResult GetFeedback(string id, ClaimsPrincipal user, GovDataStore store, IAigcTextLabeler label)
    {
        if (!NoticeRepository.ObjectIdTryParse(id, out var oid))
        {
            return Results.BadRequest();
        }

        var ticket = store.Feedback.FindById(oid);
        if (ticket is null || ticket.CitizenId != CitizenId(user))
        {
            return Results.NotFound();
        }

        return Results.Ok(new
        {
            ticketId = ticket.Id.ToString(),
            ticket.Category,
            ticket.Message,
            reply = ticket.AutoReply is null ? null : label.Label(ticket.AutoReply),
            ticket.Closed,
            ticket.CreatedAt
        });
    }
}
