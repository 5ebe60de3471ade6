using Elastic.Clients.Elasticsearch;
using Elastic.Clients.Elasticsearch.QueryDsl;

namespace PeiFu.Claims.Search;

public sealed class FraudSearchDocument
{
    public Guid ReviewId { get; set; }
    public string ClaimId { get; set; } = "";
    public string PolicyNumber { get; set; } = "";
    public int RiskScore { get; set; }
    public string Summary { get; set; } = "";
    public List<string> RedFlags { get; set; } = new();
    public DateTimeOffset CreatedAt { get; set; }
}

public interface IFraudSearchIndex
{
    Task IndexAsync(FraudSearchDocument document, CancellationToken ct);
    Task<IReadOnlyList<FraudSearchDocument>> SearchAsync(string text, int? minRisk, int size, CancellationToken ct);
}

public sealed class ElasticFraudSearchIndex(ElasticsearchClient client, ILogger<ElasticFraudSearchIndex> logger) : IFraudSearchIndex
{
    public const string IndexName = "peifu-fraud-reviews";

    public async Task IndexAsync(FraudSearchDocument document, CancellationToken ct)
    {
        var response = await client.IndexAsync(document, i => i.Index(IndexName).Id(document.ReviewId.ToString()), ct);
        if (!response.IsValidResponse)
        {
            logger.LogWarning("Indexing fraud review {ReviewId} failed: {Reason}", document.ReviewId, response.DebugInformation);
        }
    }

    public async Task<IReadOnlyList<FraudSearchDocument>> SearchAsync(string text, int? minRisk, int size, CancellationToken ct)
    {
        var must = new List<Query>
        {
            new MultiMatchQuery { Query = text, Fields = new[] { "summary", "redFlags", "claimId" } }
        };
        if (minRisk is int risk)
        {
            must.Add(new NumberRangeQuery("riskScore") { Gte = risk });
        }

        var response = await client.SearchAsync<FraudSearchDocument>(new SearchRequest(IndexName)
        {
            Size = size,
            Query = new BoolQuery { Must = must }
        }, ct);

        if (!response.IsValidResponse)
        {
            logger.LogWarning("Fraud search failed: {Reason}", response.DebugInformation);
            return Array.Empty<FraudSearchDocument>();
        }
        return response.Documents.ToList();
    }
}
