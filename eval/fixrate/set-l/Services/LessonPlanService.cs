using System.ComponentModel;
using Microsoft.SemanticKernel;
using Microsoft.SemanticKernel.ChatCompletion;
using Microsoft.SemanticKernel.Connectors.OpenAI;

namespace LinguaPath.Services;

public interface ILessonPlanService
{
    Task<(string Title, string Content)> DraftAsync(string topic, string level, int minutes, string? notes, CancellationToken ct = default);
    Task<string> ReviseAsync(string currentPlan, string instruction, CancellationToken ct = default);
}

public sealed class CurriculumPlugin
{
    private static readonly Dictionary<string, string> LevelDescriptors = new(StringComparer.OrdinalIgnoreCase)
    {
        ["A1"] = "Can understand and use familiar everyday expressions and very basic phrases.",
        ["A2"] = "Can communicate in simple and routine tasks on familiar topics.",
        ["B1"] = "Can deal with most situations while travelling and describe experiences and events.",
        ["B2"] = "Can interact with a degree of fluency and produce clear, detailed text on a wide range of subjects.",
        ["C1"] = "Can express ideas fluently and spontaneously and use language flexibly for social and professional purposes.",
    };

    [KernelFunction("describe_level")]
    [Description("Returns the CEFR can-do descriptor for a level such as A2 or B1.")]
    public string DescribeLevel([Description("CEFR level code")] string level) =>
        LevelDescriptors.TryGetValue(level, out var text) ? text : "Unknown level; assume intermediate learners.";

    [KernelFunction("activity_timing")]
    [Description("Splits a lesson duration into warm-up, presentation, practice and wrap-up minutes.")]
    public string ActivityTiming([Description("Total lesson length in minutes")] int minutes)
    {
        var warmUp = Math.Max(5, minutes / 10);
        var wrapUp = Math.Max(5, minutes / 10);
        var presentation = (minutes - warmUp - wrapUp) / 3;
        var practice = minutes - warmUp - wrapUp - presentation;
        return $"warm-up {warmUp} min, presentation {presentation} min, practice {practice} min, wrap-up {wrapUp} min";
    }
}

public sealed class LessonPlanService(Kernel kernel, ILogger<LessonPlanService> logger) : ILessonPlanService
{
    private const string DraftPrompt = """
        You are an experienced language teacher writing a lesson plan for colleagues.
        Topic: {{$topic}}
        CEFR level: {{$level}}
        Length: {{$minutes}} minutes
        Teacher notes: {{$notes}}

        Use the curriculum tools to look up the level descriptor and the timing split.
        Start with a single line "Title: ..." and then write the plan in Markdown with
        sections for objectives, materials, timed activities, homework and assessment.
        """;

    public async Task<(string Title, string Content)> DraftAsync(string topic, string level, int minutes, string? notes, CancellationToken ct = default)
    {
        var settings = new OpenAIPromptExecutionSettings
        {
            Temperature = 0.5,
            MaxTokens = 1500,
            FunctionChoiceBehavior = FunctionChoiceBehavior.Auto(),
        };

        var arguments = new KernelArguments(settings)
        {
            ["topic"] = topic,
            ["level"] = level,
            ["minutes"] = minutes.ToString(),
            ["notes"] = string.IsNullOrWhiteSpace(notes) ? "none" : notes,
        };

        FunctionResult result = await kernel.InvokePromptAsync(DraftPrompt, arguments, cancellationToken: ct);
        var text = result.GetValue<string>() ?? string.Empty;

        var lines = text.Split('\n', 2);
        var title = lines[0].StartsWith("Title:", StringComparison.OrdinalIgnoreCase)
            ? lines[0]["Title:".Length..].Trim()
            : $"{topic} ({level})";
        var content = lines.Length > 1 && lines[0].StartsWith("Title:", StringComparison.OrdinalIgnoreCase) ? lines[1].Trim() : text;

        logger.LogInformation("Drafted lesson plan '{Title}' ({Length} chars)", title, content.Length);
        return (title, content);
    }

    public async Task<string> ReviseAsync(string currentPlan, string instruction, CancellationToken ct = default)
    {
        var chat = kernel.GetRequiredService<IChatCompletionService>();

        var history = new ChatHistory("You edit lesson plans. Return the complete revised plan in Markdown, nothing else.");
        history.AddUserMessage($"Current plan:\n\n{currentPlan}");
        history.AddUserMessage($"Please revise it: {instruction}");

        var reply = await chat.GetChatMessageContentAsync(
            history,
            new OpenAIPromptExecutionSettings { Temperature = 0.3, MaxTokens = 1500 },
            kernel,
            ct);

        return reply.Content ?? currentPlan;
    }
}
