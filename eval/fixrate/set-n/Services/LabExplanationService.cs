using System.Text;
using CareMessenger.Contracts;
using Microsoft.SemanticKernel;
using Microsoft.SemanticKernel.Connectors.OpenAI;

namespace CareMessenger.Services;

public interface ILabExplanationService
{
    Task<string> ExplainAsync(string panelCode, IReadOnlyList<LabValue> values, CancellationToken ct);
    IAsyncEnumerable<string> StreamExplanationAsync(string panelCode, IReadOnlyList<LabValue> values, CancellationToken ct);
}

public sealed class LabExplanationService(Kernel kernel) : ILabExplanationService
{
    private const string Template = """
        你是检验科的健康顾问。请用患者能听懂的话解释下面的检验结果：
        检验项目组：{{$panel}}
        {{$values}}
        要求：逐项说明偏高或偏低可能意味着什么，不要下诊断结论，最后建议患者在复诊时与医生讨论。
        """;

    private static KernelArguments Arguments(string panelCode, IReadOnlyList<LabValue> values)
    {
        var table = new StringBuilder();
        foreach (var v in values)
        {
            table.AppendLine($"- {v.Name}: {v.Value} {v.Unit}（参考范围 {v.ReferenceRange}）");
        }
        return new KernelArguments(new OpenAIPromptExecutionSettings { Temperature = 0.2, MaxTokens = 900 })
        {
            ["panel"] = panelCode,
            ["values"] = table.ToString(),
        };
    }

    public async Task<string> ExplainAsync(string panelCode, IReadOnlyList<LabValue> values, CancellationToken ct)
    {
        var result = await kernel.InvokePromptAsync(Template, Arguments(panelCode, values), cancellationToken: ct);
        return result.GetValue<string>() ?? "";
    }

    public async IAsyncEnumerable<string> StreamExplanationAsync(string panelCode, IReadOnlyList<LabValue> values,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        await foreach (var chunk in kernel.InvokePromptStreamingAsync<string>(Template, Arguments(panelCode, values), cancellationToken: ct))
        {
            yield return chunk;
        }
    }
}
