using System.Collections.Concurrent;
using DeepSynth.Compliance;
using DeepSynth.Compliance.Audit;
using DeepSynth.Compliance.Labeling;
using DeepSynth.Compliance.Review;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.AI;

namespace Shop.Catalog
{
    public sealed record Product(int Id, string Name, string Description);

    public interface IProductCatalog
    {
        Task<Product?> FindAsync(int id, CancellationToken ct);
    }

    /// <summary>Product summaries are expensive; they are generated once and cached per product.</summary>
    public sealed class ProductSummaryService
    {
        private readonly ConcurrentDictionary<int, string> _summaries = new();
        private readonly ConcurrentDictionary<int, string> _sellingPoints = new();
        private readonly IChatClient _chat;
        private readonly IProductCatalog _catalog;
        private readonly IContentReviewer _reviewer;
        private readonly IAigcTextLabeler _labeler;
        private readonly ISynthesisAuditLog _audit;

        public ProductSummaryService(IChatClient chat, IProductCatalog catalog, IContentReviewer reviewer, IAigcTextLabeler labeler, ISynthesisAuditLog audit)
        {
            _chat = chat;
            _catalog = catalog;
            _reviewer = reviewer;
            _labeler = labeler;
            _audit = audit;
        }

        public async Task<string?> GetSummaryAsync(int productId, CancellationToken ct)
        {
            if (_summaries.TryGetValue(productId, out var cached))
            {
                return cached;
            }

            var product = await _catalog.FindAsync(productId, ct);
            if (product is null)
            {
                return null;
            }

            var response = await _chat.GetResponseAsync($"用两句话介绍商品：{product.Name}。{product.Description}", cancellationToken: ct);
            _summaries[productId] = response.Text;
            return response.Text;
        }

        /// <summary>Reviewed, recorded and labeled before it is cached, so cache hits are ready to show.</summary>
        public async Task<string?> GetSellingPointsAsync(int productId, CancellationToken ct)
        {
            if (_sellingPoints.TryGetValue(productId, out var cached))
            {
                return cached;
            }

            var product = await _catalog.FindAsync(productId, ct);
            if (product is null)
            {
                return null;
            }

            var response = await _chat.GetResponseAsync($"列出三个卖点：{product.Name}。{product.Description}", cancellationToken: ct);
            var text = await _reviewer.EnsureAllowedAsync(response.Text, ReviewStage.Output, ct);
            await _audit.RecordAsync(text, new GenerationRecord { Model = response.ModelId, Labeled = true }, ct);
            return _sellingPoints.GetOrAdd(productId, _labeler.Label(text));
        }
    }

    [ApiController]
    [Route("api/products/{id:int}")]
    [RequireRealName]
    public sealed class ProductAiController : ControllerBase
    {
        private readonly ProductSummaryService _service;
        private readonly IAigcTextLabeler _labeler;

        public ProductAiController(ProductSummaryService service, IAigcTextLabeler labeler)
        {
            _service = service;
            _labeler = labeler;
        }

        [HttpGet("summary")]
        public async Task<IActionResult> Summary(int id, CancellationToken ct)
        {
            var summary = await _service.GetSummaryAsync(id, ct);
            return summary is null ? NotFound() : Ok(new { id, summary = _labeler.Label(summary) }); // expect: DSYN003, DSYN005
        }

        [HttpGet("selling-points")]
        public async Task<IActionResult> SellingPoints(int id, CancellationToken ct)
        {
            var points = await _service.GetSellingPointsAsync(id, ct);
            if (points is null)
            {
                return NotFound();
            }

            return Ok(new { id, points });
        }
    }
}
