using System.Collections.Concurrent;
using LexDesk.Models;

namespace LexDesk.Data;

public sealed record Matter(
    string Id, string Title, string ClientName, string PracticeArea, string ResponsibleLawyer, DateOnly OpenedOn,
    IReadOnlyList<MatterDeadline> Deadlines);

public sealed record MatterDeadline(string Description, DateOnly DueOn);

public sealed record UserSettings(string UserId, string PreferredLanguage, bool EmailNotifications, string TimeZone);

public interface IMatterStore
{
    IReadOnlyList<Matter> ListMatters(string? practiceArea = null);
    Matter? FindMatter(string id);
    void SaveDraft(ClauseDraftResult draft);
    IReadOnlyList<ClauseDraftResult> DraftsFor(string matterId);
    ClauseDraftResult? FindDraft(string draftId);
    UserSettings GetSettings(string userId);
    void SaveSettings(UserSettings settings);
}

public sealed class InMemoryMatterStore : IMatterStore
{
    private readonly ConcurrentDictionary<string, Matter> _matters = new();
    private readonly ConcurrentDictionary<string, ClauseDraftResult> _drafts = new();
    private readonly ConcurrentDictionary<string, UserSettings> _settings = new();

    public InMemoryMatterStore()
    {
        var today = DateOnly.FromDateTime(DateTime.Today);
        Add(new Matter("M-2026-0141", "华东物流股权收购", "上海启程投资有限公司", "并购", "王律师", today.AddDays(-40),
            [new("尽职调查报告提交", today.AddDays(3)), new("交割先决条件确认", today.AddDays(21))]));
        Add(new Matter("M-2026-0157", "软件许可协议续签", "深圳云栈科技有限公司", "知识产权", "李律师", today.AddDays(-12),
            [new("对方修订稿反馈", today.AddDays(5))]));
    }

    private void Add(Matter matter) => _matters[matter.Id] = matter;

    public IReadOnlyList<Matter> ListMatters(string? practiceArea = null) =>
        _matters.Values.Where(m => practiceArea is null || m.PracticeArea == practiceArea).OrderByDescending(m => m.OpenedOn).ToList();
    public Matter? FindMatter(string id) => _matters.GetValueOrDefault(id);

    public void SaveDraft(ClauseDraftResult draft) => _drafts[draft.DraftId] = draft;
    public ClauseDraftResult? FindDraft(string draftId) => _drafts.GetValueOrDefault(draftId);
    public IReadOnlyList<ClauseDraftResult> DraftsFor(string matterId) =>
        _drafts.Values.Where(d => d.MatterId == matterId).OrderByDescending(d => d.CreatedAt).ToList();

    public UserSettings GetSettings(string userId) =>
        _settings.GetOrAdd(userId, id => new UserSettings(id, "zh-CN", EmailNotifications: true, TimeZone: "Asia/Shanghai"));
    public void SaveSettings(UserSettings settings) => _settings[settings.UserId] = settings;
}
