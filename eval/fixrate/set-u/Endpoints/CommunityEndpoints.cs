using System.Security.Claims;
using System.Text;
using DeepSynth.Compliance;
using DeepSynth.Compliance.Audit;
using DeepSynth.Compliance.Labeling;
using DeepSynth.Compliance.Review;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Azure.Cosmos;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Options;
using StarHarbor.LiveOps.Commands;
using StarHarbor.LiveOps.Data;
using StarHarbor.LiveOps.Infrastructure;
using StarHarbor.LiveOps.Models;

namespace StarHarbor.LiveOps.Endpoints;

public static class CommunityEndpoints
{
    public static void MapCommunity(this IEndpointRouteBuilder app)
    {
        var community = app.MapGroup("/community").WithTags("Community").RequireAuthorization();

        community.MapPost("/posts", async (CreatePostRequest request, ClaimsPrincipal user, IMediator mediator, CancellationToken ct) =>
        {
            if (request.Title.Length is 0 or > 60 || request.Body.Length is 0 or > 5000)
                return Results.ValidationProblem(new Dictionary<string, string[]> { ["body"] = ["标题1-60字，正文1-5000字"] });

            var created = await mediator.Send(new CreatePostCommand(user.PlayerId(), user.Nickname(), request.BoardId, request.Title, request.Body), ct);
            return Results.Created($"/community/posts/{request.BoardId}/{created.Id}", created);
        }).RequireRealName();

        community.MapGet("/boards/{boardId}/posts", async (string boardId, int? page, IDocumentStore store, CancellationToken ct) =>
        {
            var offset = Math.Max(0, (page ?? 0)) * 20;
            var posts = await store.QueryAsync<PostDoc>(Containers.Posts,
                new QueryDefinition("SELECT * FROM c WHERE c.boardId = @b AND c.visibility = 'visible' ORDER BY c.createdAt DESC OFFSET @o LIMIT 20")
                    .WithParameter("@b", boardId).WithParameter("@o", offset), ct);
            return posts.Select(p => new PostListItem(p.Id, p.Title, p.AuthorName, p.Likes, p.Replies.Count, p.CreatedAt));
        }).AllowAnonymous();

        community.MapGet("/posts/{boardId}/{postId}", async Task<Results<Ok<PostDoc>, NotFound>> (string boardId, string postId, IDocumentStore store, CancellationToken ct) =>
        {
            var post = await store.GetAsync<PostDoc>(Containers.Posts, postId, boardId, ct);
            return post is null || post.Visibility == "hidden" ? TypedResults.NotFound() : TypedResults.Ok(post);
        }).AllowAnonymous();

        community.MapPost("/posts/{boardId}/{postId}/replies", async (string boardId, string postId, ReplyRequest request,
            ClaimsPrincipal user, IDocumentStore store, TimeProvider clock, CancellationToken ct) =>
        {
            var post = await store.GetAsync<PostDoc>(Containers.Posts, postId, boardId, ct);
            if (post is null) return Results.NotFound();
            var reply = new ReplyEntry(user.PlayerId(), user.Nickname(), request.Body, clock.GetUtcNow());
            post.Replies.Add(reply);
            await store.UpsertAsync(Containers.Posts, post, boardId, ct);
            return Results.Ok(new { postId, replyCount = post.Replies.Count, reply });
        }).RequireRealName();

        community.MapGet("/posts/{boardId}/{postId}/summary", async (string boardId, string postId, ClaimsPrincipal user,
            IDocumentStore store, IChatClient chat, IContentReviewer review, IAigcTextLabeler label, ISynthesisAuditLog audit, CancellationToken ct) =>
        {
            var post = await store.GetAsync<PostDoc>(Containers.Posts, postId, boardId, ct);
            if (post is null) return Results.NotFound();
            if (post.Replies.Count < 10) return Results.UnprocessableEntity(new { error = "回复少于10条的帖子不需要摘要" });

            var thread = post.Replies.TakeLast(200).Select(r => $"{r.AuthorName}: {r.Body}").ToList();
            await review.EnsureAllTextAllowedAsync(thread, ReviewStage.Input, ct);

            var response = await chat.GetResponseAsync(
            [
                new ChatMessage(ChatRole.System, "用3到5个要点总结这个游戏论坛帖子的讨论，中立，不点名批评玩家。"),
                new ChatMessage(ChatRole.User, $"主帖：{post.Title}\n{post.Body}\n\n回复：\n{string.Join('\n', thread)}"),
            ], cancellationToken: ct);

            var summary = await review.EnsureAllowedAsync(response.Text, ReviewStage.Output, ct);
            await audit.RecordAsync(summary, new GenerationRecord { UserId = user.PlayerId(), Model = response.ModelId, Labeled = true }, ct);
            return Results.Ok(new ThreadSummary(post.Id, label.Label(summary), thread.Count));
        });

        community.MapGet("/leaderboard/{season}", async (string season, IDocumentStore store, CancellationToken ct) =>
        {
            var rows = await store.QueryAsync<LeaderboardRow>(Containers.Players,
                new QueryDefinition("SELECT TOP 100 VALUE { rank: 0, nickname: c.nickname, score: c.seasonScores[@s], guildName: c.guildName } FROM c WHERE IS_DEFINED(c.seasonScores[@s]) ORDER BY c.seasonScores[@s] DESC")
                    .WithParameter("@s", season), ct, 100);
            return rows.Select((r, i) => r with { Rank = i + 1 });
        }).AllowAnonymous().CacheOutput(p => p.Expire(TimeSpan.FromMinutes(5)));

        community.MapPost("/push/subscriptions", async (PushSubscriptionRequest request, ClaimsPrincipal user, IDocumentStore store, TimeProvider clock, CancellationToken ct) =>
        {
            var id = Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(request.Endpoint)))[..32];
            await store.UpsertAsync(Containers.PushSubscriptions,
                new PushSubscriptionDoc(id, user.PlayerId(), user.Region(), request.Endpoint, request.P256dh, request.Auth, clock.GetUtcNow()), id, ct);
            return Results.Ok(new { subscriptionId = id });
        });

        app.MapGet("/gallery/{id}", async (string id, IDocumentStore store, IOptions<LiveOpsOptions> options, CancellationToken ct) =>
        {
            var art = await store.GetAsync<FanArtDoc>(Containers.FanArt, id, id, ct);
            if (art is null) return Results.NotFound();

            var imageUrl = $"{options.Value.PublicBaseUrl}/public/{art.AssetPath.Replace('\\', '/')}";
            var html = $"""
                <!doctype html>
                <html lang="zh-CN">
                <head>
                  <meta charset="utf-8">
                  <title>{art.Title.HtmlEncode()} · 星港同人画廊</title>
                  <meta property="og:image" content="{imageUrl}">
                  <link rel="stylesheet" href="/static/gallery.css">
                </head>
                <body>
                  <main class="artwork">
                    <img src="{imageUrl}" alt="{art.Title.HtmlEncode()}">
                    <h1>{art.Title.HtmlEncode()}</h1>
                    <p class="artist">画师：{art.ArtistName.HtmlEncode()} · ❤ {art.Likes}</p>
                    <p class="caption">{art.Caption.HtmlEncode()}</p>
                    <time datetime="{art.CreatedAt:O}">{art.CreatedAt:yyyy-MM-dd}</time>
                  </main>
                </body>
                </html>
                """;
            return Results.Content(html, "text/html; charset=utf-8");
        }).WithTags("Gallery");
    }
}
