namespace InkWell.Data;

public sealed record Article(int Id, string Title, string Section, int AuthorId, DateTimeOffset PublishedAt, string Body);

public sealed record Author(int Id, string DisplayName, string Beat, string Bio, string? Twitter);

public sealed record ReaderComment(int Id, int ArticleId, string ReaderName, string Text, DateTimeOffset PostedAt)
{
    public CommentStatus Status { get; set; } = CommentStatus.Pending;
}

public enum CommentStatus { Pending, Approved, Rejected }

public sealed record Subscriber(string Email, string Name, bool Weekly);

/// <summary>In-memory newsroom data until the CMS integration lands.</summary>
public sealed class NewsroomCatalog
{
    private readonly Dictionary<int, Author> _authors = new()
    {
        [1] = new Author(1, "Maren Holt", "City hall", "Covers local politics and budgets.", "@marenholt"),
        [2] = new Author(2, "Dev Anand", "Science", "Writes about climate and research.", null),
        [3] = new Author(3, "Lucia Ferro", "Culture", "Theatre, books and the arts scene.", "@luciaferro"),
    };

    public List<Article> Articles { get; } =
    [
        new(101, "Council approves new tram line", "Local", 1, DateTimeOffset.Parse("2026-11-28T08:00:00Z"),
            "The city council voted 9-4 on Tuesday to fund the eastern tram extension, with construction due to start next spring."),
        new(102, "Why the river is warmer this winter", "Science", 2, DateTimeOffset.Parse("2026-11-30T07:30:00Z"),
            "Researchers at the university say discharge from the old power plant and a mild autumn raised the temperature by two degrees."),
        new(103, "A quiet revival at the Lyric Theatre", "Culture", 3, DateTimeOffset.Parse("2026-12-01T18:00:00Z"),
            "After three years dark, the Lyric reopens with a season of new plays by local writers."),
    ];

    public List<ReaderComment> Comments { get; } =
    [
        new(5001, 101, "tramfan88", "Finally! But who pays for the overruns this time?", DateTimeOffset.Parse("2026-11-28T09:12:00Z")),
        new(5002, 101, "J. Okafor", "The eastern route skips the hospital entirely. Did anyone check?", DateTimeOffset.Parse("2026-11-28T10:40:00Z")),
        new(5003, 102, "riverwatch", "Two degrees is a lot for fish. Follow-up please.", DateTimeOffset.Parse("2026-11-30T12:05:00Z")),
    ];

    public List<Subscriber> Subscribers { get; } =
    [
        new("ana@example.org", "Ana", true),
        new("tom@example.org", "Tom", true),
        new("kim@example.org", "Kim", false),
    ];

    public Article? FindArticle(int id) => Articles.FirstOrDefault(a => a.Id == id);

    public Author? FindAuthor(int id) => _authors.GetValueOrDefault(id);

    public string AuthorName(int id) => _authors.TryGetValue(id, out var author) ? author.DisplayName : "Staff";

    public ReaderComment? FindComment(int id) => Comments.FirstOrDefault(c => c.Id == id);
}
