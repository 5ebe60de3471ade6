using Dapper;
using DeepSynth.Compliance.RealName;
using Microsoft.Data.Sqlite;
using ShopCopilot.Models;

namespace ShopCopilot.Data;

public interface IShopDatabase
{
    SqliteConnection Open();
}

public sealed class ShopDatabase(IConfiguration configuration) : IShopDatabase
{
    private readonly string _connectionString =
        configuration.GetConnectionString("Shop") ?? "Data Source=shopcopilot.db;Cache=Shared";

    public SqliteConnection Open()
    {
        var connection = new SqliteConnection(_connectionString);
        connection.Open();
        return connection;
    }
}

public sealed class SchemaInitializer(IShopDatabase db, ILogger<SchemaInitializer> logger) : IHostedService
{
    private const string Schema = """
        CREATE TABLE IF NOT EXISTS listings (
            Id INTEGER PRIMARY KEY AUTOINCREMENT, Sku TEXT NOT NULL, Title TEXT NOT NULL, Description TEXT NOT NULL,
            Language TEXT NOT NULL, Marketplace TEXT NOT NULL, SellerId TEXT NOT NULL, Model TEXT NOT NULL,
            PromptTokens INTEGER NOT NULL, CompletionTokens INTEGER NOT NULL, RequestId TEXT NOT NULL,
            CreatedAt TEXT NOT NULL DEFAULT (datetime('now')));
        CREATE TABLE IF NOT EXISTS translations (
            ListingId INTEGER NOT NULL, Language TEXT NOT NULL, Title TEXT NOT NULL, Description TEXT NOT NULL,
            Engine TEXT NOT NULL, PRIMARY KEY (ListingId, Language));
        CREATE TABLE IF NOT EXISTS campaigns (
            Id INTEGER PRIMARY KEY AUTOINCREMENT, Sku TEXT NOT NULL, Subject TEXT NOT NULL, HtmlBody TEXT NOT NULL,
            PlainBody TEXT NOT NULL, Status TEXT NOT NULL, CreatedAt TEXT NOT NULL DEFAULT (datetime('now')));
        CREATE TABLE IF NOT EXISTS reviews (Id INTEGER PRIMARY KEY AUTOINCREMENT, Sku TEXT NOT NULL, Rating INTEGER NOT NULL, Body TEXT NOT NULL);
        CREATE TABLE IF NOT EXISTS review_summaries (Sku TEXT PRIMARY KEY, Summary TEXT NOT NULL, ReviewCount INTEGER NOT NULL, GeneratedAt TEXT NOT NULL);
        CREATE TABLE IF NOT EXISTS media (Id TEXT PRIMARY KEY, Sku TEXT NOT NULL, Kind TEXT NOT NULL, Path TEXT NOT NULL, ContentType TEXT NOT NULL, Bytes INTEGER NOT NULL);
        CREATE TABLE IF NOT EXISTS chat_turns (SessionId TEXT NOT NULL, Role TEXT NOT NULL, Text TEXT NOT NULL, CreatedAt TEXT NOT NULL DEFAULT (datetime('now')));
        CREATE TABLE IF NOT EXISTS orders (OrderNo TEXT PRIMARY KEY, Status TEXT NOT NULL, Carrier TEXT NOT NULL, TrackingNo TEXT NULL, UpdatedAt TEXT NOT NULL);
        CREATE TABLE IF NOT EXISTS seller_verifications (SellerId TEXT PRIMARY KEY, Method TEXT NOT NULL, VerifiedAt TEXT NOT NULL);
        """;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var connection = db.Open();
        await connection.ExecuteAsync(new CommandDefinition(Schema, cancellationToken: cancellationToken));
        logger.LogInformation("ShopCopilot schema ready");
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

public interface IContentStore
{
    Task<long> SaveListingAsync(ListingRow row, CancellationToken ct);
    Task<ListingRow?> GetListingAsync(long id, CancellationToken ct);
    Task<IReadOnlyList<ListingRow>> GetListingsForSkuAsync(string sku, CancellationToken ct);
    Task SaveTranslationAsync(TranslationRow row, CancellationToken ct);
    Task<TranslationRow?> GetTranslationAsync(long listingId, string language, CancellationToken ct);
    Task<long> SaveCampaignAsync(CampaignRow row, CancellationToken ct);
    Task<CampaignRow?> GetCampaignAsync(long id, CancellationToken ct);
    Task MarkCampaignAsync(long id, string status, CancellationToken ct);
    Task<IReadOnlyList<ReviewRow>> GetReviewsAsync(string sku, int take, CancellationToken ct);
    Task SaveReviewSummaryAsync(ReviewSummaryRow row, CancellationToken ct);
    Task<ReviewSummaryRow?> GetReviewSummaryAsync(string sku, CancellationToken ct);
    Task<IReadOnlyList<string>> GetActiveSkusAsync(CancellationToken ct);
    Task SaveMediaAsync(MediaRow row, CancellationToken ct);
    Task<MediaRow?> GetMediaAsync(string id, CancellationToken ct);
    Task AppendChatTurnAsync(string sessionId, string role, string text, CancellationToken ct);
    Task<IReadOnlyList<ChatTurnRow>> GetChatTurnsAsync(string sessionId, int take, CancellationToken ct);
    Task<OrderRow?> GetOrderAsync(string orderNo, CancellationToken ct);
    Task<ContentStats> GetStatsAsync(CancellationToken ct);
}

public sealed class ContentStore(IShopDatabase db) : IContentStore
{
    public async Task<long> SaveListingAsync(ListingRow row, CancellationToken ct)
    {
        await using var connection = db.Open();
        return await connection.ExecuteScalarAsync<long>(new CommandDefinition("""
            INSERT INTO listings (Sku, Title, Description, Language, Marketplace, SellerId, Model, PromptTokens, CompletionTokens, RequestId)
            VALUES (@Sku, @Title, @Description, @Language, @Marketplace, @SellerId, @Model, @PromptTokens, @CompletionTokens, @RequestId);
            SELECT last_insert_rowid();
            """, row, cancellationToken: ct));
    }

    public async Task<ListingRow?> GetListingAsync(long id, CancellationToken ct)
    {
        await using var connection = db.Open();
        return await connection.QuerySingleOrDefaultAsync<ListingRow>(
            new CommandDefinition("SELECT * FROM listings WHERE Id = @id", new { id }, cancellationToken: ct));
    }

    public async Task<IReadOnlyList<ListingRow>> GetListingsForSkuAsync(string sku, CancellationToken ct)
    {
        await using var connection = db.Open();
        var rows = await connection.QueryAsync<ListingRow>(
            new CommandDefinition("SELECT * FROM listings WHERE Sku = @sku ORDER BY Id DESC LIMIT 20", new { sku }, cancellationToken: ct));
        return rows.AsList();
    }

    public async Task SaveTranslationAsync(TranslationRow row, CancellationToken ct)
    {
        await using var connection = db.Open();
        await connection.ExecuteAsync(new CommandDefinition("""
            INSERT INTO translations (ListingId, Language, Title, Description, Engine)
            VALUES (@ListingId, @Language, @Title, @Description, @Engine)
            ON CONFLICT (ListingId, Language) DO UPDATE SET Title = excluded.Title, Description = excluded.Description, Engine = excluded.Engine;
            """, row, cancellationToken: ct));
    }

    public async Task<TranslationRow?> GetTranslationAsync(long listingId, string language, CancellationToken ct)
    {
        await using var connection = db.Open();
        return await connection.QuerySingleOrDefaultAsync<TranslationRow>(new CommandDefinition(
            "SELECT * FROM translations WHERE ListingId = @listingId AND Language = @language",
            new { listingId, language }, cancellationToken: ct));
    }

    public async Task<long> SaveCampaignAsync(CampaignRow row, CancellationToken ct)
    {
        await using var connection = db.Open();
        return await connection.ExecuteScalarAsync<long>(new CommandDefinition("""
            INSERT INTO campaigns (Sku, Subject, HtmlBody, PlainBody, Status) VALUES (@Sku, @Subject, @HtmlBody, @PlainBody, @Status);
            SELECT last_insert_rowid();
            """, row, cancellationToken: ct));
    }

    public async Task<CampaignRow?> GetCampaignAsync(long id, CancellationToken ct)
    {
        await using var connection = db.Open();
        return await connection.QuerySingleOrDefaultAsync<CampaignRow>(
            new CommandDefinition("SELECT * FROM campaigns WHERE Id = @id", new { id }, cancellationToken: ct));
    }

    public async Task MarkCampaignAsync(long id, string status, CancellationToken ct)
    {
        await using var connection = db.Open();
        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE campaigns SET Status = @status WHERE Id = @id", new { id, status }, cancellationToken: ct));
    }

    public async Task<IReadOnlyList<ReviewRow>> GetReviewsAsync(string sku, int take, CancellationToken ct)
    {
        await using var connection = db.Open();
        var rows = await connection.QueryAsync<ReviewRow>(new CommandDefinition(
            "SELECT * FROM reviews WHERE Sku = @sku ORDER BY Id DESC LIMIT @take", new { sku, take }, cancellationToken: ct));
        return rows.AsList();
    }

    public async Task SaveReviewSummaryAsync(ReviewSummaryRow row, CancellationToken ct)
    {
        await using var connection = db.Open();
        await connection.ExecuteAsync(new CommandDefinition("""
            INSERT INTO review_summaries (Sku, Summary, ReviewCount, GeneratedAt) VALUES (@Sku, @Summary, @ReviewCount, @GeneratedAt)
            ON CONFLICT (Sku) DO UPDATE SET Summary = excluded.Summary, ReviewCount = excluded.ReviewCount, GeneratedAt = excluded.GeneratedAt;
            """, row, cancellationToken: ct));
    }

    public async Task<ReviewSummaryRow?> GetReviewSummaryAsync(string sku, CancellationToken ct)
    {
        await using var connection = db.Open();
        return await connection.QuerySingleOrDefaultAsync<ReviewSummaryRow>(
            new CommandDefinition("SELECT * FROM review_summaries WHERE Sku = @sku", new { sku }, cancellationToken: ct));
    }

    public async Task<IReadOnlyList<string>> GetActiveSkusAsync(CancellationToken ct)
    {
        await using var connection = db.Open();
        var skus = await connection.QueryAsync<string>(
            new CommandDefinition("SELECT DISTINCT Sku FROM reviews", cancellationToken: ct));
        return skus.AsList();
    }

    public async Task SaveMediaAsync(MediaRow row, CancellationToken ct)
    {
        await using var connection = db.Open();
        await connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO media (Id, Sku, Kind, Path, ContentType, Bytes) VALUES (@Id, @Sku, @Kind, @Path, @ContentType, @Bytes)",
            row, cancellationToken: ct));
    }

    public async Task<MediaRow?> GetMediaAsync(string id, CancellationToken ct)
    {
        await using var connection = db.Open();
        return await connection.QuerySingleOrDefaultAsync<MediaRow>(
            new CommandDefinition("SELECT * FROM media WHERE Id = @id", new { id }, cancellationToken: ct));
    }

    public async Task AppendChatTurnAsync(string sessionId, string role, string text, CancellationToken ct)
    {
        await using var connection = db.Open();
        await connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO chat_turns (SessionId, Role, Text) VALUES (@sessionId, @role, @text)",
            new { sessionId, role, text }, cancellationToken: ct));
    }

    public async Task<IReadOnlyList<ChatTurnRow>> GetChatTurnsAsync(string sessionId, int take, CancellationToken ct)
    {
        await using var connection = db.Open();
        var rows = await connection.QueryAsync<ChatTurnRow>(new CommandDefinition(
            "SELECT * FROM chat_turns WHERE SessionId = @sessionId ORDER BY rowid DESC LIMIT @take",
            new { sessionId, take }, cancellationToken: ct));
        return rows.Reverse().ToList();
    }

    public async Task<OrderRow?> GetOrderAsync(string orderNo, CancellationToken ct)
    {
        await using var connection = db.Open();
        return await connection.QuerySingleOrDefaultAsync<OrderRow>(
            new CommandDefinition("SELECT * FROM orders WHERE OrderNo = @orderNo", new { orderNo }, cancellationToken: ct));
    }

    public async Task<ContentStats> GetStatsAsync(CancellationToken ct)
    {
        await using var connection = db.Open();
        var counts = await connection.QuerySingleAsync<(long, long, long, long, long)>(new CommandDefinition("""
            SELECT (SELECT COUNT(*) FROM listings), (SELECT COUNT(*) FROM translations), (SELECT COUNT(*) FROM campaigns),
                   (SELECT COUNT(*) FROM media), (SELECT COUNT(*) FROM chat_turns)
            """, cancellationToken: ct));
        return new ContentStats(counts.Item1, counts.Item2, counts.Item3, counts.Item4, counts.Item5);
    }
}

public sealed class SellerRealNameVerifier(IShopDatabase db) : IRealNameVerifier
{
    private sealed class VerificationRow
    {
        public string SellerId { get; set; } = "";
        public string Method { get; set; } = "";
        public string VerifiedAt { get; set; } = "";
    }

    public async Task<RealNameVerification> GetVerificationAsync(string userId, CancellationToken ct)
    {
        await using var connection = db.Open();
        var row = await connection.QuerySingleOrDefaultAsync<VerificationRow>(new CommandDefinition(
            "SELECT * FROM seller_verifications WHERE SellerId = @userId", new { userId }, cancellationToken: ct));
        if (row is null || !Enum.TryParse<RealNameMethod>(row.Method, ignoreCase: true, out var method))
        {
            return RealNameVerification.NotVerified(userId, "no completed seller verification on record");
        }

        return RealNameVerification.Verified(userId, DateTimeOffset.Parse(row.VerifiedAt), [method]);
    }
}
