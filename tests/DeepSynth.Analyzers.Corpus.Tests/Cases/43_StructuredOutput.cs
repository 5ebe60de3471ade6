using System.Text.Json;
using DeepSynth.Compliance;
using DeepSynth.Compliance.Audit;
using DeepSynth.Compliance.Labeling;
using DeepSynth.Compliance.Review;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.AI;

namespace Kitchen.Api;

public sealed class Recipe
{
    public string Title { get; set; } = "";
    public List<string> Steps { get; set; } = [];
    public int Minutes { get; set; }
}

public sealed record PantryRequest(string[] Ingredients);

[ApiController]
[Route("api/kitchen")]
[RequireRealName]
public sealed class KitchenController(IChatClient chat, IContentReviewer reviewer, IAigcTextLabeler labeler, ISynthesisAuditLog audit) : ControllerBase
{
    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    // The typed result goes straight back to the app.
    [HttpPost("recipe")]
    public async Task<ActionResult<Recipe>> Recipe(PantryRequest request, CancellationToken ct)
    {
        var ingredients = await reviewer.EnsureAllowedAsync(string.Join("、", request.Ingredients), ReviewStage.Input, ct);
        ChatResponse<Recipe> response = await chat.GetResponseAsync<Recipe>($"用这些食材设计一道菜：{ingredients}", cancellationToken: ct);
        var recipe = response.Result;
        await audit.RecordAsync(JsonSerializer.Serialize(recipe, Web), new GenerationRecord { Model = response.ModelId }, ct);
        return Ok(recipe); // expect: DSYN001, DSYN003
    }

    // Reviewed and recorded as JSON, labeled with LabelJson.
    [HttpPost("recipe/v2")]
    public async Task<IActionResult> RecipeV2(PantryRequest request, CancellationToken ct)
    {
        var ingredients = await reviewer.EnsureAllowedAsync(string.Join("、", request.Ingredients), ReviewStage.Input, ct);
        var response = await chat.GetResponseAsync<Recipe>($"用这些食材设计一道菜：{ingredients}", cancellationToken: ct);
        var json = JsonSerializer.Serialize(response.Result, Web);
        json = await reviewer.EnsureAllowedAsync(json, ReviewStage.Output, ct);
        await audit.RecordAsync(json, new GenerationRecord { Model = response.ModelId }, ct);
        return Content(labeler.LabelJson(json, "title"), "application/json");
    }

    // Only the number of minutes is used: not synthetic content.
    [HttpPost("recipe/time")]
    public async Task<IActionResult> CookingTime(PantryRequest request, CancellationToken ct)
    {
        var ingredients = await reviewer.EnsureAllowedAsync(string.Join("、", request.Ingredients), ReviewStage.Input, ct);
        var response = await chat.GetResponseAsync<Recipe>($"用这些食材设计一道菜：{ingredients}", cancellationToken: ct);
        return Ok(new { minutes = response.Result.Minutes });
    }

    // Untyped fallback used by the old app version: the ingredients array goes into the prompt unreviewed.
    [HttpPost("recipe/text")]
    public async Task<IActionResult> RecipeText(PantryRequest request, CancellationToken ct)
    {
        var messages = new List<ChatMessage>
        {
            new(ChatRole.System, "你是家常菜厨师。"),
            new(ChatRole.User, "食材：" + string.Join("、", request.Ingredients)),
        };
        var response = await chat.GetResponseAsync(messages, new ChatOptions { Temperature = 0.5f }, ct); // expect: DSYN004
        var text = await reviewer.EnsureAllowedAsync(response.Messages.Last().Text, ReviewStage.Output, ct);
        await audit.RecordAsync(text, new GenerationRecord(), ct);
        return Ok(labeler.Label(text));
    }
}
