using System.Text;
using Microsoft.Extensions.AI;
using TalentDesk.Services;

namespace TalentDesk.Endpoints;

public static class AssistantEndpoints
{
    public record AskRequest(string Question, string? Context);

    public static void MapAssistantEndpoints(this WebApplication app)
    {
        var assistant = app.MapGroup("/api/assistant");

        assistant.MapPost("/ask", async (AskRequest body, IChatClient chat, CancellationToken ct) =>
        {
            var response = await chat.GetResponseAsync(
            [
                new ChatMessage(ChatRole.System, "You are an HR assistant helping recruiters with hiring questions."),
                new ChatMessage(ChatRole.User, body.Context is null ? body.Question : $"{body.Context}\n\nQuestion: {body.Question}"),
            ], cancellationToken: ct);

            return Results.Ok(new { answer = response.Text, model = response.ModelId });
        });

        assistant.MapGet("/job-draft", async (HttpContext http, string title, string? notes, IJobDescriptionWriter writer) =>
        {
            http.Response.ContentType = "text/plain; charset=utf-8";
            await foreach (var piece in writer.StreamDraftAsync(title, notes ?? "", http.RequestAborted))
            {
                await http.Response.WriteAsync(piece, http.RequestAborted);
                await http.Response.Body.FlushAsync(http.RequestAborted);
            }
        });

        assistant.MapPost("/rewrite", async (HttpRequest request, IChatClient chat) =>
        {
            using var reader = new StreamReader(request.Body, Encoding.UTF8);
            var original = await reader.ReadToEndAsync();
            var style = request.Query["style"].ToString();

            var sb = new StringBuilder();
            await foreach (var update in chat.GetStreamingResponseAsync(
                $"Rewrite this job ad paragraph in a {(string.IsNullOrEmpty(style) ? "neutral" : style)} style:\n{original}"))
            {
                sb.Append(update.Text);
            }
            return Results.Json(new { original, rewritten = sb.ToString() });
        });

        assistant.MapGet("/salary-bands/{level}", (string level) =>
            level is "junior" or "mid" or "senior" ? Results.Ok(new { level, currency = "CNY" }) : Results.NotFound());
    }
}
