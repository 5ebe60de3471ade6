using LexDesk.Data;
using Microsoft.AspNetCore.Mvc;

namespace LexDesk.Controllers;

public sealed record MatterListItem(string Id, string Title, string ClientName, string PracticeArea, DateOnly OpenedOn, DateOnly? NextDeadline);

[ApiController]
[Route("api/matters")]
public class MattersController(IMatterStore store) : ControllerBase
{
    [HttpGet]
    public ActionResult<IEnumerable<MatterListItem>> List([FromQuery] string? practiceArea)
    {
        var today = DateOnly.FromDateTime(DateTime.Today);
        var items = store.ListMatters(practiceArea)
            .Select(m => new MatterListItem(m.Id, m.Title, m.ClientName, m.PracticeArea, m.OpenedOn,
                m.Deadlines.Where(d => d.DueOn >= today).OrderBy(d => d.DueOn).Select(d => (DateOnly?)d.DueOn).FirstOrDefault()))
            .ToList();
        return Ok(items);
    }

    [HttpGet("{id}")]
    public ActionResult<Matter> Get(string id)
    {
        var matter = store.FindMatter(id);
        return matter is null ? NotFound() : matter;
    }

    [HttpGet("{id}/draft-count")]
    public IActionResult DraftCount(string id) =>
        store.FindMatter(id) is null ? NotFound() : Ok(new { matterId = id, drafts = store.DraftsFor(id).Count });
}
