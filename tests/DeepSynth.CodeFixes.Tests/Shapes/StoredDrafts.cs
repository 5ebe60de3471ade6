// kind: program
using System.Collections.Concurrent;
using Microsoft.Extensions.AI;

var app = WebApplication.CreateBuilder(args).Build();
app.MapPost("/drafts", async (string ask, Drafter drafter) => Results.Ok(await drafter.DraftAsync(ask)));
// The draft read back is named by a pattern inside the expression: nothing can go before it (CS0841), so the body becomes an
// if statement with the review and record in its branch; the label goes into the service that made the draft, and the
// copy read back gets its stored Text labeled too (the labeler leaves labeled text as it is: one label either way).
app.MapGet("/drafts/{id}", (string id, DraftStore store) => store.Find(id) is { } draft ? Results.Ok(draft) : Results.NotFound());
app.MapGet("/drafts/{id}/again", (string id, DraftStore store) =>
{
    var found = store.Find(id);
    return found is { } draft ? Results.Ok(draft) : Results.NotFound();
});
app.MapGet("/drafts", (DraftStore store) =>
{
    var all = store.All();
    return Results.Ok(all);
});
app.Run();

public sealed record Draft(string Id, string Text, DateTimeOffset At);

public sealed class DraftStore
{
    private readonly ConcurrentDictionary<string, Draft> _drafts = new();
    public void Save(Draft draft) => _drafts[draft.Id] = draft;
    public Draft? Find(string id) => _drafts.GetValueOrDefault(id);
    public IReadOnlyList<Draft> All() => _drafts.Values.OrderBy(d => d.At).ToList();
}

public sealed class Drafter(IChatClient chat, DraftStore store)
{
    public async Task<Draft> DraftAsync(string ask)
    {
        var response = await chat.GetResponseAsync(ask);
        var draft = new Draft(Guid.NewGuid().ToString("N"), response.Text, DateTimeOffset.UtcNow);
        store.Save(draft);
        return draft;
    }
}
