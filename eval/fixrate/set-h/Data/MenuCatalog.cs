using MenuMuse.Models;

namespace MenuMuse.Data;

// Seed data until the catalog moves to the merchant database (MENU-112).
public sealed class MenuCatalog
{
    private readonly List<Merchant> _merchants =
    [
        new("m-101", "Chez Lucette", "Lyon", "French bistro", "+33 4 78 00 11 22"),
        new("m-102", "Tasca do Rio", "Porto", "Portuguese", "+351 22 000 3344"),
    ];

    private readonly List<Dish> _dishes =
    [
        new(1, "m-101", "Quenelle de brochet, sauce Nantua", 18.50m, "pike, cream, crayfish butter", false),
        new(2, "m-101", "Tarte aux pralines", 7.50m, "pink pralines, butter pastry", true),
        new(3, "m-102", "Francesinha", 14.90m, "bread, ham, sausage, steak, cheese, beer sauce", false),
        new(4, "m-102", "Caldo verde", 6.50m, "kale, potato, chouriço, olive oil", false),
    ];

    private readonly List<Order> _orders =
    [
        new(Guid.Parse("5d1c2a4e-0000-4000-8000-000000000001"), "m-101", "Camille R.",
            [new(1, "Quenelle de brochet, sauce Nantua", 2, 18.50m), new(2, "Tarte aux pralines", 2, 7.50m)],
            "Delivered", DateTimeOffset.Parse("2026-12-03T19:42:00+01:00")),
        new(Guid.Parse("5d1c2a4e-0000-4000-8000-000000000002"), "m-102", "Inês M.", [new(3, "Francesinha", 2, 14.90m)],
            "OutForDelivery", DateTimeOffset.Parse("2026-12-04T13:20:00+01:00")),
    ];

    public Merchant? FindMerchant(string id) => _merchants.FirstOrDefault(m => m.Id.Equals(id, StringComparison.OrdinalIgnoreCase));

    public IEnumerable<Merchant> MerchantsIn(string city) => _merchants.Where(m => m.City.Equals(city, StringComparison.OrdinalIgnoreCase));

    public Dish? FindDish(int id) => _dishes.FirstOrDefault(d => d.Id == id);

    public IReadOnlyList<Dish> DishesFor(string merchantId) => _dishes.Where(d => d.MerchantId == merchantId).OrderBy(d => d.Price).ToList();

    public IEnumerable<Order> OrdersFor(string merchantId, string? status) =>
        _orders.Where(o => o.MerchantId == merchantId && (status is null || o.Status == status)).OrderByDescending(o => o.PlacedAt);
}
