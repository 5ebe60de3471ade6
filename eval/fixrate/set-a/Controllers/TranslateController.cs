using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.AI;
using WriterApp.Models;

namespace WriterApp.Controllers;

[ApiController]
[Route("api/[controller]")]
public sealed class TranslateController(IChatClient chat) : ControllerBase
{
    [HttpGet]
    public async Task<ActionResult<TranslationResponse>> Get([FromQuery] string text, [FromQuery] string language = "zh-CN")
    {
        var response = await chat.GetResponseAsync($"Translate to {language}: {text}");
        return new TranslationResponse(Source: text, Translation: response.Text, Language: language);
    }

    [HttpPost("plain")]
    public async Task<IActionResult> Plain([FromBody] string text)
    {
        var response = await chat.GetResponseAsync("Translate to English: " + text);
        return Content(response.Text, "text/plain");
    }
}
