// kind: program
using Microsoft.Extensions.AI;

var app = WebApplication.CreateBuilder(args).Build();
app.MapPost("/api/support/suggest", Suggest);
app.MapPost("/api/support/batch", async (Ticket[] tickets, IChatClient chat) =>
{
    var replies = new List<string>();
    foreach (var ticket in tickets)
    {
        var response = await chat.GetResponseAsync(ticket.CustomerMessage);
        replies.Add(response.Text);
    }

    return replies;
});
app.MapPost("/api/reviews/digest", async (List<string> reviews, IChatClient chat) =>
{
    var response = await chat.GetResponseAsync(string.Join("\n---\n", reviews));
    return Results.Ok(new { digest = response.Text, count = reviews.Count });
});
app.MapGet("/api/ask", async (HttpContext context, IChatClient chat) =>
{
    // The input has no name the finding can give ("HTTP request.Query"): the local it was read into is reviewed.
    var question = context.Request.Query["q"].ToString();
    List<ChatMessage> messages = [new(ChatRole.System, "You are a tutor."), new(ChatRole.User, question)];
    var response = await chat.GetResponseAsync(messages);
    return Results.Text(response.Text);
});
app.MapPost("/api/summaries/upload", async (IFormFile file, string matterId, Summarizer summarizer) =>
{
    // The file's text has no name the finding can give: the request object built from it is reviewed whole.
    using var reader = new StreamReader(file.OpenReadStream());
    var text = await reader.ReadToEndAsync();
    var request = new SummaryRequest(matterId, file.FileName, text);
    var summary = await summarizer.SummarizeAsync(request);
    return Results.Ok(summary);
});
app.Run();

async Task<IResult> Suggest(Ticket ticket, IChatClient chat)
{
    var response = await chat.GetResponseAsync("Draft a polite reply to: " + ticket.CustomerMessage);
    return Results.Ok(new Reply(TicketId: ticket.Id, Text: response.Text));
}

public sealed record Ticket(int Id, string CustomerMessage);

public sealed record Reply(int TicketId, string Text);

public sealed record SummaryRequest(string MatterId, string Title, string Text);

public sealed class Summarizer(IChatClient chat)
{
    public async Task<string> SummarizeAsync(SummaryRequest request)
    {
        var response = await chat.GetResponseAsync($"Summarise {request.Title}:\n{request.Text}");
        return response.Text;
    }
}
