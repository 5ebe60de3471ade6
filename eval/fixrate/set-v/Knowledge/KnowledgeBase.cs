using Elastic.Clients.Elasticsearch;
using Elastic.Clients.Elasticsearch.QueryDsl;

namespace WealthPal.Knowledge;

/// <summary>An FAQ or product document written by the product and service teams (indexed by the CMS exporter).</summary>
public sealed class KbArticle
{
    public string Id { get; set; } = "";
    public string Title { get; set; } = "";
    public string Body { get; set; } = "";
    public string Category { get; set; } = "";
    public string[] ProductCodes { get; set; } = [];
    public string Url { get; set; } = "";
    public DateTimeOffset UpdatedAt { get; set; }
}

public sealed record KbHit(KbArticle Article, double Score);

public sealed class KnowledgeBase(ElasticsearchClient client, ILogger<KnowledgeBase> logger)
{
    public const string Index = "wealth-kb";

    public async Task<IReadOnlyList<KbHit>> SearchAsync(string text, string? productCode, int size, CancellationToken ct)
    {
        var response = await client.SearchAsync<KbArticle>(s => s
            .Indices(Index)
            .Size(size)
            .Query(q => q.Bool(b =>
            {
                b.Must(m => m.MultiMatch(mm => mm
                    .Query(text)
                    .Fields(new[] { "title^3", "body" })
                    .Type(TextQueryType.BestFields)));
                if (!string.IsNullOrEmpty(productCode))
                    b.Filter(f => f.Term(t => t.Field("productCodes").Value(productCode)));
            })), ct);

        if (!response.IsValidResponse)
        {
            logger.LogWarning("KB search failed: {Reason}", response.ElasticsearchServerError?.Error?.Reason ?? "transport error");
            return [];
        }

        return response.Hits
            .Where(h => h.Source is not null)
            .Select(h => new KbHit(h.Source!, h.Score ?? 0))
            .ToList();
    }

    public async Task<long> CountAsync(CancellationToken ct)
    {
        var response = await client.CountAsync<KbArticle>(c => c.Indices(Index), ct);
        return response.IsValidResponse ? response.Count : -1;
    }

    public static string ToContext(IEnumerable<KbHit> hits) =>
        string.Join("\n\n", hits.Select((h, i) => $"[{i + 1}] {h.Article.Title}\n{Trim(h.Article.Body, 800)}"));

    private static string Trim(string s, int max) => s.Length <= max ? s : s[..max] + "…";
}
