using Dapper;
using Microsoft.Data.Sqlite;

namespace CareMessenger.Data;

public sealed record DraftRow(int Id, string Kind, string State, string Body, string? PatientName, DateTimeOffset CreatedAt);

public sealed record ClinicCounts(int PendingDrafts, int SentToday, int UpcomingAppointments, int MediaAssets);

public sealed record ChatLine(string Role, string Text, DateTimeOffset At);

public interface IPortalReadStore
{
    Task<IReadOnlyList<DraftRow>> GetDraftsAsync(string state, int take, CancellationToken ct);
    Task<ClinicCounts> GetCountsAsync(int clinicId, CancellationToken ct);
    Task<IReadOnlyList<ChatLine>> GetChatHistoryAsync(int patientId, int take, CancellationToken ct);
    Task<string?> GetLatestLabExplanationAsync(int patientId, string panelCode, CancellationToken ct);
}

public sealed class PortalReadStore(IConfiguration configuration) : IPortalReadStore
{
    private readonly string _connectionString = configuration.GetConnectionString("Care") ?? "Data Source=caremessenger.db";

    private SqliteConnection Open() => new(_connectionString);

    public async Task<IReadOnlyList<DraftRow>> GetDraftsAsync(string state, int take, CancellationToken ct)
    {
        await using var conn = Open();
        var rows = await conn.QueryAsync<DraftRow>(new CommandDefinition(
            """
            SELECT d.Id, d.Kind, d.State, d.Body, p.DisplayName AS PatientName, d.CreatedAt
            FROM Drafts d LEFT JOIN Patients p ON p.Id = d.PatientId
            WHERE d.State = @state
            ORDER BY d.CreatedAt DESC
            LIMIT @take
            """, new { state, take }, cancellationToken: ct));
        return rows.AsList();
    }

    public async Task<ClinicCounts> GetCountsAsync(int clinicId, CancellationToken ct)
    {
        await using var conn = Open();
        var today = DateTimeOffset.UtcNow.Date;
        return await conn.QuerySingleAsync<ClinicCounts>(new CommandDefinition(
            """
            SELECT
              (SELECT COUNT(*) FROM Drafts WHERE State = 'Pending') AS PendingDrafts,
              (SELECT COUNT(*) FROM Drafts WHERE State = 'Sent' AND SentAt >= @today) AS SentToday,
              (SELECT COUNT(*) FROM Appointments WHERE ClinicId = @clinicId AND Status = 'Booked') AS UpcomingAppointments,
              (SELECT COUNT(*) FROM MediaAssets) AS MediaAssets
            """, new { clinicId, today }, cancellationToken: ct));
    }

    public async Task<IReadOnlyList<ChatLine>> GetChatHistoryAsync(int patientId, int take, CancellationToken ct)
    {
        await using var conn = Open();
        var rows = await conn.QueryAsync<ChatLine>(new CommandDefinition(
            "SELECT Role, Text, At FROM ChatTurns WHERE PatientId = @patientId ORDER BY At DESC LIMIT @take",
            new { patientId, take }, cancellationToken: ct));
        return rows.Reverse().ToList();
    }

    public async Task<string?> GetLatestLabExplanationAsync(int patientId, string panelCode, CancellationToken ct)
    {
        await using var conn = Open();
        return await conn.QueryFirstOrDefaultAsync<string>(new CommandDefinition(
            "SELECT PlainLanguage FROM LabExplanations WHERE PatientId = @patientId AND PanelCode = @panelCode ORDER BY CreatedAt DESC LIMIT 1",
            new { patientId, panelCode }, cancellationToken: ct));
    }
}
