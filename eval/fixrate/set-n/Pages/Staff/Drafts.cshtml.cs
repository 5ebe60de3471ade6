using CareMessenger.Contracts;
using CareMessenger.Data;
using CareMessenger.Features;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CareMessenger.Pages.Staff;

[Authorize(Policy = "staff")]
public sealed class DraftsModel(IPortalReadStore reads, IMediator mediator) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string State { get; set; } = nameof(DraftState.Pending);

    [BindProperty]
    public int DraftId { get; set; }

    [BindProperty]
    public string? EditedBody { get; set; }

    [BindProperty]
    public string? StaffNote { get; set; }

    public IReadOnlyList<DraftDto> Drafts { get; private set; } = [];

    public ClinicCounts? Counts { get; private set; }

    [TempData]
    public string? StatusMessage { get; set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var rows = await reads.GetDraftsAsync(State, 100, ct);
        Drafts = rows.Select(r => r.ToDto()).ToList();
        Counts = await reads.GetCountsAsync(1, ct);
    }

    public async Task<IActionResult> OnPostApproveAsync(CancellationToken ct)
    {
        var result = await mediator.Send(new ReviewDraftCommand(DraftId, new DraftReviewRequest(true, StaffNote, EditedBody)), ct);
        StatusMessage = result is null ? $"草稿 {DraftId} 已被处理或不存在。" : $"草稿 {DraftId} 状态：{result.State}";
        return RedirectToPage(new { State });
    }

    public async Task<IActionResult> OnPostRejectAsync(CancellationToken ct)
    {
        await mediator.Send(new ReviewDraftCommand(DraftId, new DraftReviewRequest(false, StaffNote, null)), ct);
        StatusMessage = $"草稿 {DraftId} 已驳回。";
        return RedirectToPage(new { State });
    }
}
