using System.Runtime.Serialization;
using CareMessenger.Contracts;
using CareMessenger.Data;
using CareMessenger.Services;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using ProtoBuf.Grpc;
using ProtoBuf.Grpc.Configuration;

namespace CareMessenger.Grpc;

[DataContract]
public sealed class DraftLookup
{
    [DataMember(Order = 1)] public int DraftId { get; set; }
}

[DataContract]
public sealed class DraftMessageReply
{
    [DataMember(Order = 1)] public int DraftId { get; set; }
    [DataMember(Order = 2)] public string Kind { get; set; } = "";
    [DataMember(Order = 3)] public string State { get; set; } = "";
    [DataMember(Order = 4)] public string Body { get; set; } = "";
}

[DataContract]
public sealed class LabPanelRequest
{
    [DataMember(Order = 1)] public int PatientId { get; set; }
    [DataMember(Order = 2)] public string PanelCode { get; set; } = "";
    [DataMember(Order = 3)] public List<LabItem> Items { get; set; } = [];
}

[DataContract]
public sealed class LabItem
{
    [DataMember(Order = 1)] public string Name { get; set; } = "";
    [DataMember(Order = 2)] public string Value { get; set; } = "";
    [DataMember(Order = 3)] public string Unit { get; set; } = "";
    [DataMember(Order = 4)] public string ReferenceRange { get; set; } = "";
}

[DataContract]
public sealed class TextChunk
{
    [DataMember(Order = 1)] public int Sequence { get; set; }
    [DataMember(Order = 2)] public string Text { get; set; } = "";
}

[DataContract]
public sealed class ClinicQuery
{
    [DataMember(Order = 1)] public int ClinicId { get; set; }
}

[DataContract]
public sealed class ClinicStatsReply
{
    [DataMember(Order = 1)] public int PendingDrafts { get; set; }
    [DataMember(Order = 2)] public int SentToday { get; set; }
    [DataMember(Order = 3)] public int UpcomingAppointments { get; set; }
    [DataMember(Order = 4)] public string ChatModel { get; set; } = "";
}

[Service("caremessenger.ClinicFeed")]
public interface IClinicFeed
{
    [Operation] ValueTask<DraftMessageReply> GetDraftAsync(DraftLookup request, CallContext context = default);
    [Operation] IAsyncEnumerable<TextChunk> ExplainLabPanelAsync(LabPanelRequest request, CallContext context = default);
    [Operation] ValueTask<ClinicStatsReply> GetClinicStatsAsync(ClinicQuery request, CallContext context = default);
}

public sealed class ClinicFeedService(
    CareDbContext db,
    ILabExplanationService labs,
    IPortalReadStore reads,
    IOptions<AiOptions> ai) : IClinicFeed
{
    public async ValueTask<DraftMessageReply> GetDraftAsync(DraftLookup request, CallContext context = default)
    {
        var draft = await db.Drafts.AsNoTracking().FirstOrDefaultAsync(d => d.Id == request.DraftId, context.CancellationToken);
        return draft is null
            ? new DraftMessageReply { DraftId = request.DraftId, State = "NotFound" }
            : new DraftMessageReply { DraftId = draft.Id, Kind = draft.Kind.ToString(), State = draft.State.ToString(), Body = draft.Body };
    }

    public async IAsyncEnumerable<TextChunk> ExplainLabPanelAsync(LabPanelRequest request, CallContext context = default)
    {
        var values = request.Items.Select(i => new LabValue(i.Name, i.Value, i.Unit, i.ReferenceRange)).ToList();
        var sequence = 0;
        await foreach (var chunk in labs.StreamExplanationAsync(request.PanelCode, values, context.CancellationToken))
        {
            yield return new TextChunk { Sequence = sequence++, Text = chunk };
        }
    }

    public async ValueTask<ClinicStatsReply> GetClinicStatsAsync(ClinicQuery request, CallContext context = default)
    {
        var counts = await reads.GetCountsAsync(request.ClinicId, context.CancellationToken);
        return new ClinicStatsReply
        {
            PendingDrafts = counts.PendingDrafts,
            SentToday = counts.SentToday,
            UpcomingAppointments = counts.UpcomingAppointments,
            ChatModel = ai.Value.ChatModel,
        };
    }
}
