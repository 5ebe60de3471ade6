// kind: program
using System.Collections.Concurrent;
using Microsoft.Extensions.AI;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddSingleton<NoteStore>();
var app = builder.Build();
app.MapPost("/notes", async (string topic, IChatClient chat, NoteStore store, CancellationToken cancellationToken) =>
{
    var response = await chat.GetResponseAsync(topic, cancellationToken: cancellationToken);
    var note = new Note(Guid.NewGuid().ToString("N"), topic, response.Text, response.ModelId ?? "");
    store.Save(note);
    store.SavePage(new NotePage { Id = note.Id, Body = response.Text });
    return Results.Ok(new { note.Id });
});
app.MapGet("/notes/{id}", (string id, NoteStore store) => store.Find(id) is { } note ? Results.Ok(note) : Results.NotFound());
app.MapGet("/notes", (NoteStore store) => Results.Ok(store.All()));
app.MapGet("/pages/{id}", (string id, NoteStore store) =>
{
    var page = store.Page(id);
    return Results.Ok(page);
});
// Mapped to other types on the way out: the stored object is labeled before it is mapped.
app.MapGet("/notes/{id}/summary", (string id, NoteStore store) => store.Find(id) is { } note ? Results.Ok(Summary.Of(note)) : Results.NotFound());
app.MapGet("/pages/{id}/summary", (string id, NoteStore store) =>
{
    var page = store.Page(id);
    return Results.Ok(Summary.Of(page));
});
app.Run();

public sealed record NoteSummary(string Id, string Text);

public static class Summary
{
    public static NoteSummary Of(Note note) => new(note.Id, note.Text);
    public static NoteSummary Of(NotePage page) => new(page.Id, page.Body);
}

public sealed record Note(string Id, string Topic, string Text, string Model);

public sealed class NotePage
{
    public string Id { get; set; } = "";
    public string Body { get; set; } = "";
}

public sealed class NoteStore
{
    private readonly ConcurrentDictionary<string, Note> _notes = new();
    private readonly ConcurrentDictionary<string, NotePage> _pages = new();

    public void Save(Note note)
    {
        _notes[note.Id] = note;
    }

    public void SavePage(NotePage page) => _pages[page.Id] = page;

    public Note? Find(string id) => _notes.GetValueOrDefault(id);

    public IReadOnlyList<Note> All() => _notes.Values.ToList();

    public NotePage Page(string id) => _pages.TryGetValue(id, out var page) ? page : new NotePage { Id = id };
}
