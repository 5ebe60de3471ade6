using ZhengWuTong.Contracts;
using ZhengWuTong.Domain;
using ZhengWuTong.Infrastructure.Ai;
using ZhengWuTong.Infrastructure.Storage;

namespace ZhengWuTong.Services;

public interface INoticeService
{
    Task<PublicNotice> GenerateAsync(NoticeGenerateRequest request, string clerkId, CancellationToken ct);
    Task<string> SummarizeForChannelAsync(PublicNotice notice, CancellationToken ct);
    Task<QianfanCompletion> ExplainPolicyAsync(string policyText, string? audience, CancellationToken ct);
    Task<QianfanCompletion> DraftFeedbackReplyAsync(FeedbackTicket ticket, CancellationToken ct);
}

public sealed class NoticeService(IQianfanClient qianfan, INoticeRepository notices) : INoticeService
{
    private const string NoticeSystemPrompt =
        "你是市政府办公厅的公文写作助手。请根据给定要点起草一份面向社会公开的通知正文，" +
        "使用规范的公文语言，包含事由、具体事项、施行日期和咨询方式，不要自行增加未提供的政策内容。";

    public async Task<PublicNotice> GenerateAsync(NoticeGenerateRequest request, string clerkId, CancellationToken ct)
    {
        var prompt =
            $"标题：{request.Title}\n发布单位：{request.Department}\n文号：{request.DocumentNumber}\n" +
            $"施行日期：{request.EffectiveFrom:yyyy年M月d日}" +
            (request.EffectiveUntil is { } until ? $"至{until:yyyy年M月d日}" : string.Empty) +
            $"\n咨询电话：{request.ContactPhone}\n要点：\n{request.KeyPoints}";

        var completion = await qianfan.ChatAsync(NoticeSystemPrompt, prompt, ct);

        var notice = new PublicNotice
        {
            Title = request.Title,
            Department = request.Department,
            DocumentNumber = request.DocumentNumber,
            EffectiveFrom = request.EffectiveFrom,
            EffectiveUntil = request.EffectiveUntil,
            ContactPhone = request.ContactPhone,
            KeyPoints = request.KeyPoints,
            Body = completion.Text,
            Model = completion.Model,
            CreatedBy = clerkId
        };
        notices.Insert(notice);
        return notice;
    }

    public async Task<string> SummarizeForChannelAsync(PublicNotice notice, CancellationToken ct)
    {
        var completion = await qianfan.ChatAsync(
            "把政府通知压缩成适合即时通讯频道推送的三句话摘要，保留施行日期和咨询电话。",
            $"{notice.Title}\n{notice.Body}", ct);
        return completion.Text;
    }

    public Task<QianfanCompletion> ExplainPolicyAsync(string policyText, string? audience, CancellationToken ct) =>
        qianfan.ChatAsync(
            $"请用通俗易懂的语言向{audience ?? "普通市民"}解读下面的政策，列出“谁可以办、怎么办、要带什么”。",
            policyText, ct);

    public Task<QianfanCompletion> DraftFeedbackReplyAsync(FeedbackTicket ticket, CancellationToken ct) =>
        qianfan.ChatAsync(
            "你是12345政务服务热线的回复助手。对居民的留言给出礼貌的受理回复，说明会在5个工作日内由承办部门联系，不要承诺具体处理结果。",
            $"留言类别：{ticket.Category}\n留言内容：{ticket.Message}", ct);
}
