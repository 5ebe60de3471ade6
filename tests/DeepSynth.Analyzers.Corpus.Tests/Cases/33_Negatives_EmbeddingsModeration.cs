using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.AI;
using OpenAI.Embeddings;
using OpenAI.Moderations;

namespace Search.Api;

public sealed record SearchHit(string DocumentId, string Title, double Score);

public sealed record TextBody(string Text);

public interface IVectorIndex
{
    Task<IReadOnlyList<SearchHit>> QueryAsync(ReadOnlyMemory<float> vector, int top, CancellationToken ct);
}

/// <summary>Semantic search and moderation: models are used, but nothing they produce is synthetic content shown to people.</summary>
[ApiController]
[Route("api")]
public sealed class SearchController(
    IEmbeddingGenerator<string, Embedding<float>> embeddings,
    EmbeddingClient openAiEmbeddings,
    ModerationClient moderation,
    IVectorIndex index) : ControllerBase
{
    [HttpGet("search")]
    public async Task<ActionResult<IReadOnlyList<SearchHit>>> Search([FromQuery] string q, CancellationToken ct)
    {
        var vector = await embeddings.GenerateVectorAsync(q, cancellationToken: ct);
        var hits = await index.QueryAsync(vector, 10, ct);
        return Ok(hits);
    }

    [HttpPost("embeddings")]
    public async Task<IActionResult> Embed(TextBody body, CancellationToken ct)
    {
        OpenAIEmbedding embedding = await openAiEmbeddings.GenerateEmbeddingAsync(body.Text, cancellationToken: ct);
        return Ok(new { dimensions = embedding.ToFloats().Length, vector = embedding.ToFloats().ToArray() });
    }

    [HttpPost("moderate")]
    public async Task<IActionResult> Moderate(TextBody body, CancellationToken ct)
    {
        ModerationResult result = await moderation.ClassifyTextAsync(body.Text, ct);
        return Ok(new
        {
            flagged = result.Flagged,
            harassment = result.Harassment.Flagged,
            violence = result.Violence.Score,
        });
    }
}
