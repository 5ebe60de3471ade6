using Microsoft.Extensions.AI;
using StudyBuddy.Models;

namespace StudyBuddy.Services;

public sealed class QuizGenerator(IChatClient chat)
{
    public async Task<Quiz> CreateQuizAsync(QuizRequest request, CancellationToken ct = default)
    {
        var prompt = $"""
            Write a {request.Difficulty} multiple-choice quiz on "{request.Topic}" with exactly {request.QuestionCount} questions.
            Each question has four choices, the zero-based index of the correct choice and a one-sentence explanation.
            """;

        var response = await chat.GetResponseAsync<Quiz>(prompt, cancellationToken: ct);
        var generated = response.Result;

        var questions = new List<QuizQuestion>();
        foreach (var question in generated.Questions.Take(request.QuestionCount))
        {
            if (question.Choices.Count < 2) continue;

            questions.Add(question with { CorrectIndex = Math.Clamp(question.CorrectIndex, 0, question.Choices.Count - 1) });
        }

        return new Quiz(request.Topic, questions);
    }

    public async Task<string> ExplainAnswerAsync(string question, string chosenAnswer, CancellationToken ct = default)
    {
        var response = await chat.GetResponseAsync(
            [
                new ChatMessage(ChatRole.System, "You check quiz answers for students. Be kind and brief."),
                new ChatMessage(ChatRole.User, $"Question: {question}\nMy answer: {chosenAnswer}\nIs it right, and why?"),
            ],
            cancellationToken: ct);

        return response.Text;
    }
}
