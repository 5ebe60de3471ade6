using LumenMarket.Models;

namespace LumenMarket.Catalog;

public interface IProductCatalog
{
    Product? Find(string sku);
    IReadOnlyList<Product> Search(string term);
    IReadOnlyList<ReviewSnippet> RecentReviews(string sku);
}

public sealed class InMemoryProductCatalog : IProductCatalog
{
    private readonly List<Product> _products =
    [
        new("LM-1001", "Aurora Desk Lamp", "Home office", 49.90m, "Dimmable LED, USB-C charging port, warm to cool light"),
        new("LM-1002", "Trailhead 30L Backpack", "Outdoor", 89.00m, "Water-resistant, laptop sleeve, lifetime repair"),
        new("LM-1003", "Brewmate Pour-Over Set", "Kitchen", 34.50m, "Borosilicate glass, steel filter, 600 ml"),
    ];

    private readonly List<ReviewSnippet> _reviews =
    [
        new("LM-1001", 5, "Great light for late evenings, the dimmer is smooth."),
        new("LM-1001", 2, "The USB port stopped working after a month."),
        new("LM-1003", 5, "Makes a clean cup, easy to rinse."),
    ];

    public Product? Find(string sku) =>
        _products.FirstOrDefault(p => string.Equals(p.Sku, sku, StringComparison.OrdinalIgnoreCase));

    public IReadOnlyList<Product> Search(string term) =>
        string.IsNullOrWhiteSpace(term)
            ? _products
            : _products.Where(p => p.Name.Contains(term, StringComparison.OrdinalIgnoreCase)
                                || p.Category.Contains(term, StringComparison.OrdinalIgnoreCase)).ToList();

    public IReadOnlyList<ReviewSnippet> RecentReviews(string sku) =>
        _reviews.Where(r => r.Sku == sku).ToList();
}

public static class ProductEndpoints
{
    public static RouteGroupBuilder MapProductEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/products");
        group.MapGet("/", SearchProducts);
        group.MapGet("/{sku}", GetProduct);
        group.MapGet("/{sku}/reviews", (string sku, IProductCatalog catalog) => Results.Ok(catalog.RecentReviews(sku)));
        return group;
    }

    private static IResult SearchProducts(string? q, IProductCatalog catalog) => Results.Ok(catalog.Search(q ?? string.Empty));

    private static IResult GetProduct(string sku, IProductCatalog catalog) =>
        catalog.Find(sku) is { } product ? Results.Ok(product) : Results.NotFound();
}
