namespace DeepSynth.Analyzers.Benchmarks.Generation;

/// <summary>Ordinary business code of the same size: the analyzers must cost next to nothing here.</summary>
internal static class PlainTemplates_
{
    public static string OrderController(int i) => $$"""
        namespace Generated;

        public sealed record OrderLine{{i}}(string Sku, int Quantity, decimal Price);
        public sealed record Order{{i}}(Guid Id, string Customer, List<OrderLine{{i}}> Lines);

        [ApiController]
        [Route("api/orders{{i}}")]
        public sealed class OrderController{{i}}(IOrderStore{{i}} store, ILogger<OrderController{{i}}> logger) : ControllerBase
        {
            [HttpGet("{id:guid}")]
            public async Task<ActionResult<Order{{i}}>> Get(Guid id, CancellationToken cancellationToken)
            {
                var order = await store.FindAsync(id, cancellationToken);
                if (order is null)
                {
                    logger.LogWarning("Order {Id} not found", id);
                    return NotFound();
                }

                return order;
            }

            [HttpPost]
            public async Task<IActionResult> Create(Order{{i}} order, CancellationToken cancellationToken)
            {
                if (order.Lines.Count == 0 || order.Lines.Any(l => l.Quantity <= 0))
                {
                    return BadRequest("An order needs lines with positive quantities.");
                }

                var total = order.Lines.Sum(l => l.Price * l.Quantity);
                await store.SaveAsync(order with { Customer = order.Customer.Trim() }, cancellationToken);
                return Ok(new { order.Id, total, lines = order.Lines.Count });
            }
        }

        public interface IOrderStore{{i}}
        {
            Task<Order{{i}}> FindAsync(Guid id, CancellationToken cancellationToken);
            Task SaveAsync(Order{{i}} order, CancellationToken cancellationToken);
        }

        public sealed class MemoryOrderStore{{i}} : IOrderStore{{i}}
        {
            private readonly Dictionary<Guid, Order{{i}}> _orders = new();

            public Task<Order{{i}}> FindAsync(Guid id, CancellationToken cancellationToken) =>
                Task.FromResult(_orders.TryGetValue(id, out var order) ? order : null);

            public Task SaveAsync(Order{{i}} order, CancellationToken cancellationToken)
            {
                _orders[order.Id] = order;
                return Task.CompletedTask;
            }
        }
        """;

    public static string InventoryService(int i) => $$"""
        namespace Generated;

        public sealed class InventoryService{{i}}
        {
            private readonly Dictionary<string, int> _stock = new(StringComparer.OrdinalIgnoreCase);
            private readonly object _gate = new();

            public void Receive(string sku, int quantity)
            {
                if (quantity <= 0) throw new ArgumentOutOfRangeException(nameof(quantity));
                lock (_gate)
                {
                    _stock[sku] = _stock.TryGetValue(sku, out var current) ? current + quantity : quantity;
                }
            }

            public bool TryReserve(string sku, int quantity)
            {
                lock (_gate)
                {
                    if (!_stock.TryGetValue(sku, out var current) || current < quantity)
                    {
                        return false;
                    }

                    _stock[sku] = current - quantity;
                    return true;
                }
            }

            public IReadOnlyList<string> LowStock(int threshold)
            {
                lock (_gate)
                {
                    return _stock.Where(p => p.Value < threshold).OrderBy(p => p.Value).Select(p => $"{p.Key} ({p.Value})").ToList();
                }
            }
        }
        """;

    public static string ReportBuilder(int i) => $$"""
        namespace Generated;

        public sealed class SalesReport{{i}}
        {
            public string Render(IEnumerable<(string Region, decimal Amount, DateTime Day)> sales)
            {
                var builder = new System.Text.StringBuilder();
                builder.AppendLine("Region,Total,Days");
                foreach (var group in sales.GroupBy(s => s.Region).OrderBy(g => g.Key))
                {
                    var total = group.Sum(s => s.Amount);
                    var days = group.Select(s => s.Day.Date).Distinct().Count();
                    builder.Append(group.Key).Append(',').Append(total.ToString("F2", System.Globalization.CultureInfo.InvariantCulture)).Append(',').AppendLine(days.ToString(System.Globalization.CultureInfo.InvariantCulture));
                }

                return builder.ToString();
            }

            public decimal Growth(decimal previous, decimal current)
            {
                try
                {
                    return previous == 0 ? 0 : Math.Round((current - previous) / previous * 100, 2);
                }
                catch (OverflowException)
                {
                    return decimal.MaxValue;
                }
            }
        }
        """;

    public static string CustomerEndpoints(int i) => $$"""
        namespace Generated;

        public sealed record Customer{{i}}(int Id, string Name, string Email);

        public static class CustomerEndpoints{{i}}
        {
            private static readonly List<Customer{{i}}> Customers = new();

            public static void MapCustomers{{i}}(this IEndpointRouteBuilder app)
            {
                app.MapGet("/customers{{i}}", () => Results.Ok(Customers.OrderBy(c => c.Name)));
                app.MapGet("/customers{{i}}/{id:int}", (int id) =>
                    Customers.FirstOrDefault(c => c.Id == id) is { } customer ? Results.Ok(customer) : Results.NotFound());
                app.MapPost("/customers{{i}}", (Customer{{i}} customer) =>
                {
                    if (!customer.Email.Contains('@'))
                    {
                        return Results.BadRequest("invalid email");
                    }

                    Customers.Add(customer);
                    return Results.Created($"/customers{{i}}/{customer.Id}", customer);
                });
            }
        }
        """;

    public static string PricingRules(int i) => $$"""
        namespace Generated;

        public abstract class PriceRule{{i}}
        {
            public abstract decimal Apply(decimal price, int quantity);
        }

        public sealed class BulkDiscount{{i}} : PriceRule{{i}}
        {
            public override decimal Apply(decimal price, int quantity) => quantity >= 10 ? price * 0.9m : price;
        }

        public sealed class MemberDiscount{{i}} : PriceRule{{i}}
        {
            public override decimal Apply(decimal price, int quantity) => price - Math.Min(price * 0.05m, 20m);
        }

        public sealed class PriceCalculator{{i}}(IEnumerable<PriceRule{{i}}> rules)
        {
            public decimal Calculate(decimal basePrice, int quantity)
            {
                var price = basePrice;
                foreach (var rule in rules)
                {
                    price = rule.Apply(price, quantity);
                }

                return Math.Round(price * quantity, 2);
            }
        }
        """;
}
