using MenuMuse.Data;
using MenuMuse.Models;
using MenuMuse.Services;
using Microsoft.AspNetCore.Mvc;

namespace MenuMuse.Controllers;

[ApiController]
[Route("api/dishes/{dishId:int}")]
public sealed class DishesController(MenuCatalog catalog, IDishCopywriter copywriter, IMenuTranslator translator) : ControllerBase
{

    [HttpPost("description")]
    public async Task<ActionResult<DishDescriptionResponse>> Describe(int dishId, DescriptionRequest request, CancellationToken cancellationToken)
    {
        if (request.MaxWords is < 10 or > 200)
        {
            return BadRequest("MaxWords must be between 10 and 200.");
        }

        var dish = catalog.FindDish(dishId);
        return dish is null ? NotFound() : await copywriter.DescribeAsync(dish, request, cancellationToken);
    }

    [HttpPost("translations")]
    public async Task<IActionResult> Translate(int dishId, TranslationRequest request, CancellationToken cancellationToken)
    {
        var languages = request.Languages.Select(l => l.Trim().ToLowerInvariant()).Distinct().ToList();
        var unsupported = languages.Where(l => !MenuTranslator.SupportedLanguages.Contains(l)).ToList();
        if (languages.Count == 0 || unsupported.Count > 0)
        {
            return BadRequest($"Give at least one supported language. Unsupported: {string.Join(", ", unsupported)}");
        }

        if (catalog.FindDish(dishId) is not { } dish)
        {
            return NotFound();
        }

        var source = await copywriter.DescribeAsync(dish, new DescriptionRequest(), cancellationToken);
        var translations = await translator.TranslateAsync(dish, source.Description, languages, cancellationToken);
        return Ok(translations);
    }
}
