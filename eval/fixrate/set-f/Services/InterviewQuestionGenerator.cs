using Microsoft.SemanticKernel;
using TalentDesk.Models;

namespace TalentDesk.Services;

public class InterviewQuestionGenerator(Kernel kernel)
{
    private const string Prompt = """
        You are preparing a {{$stage}} interview for the role {{$role}}.
        Write {{$count}} interview questions{{$focus}}.
        Output one question per line in the form CATEGORY | QUESTION.
        """;

    public async Task<List<InterviewQuestion>> GenerateAsync(InterviewQuestionsRequest request, CancellationToken ct)
    {
        var arguments = new KernelArguments
        {
            ["stage"] = request.Stage,
            ["role"] = request.Role,
            ["count"] = Math.Clamp(request.Count, 1, 15).ToString(),
            ["focus"] = string.IsNullOrWhiteSpace(request.Focus) ? "" : $" focusing on {request.Focus}",
        };

        var result = await kernel.InvokePromptAsync(Prompt, arguments, cancellationToken: ct);
        var questions = new List<InterviewQuestion>();
        var number = 1;
        foreach (var line in (result.GetValue<string>() ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            var parts = line.Split('|', 2, StringSplitOptions.TrimEntries);
            questions.Add(parts.Length == 2
                ? new InterviewQuestion(number++, parts[1], parts[0])
                : new InterviewQuestion(number++, line.Trim(), "general"));
        }
        return questions;
    }

    public async IAsyncEnumerable<string> StreamFollowUpsAsync(string question, string answer)
    {
        var arguments = new KernelArguments { ["question"] = question, ["answer"] = answer };
        await foreach (var chunk in kernel.InvokePromptStreamingAsync<string>(
            "The candidate was asked: {{$question}}\nThey answered: {{$answer}}\nSuggest three follow-up questions.", arguments))
        {
            yield return chunk;
        }
    }
}
