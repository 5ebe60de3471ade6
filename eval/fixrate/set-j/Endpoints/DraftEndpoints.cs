using InkWell.Data;

namespace InkWell.Endpoints;

public sealed record DraftListItem(Guid Id, string Kind, int ArticleId, string Preview, string CreatedBy, string Model, DateTimeOffset CreatedAt, bool Published);

public sealed record PublishRequest(string EditorName);

public sealed record PublishedDraftResponse(Guid Id, int ArticleId, int? CommentId, string Text, string PublishedBy, DateTimeOffset PublishedAt);

public static class DraftEndpoints
{
    public static void MapDraftEndpoints(this WebApplication app)
    {
        var drafts = app.MapGroup("/api/drafts");

        drafts.MapGet("/", (SavedDraftRepository repository, DraftKind? kind) =>
        {
            var items = repository.List(kind)
                .Select(d => new DraftListItem(d.Id, d.Kind.ToString(), d.ArticleId,
                    d.Text.Length > 100 ? d.Text[..100] + "…" : d.Text, d.CreatedBy, d.Model, d.CreatedAt, d.PublishedAt is not null))
                .ToList();
            return TypedResults.Ok(items);
        });

        drafts.MapGet("/{id:guid}", (Guid id, SavedDraftRepository repository) =>
            repository.Get(id) is { } draft ? Results.Ok(draft) : Results.NotFound());

        drafts.MapPost("/{id:guid}/publish", Publish);

        drafts.MapDelete("/{id:guid}", (Guid id, SavedDraftRepository repository) =>
            repository.Remove(id) ? Results.NoContent() : Results.NotFound(new { message = $"Draft {id} was already discarded" }));
    }

    private static IResult Publish(Guid id, PublishRequest request, SavedDraftRepository repository, NewsroomCatalog catalog)
    {
        var draft = repository.Get(id);
        if (draft is null)
            return Results.NotFound();
        if (draft.PublishedAt is not null)
            return Results.Conflict(new { message = "Already published", draft.PublishedAt });

        draft.PublishedAt = DateTimeOffset.UtcNow;
        if (draft.CommentId is int commentId && catalog.FindComment(commentId) is { } comment)
        {
            comment.Status = CommentStatus.Approved;
        }

        return Results.Ok(new PublishedDraftResponse(draft.Id, draft.ArticleId, draft.CommentId, draft.Text, request.EditorName, draft.PublishedAt.Value));
    }
}
