using MenuMuse.Data;
using MenuMuse.Hubs;
using MenuMuse.Models;
using MenuMuse.Options;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;
using Microsoft.SemanticKernel;

namespace MenuMuse.Promotions;

public sealed class DailyPromotionService(
    Kernel kernel,
    MenuCatalog catalog,
    IHubContext<CustomerChatHub, ICustomerChatClient> hub,
    IOptionsMonitor<PromotionOptions> options,
    ILogger<DailyPromotionService> logger) : BackgroundService
{
    private const string Prompt = """
        Write a push notification (max 2 sentences, one emoji allowed) inviting customers in {{$city}}
        to order today from {{$merchant}}. Feature these dishes: {{$dishes}}.
        """;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var settings = options.CurrentValue;
            var next = DateTime.Today + settings.SendAt;
            await Task.Delay(next > DateTime.Now ? next - DateTime.Now : next.AddDays(1) - DateTime.Now, stoppingToken);
            if (!settings.Enabled) continue;

            foreach (var city in settings.Cities)
            {
                await PushCityAsync(city, settings.DishesPerPush, stoppingToken);
            }
        }
    }

    private async Task PushCityAsync(string city, int dishesPerPush, CancellationToken cancellationToken)
    {
        foreach (var merchant in catalog.MerchantsIn(city))
        {
            var featured = catalog.DishesFor(merchant.Id).Take(dishesPerPush).ToList();
            var arguments = new KernelArguments
            {
                ["city"] = city,
                ["merchant"] = merchant.Name,
                ["dishes"] = string.Join(", ", featured.Select(d => $"{d.Name} ({d.Price:0.00} EUR)")),
            };

            var body = await kernel.InvokePromptAsync<string>(Prompt, arguments, cancellationToken: cancellationToken);
            var message = new PromotionMessage(city, merchant.Name, body?.Trim() ?? "", featured.Select(d => d.Id).ToList(), DateTimeOffset.UtcNow);

            await hub.Clients.Group(CustomerChatHub.CityGroup(city)).ReceivePromotion(message);
            logger.LogInformation("Pushed promotion for {Merchant} to {City}", merchant.Name, city);
        }
    }
}
