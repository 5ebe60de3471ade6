using InkWell.Data;
using Microsoft.AspNetCore.Mvc;

namespace InkWell.Controllers;

public sealed record AuthorProfile(int Id, string Name, string Beat, string Bio, string? Twitter, int ArticleCount, DateTimeOffset? LastPublished);

[ApiController]
[Route("api/[controller]")]
public sealed class AuthorsController(NewsroomCatalog catalog) : ControllerBase
{
    [HttpGet("{id:int}")]
    public ActionResult<AuthorProfile> GetProfile(int id)
    {
        var author = catalog.FindAuthor(id);
        if (author is null)
            return NotFound(new ProblemDetails { Title = "Unknown author", Detail = $"No author with id {id}." });

        var articles = catalog.Articles.Where(a => a.AuthorId == id).ToList();
        var profile = new AuthorProfile(author.Id, author.DisplayName, author.Beat, author.Bio, author.Twitter,
            articles.Count, articles.Count == 0 ? null : articles.Max(a => a.PublishedAt));
        return Ok(profile);
    }

    [HttpGet("{id:int}/articles")]
    public IActionResult GetArticles(int id, [FromQuery] string? section = null)
    {
        var articles = catalog.Articles
            .Where(a => a.AuthorId == id && (section == null || a.Section == section))
            .Select(a => new { a.Id, a.Title, a.Section, a.PublishedAt });
        return Ok(articles);
    }
}
