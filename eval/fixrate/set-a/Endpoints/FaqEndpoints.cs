using Microsoft.Extensions.AI;
using WriterApp.Models;

namespace WriterApp.Endpoints;

public static class FaqEndpoints
{
    public static void MapFaqEndpoints(this IEndpointRouteBuilder routes)
    {
        routes.MapPost("/api/faq", async (string[] questions, IChatClient chat) =>
        {
            var entries = new List<FaqEntry>();
            foreach (var question in questions)
            {
                var response = await chat.GetResponseAsync(question);
                entries.Add(new FaqEntry(question, response.Text));
            }

            return Results.Ok(entries);
        });

        routes.MapPost("/api/faq/pair", async (string first, string second, IChatClient chat) =>
        {
            var a = await chat.GetResponseAsync(first);
            var b = await chat.GetResponseAsync(second);
            return Results.Ok(new[] { a.Text, b.Text });
        });

        routes.MapPost("/api/faq/map", async (string question, IChatClient chat) =>
        {
            var response = await chat.GetResponseAsync(question);
            return Results.Ok(new Dictionary<string, string>
            {
                ["question"] = question,
                ["answer"] = response.Text,
            });
        });
    }
}
