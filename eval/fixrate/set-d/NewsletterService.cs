using LumenMarket.Catalog;
using LumenMarket.Models;
using Microsoft.SemanticKernel;

namespace LumenMarket.Marketing;

public sealed class NewsletterService(Kernel kernel, IProductCatalog catalog)
{
    private const string IntroTemplate = """
        Write the intro of the Lumen Market {{$season}} newsletter for {{$segment}} customers.
        Mention these products naturally, at most 120 words:
        {{$products}}
        """;

    public async Task<NewsletterDraft> ComposeAsync(NewsletterRequest request, CancellationToken ct)
    {
        var products = request.FeaturedSkus.Select(catalog.Find).OfType<Product>().ToList();
        var productList = string.Join("\n", products.Select(p => $"- {p.Name}: {p.Summary} ({p.Price:0.00} EUR)"));

        var arguments = new KernelArguments
        {
            ["season"] = request.Season,
            ["segment"] = request.Segment,
            ["products"] = productList,
        };
        var intro = await kernel.InvokePromptAsync(IntroTemplate, arguments, cancellationToken: ct);
        var introText = intro.GetValue<string>() ?? string.Empty;

        var subject = await kernel.InvokePromptAsync(
            "Write one e-mail subject line (max 8 words, no quotes) for this newsletter intro: {{$intro}}",
            new KernelArguments { ["intro"] = introText },
            cancellationToken: ct);

        return new NewsletterDraft(subject.ToString().Trim().Trim('"'), introText, products.Select(p => p.Sku).ToList());
    }
}
