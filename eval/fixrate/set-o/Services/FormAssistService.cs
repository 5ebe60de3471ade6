using System.Text.Json;
using Microsoft.Extensions.AI;
using ZhengWuTong.Contracts;

namespace ZhengWuTong.Services;

public sealed record FormDefinition(string Code, string Title, IReadOnlyList<string> FieldCodes, IReadOnlyList<string> RequiredFields);

public interface IFormCatalog
{
    FormDefinition? Find(string formCode);
    IReadOnlyCollection<FormDefinition> All { get; }
}

public sealed class StaticFormCatalog : IFormCatalog
{
    private static readonly Dictionary<string, FormDefinition> Forms = new(StringComparer.OrdinalIgnoreCase)
    {
        ["HK-01"] = new("HK-01", "户口迁入登记申请表", ["name", "idType", "fromAddress", "toAddress", "reason"], ["name", "toAddress", "reason"]),
        ["SB-03"] = new("SB-03", "城乡居民医保参保登记表", ["name", "householdNo", "category", "bankAccount"], ["name", "category"]),
        ["JZ-02"] = new("JZ-02", "居住证申领表", ["name", "address", "employer", "residenceSince"], ["name", "address", "residenceSince"])
    };

    public FormDefinition? Find(string formCode) => Forms.GetValueOrDefault(formCode);

    public IReadOnlyCollection<FormDefinition> All => Forms.Values;
}

public interface IFormAssistService
{
    Task<(FormFillSuggestion Suggestion, string Model)> SuggestAsync(FormDefinition form, FormAssistRequest request, CancellationToken ct);
    Task<string> ShortHintAsync(FormDefinition form, string situation, CancellationToken ct);
    FormValidationResult Validate(FormDefinition form, FormValidationRequest request);
}

public sealed class FormAssistService(IChatClient chat) : IFormAssistService
{
    public async Task<(FormFillSuggestion Suggestion, string Model)> SuggestAsync(FormDefinition form, FormAssistRequest request, CancellationToken ct)
    {
        var filled = request.FilledFields is { Count: > 0 }
            ? JsonSerializer.Serialize(request.FilledFields)
            : "{}";

        var messages = new List<ChatMessage>
        {
            new(ChatRole.System,
                $"你在帮助居民填写《{form.Title}》。字段代码：{string.Join(",", form.FieldCodes)}。" +
                "只填写能从居民描述中确定的字段，其余留空；在说明中告诉居民还需要补充什么。"),
            new(ChatRole.User, $"居民情况：{request.Situation}\n已填写：{filled}")
        };

        var response = await chat.GetResponseAsync<FormFillSuggestion>(messages, cancellationToken: ct);
        return (response.Result, response.ModelId ?? "qwen-plus");
    }

    public async Task<string> ShortHintAsync(FormDefinition form, string situation, CancellationToken ct)
    {
        var response = await chat.GetResponseAsync(
            $"用不超过60个字提醒居民办理《{form.Title}》要带的材料。居民情况：{situation}",
            new ChatOptions { MaxOutputTokens = 120, Temperature = 0.2f },
            ct);
        return response.Text.Trim();
    }

    public FormValidationResult Validate(FormDefinition form, FormValidationRequest request)
    {
        var errors = form.RequiredFields
            .Where(f => !request.Fields.TryGetValue(f, out var v) || string.IsNullOrWhiteSpace(v))
            .Select(f => $"字段 {f} 为必填项")
            .ToList();

        var unknown = request.Fields.Keys.Except(form.FieldCodes, StringComparer.OrdinalIgnoreCase);
        errors.AddRange(unknown.Select(f => $"未知字段 {f}"));

        return new FormValidationResult(errors.Count == 0, errors, request.Fields);
    }
}
