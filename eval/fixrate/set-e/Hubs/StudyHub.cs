using System.Runtime.CompilerServices;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.AI;

namespace StudyBuddy.Hubs;

public class StudyHub(IChatClient chat) : Hub
{
    public Task JoinStudyGroup(string studyGroup) => Groups.AddToGroupAsync(Context.ConnectionId, studyGroup);

    public Task FollowSubject(string subject) => Groups.AddToGroupAsync(Context.ConnectionId, subject);

    public async Task AskTutor(string question, string subject)
    {
        var response = await chat.GetResponseAsync(
            $"Subject: {subject}. Help the student with this question, step by step: {question}",
            cancellationToken: Context.ConnectionAborted);

        await Clients.Caller.SendAsync("tutorAnswer", new { subject, answer = response.Text });
    }

    public async Task StreamExplanation(string topic)
    {
        var ct = Context.ConnectionAborted;
        await foreach (var update in chat.GetStreamingResponseAsync(
                           $"Explain {topic} to a high-school student in under 200 words.", cancellationToken: ct))
        {
            if (!string.IsNullOrEmpty(update.Text))
                await Clients.Caller.SendAsync("explanationChunk", update.Text, ct);
        }

        await Clients.Caller.SendAsync("explanationDone", ct);
    }

    // Someone in a study group asks and everyone in the group sees the worked answer.
    public async Task AskForGroup(string studyGroup, string question)
    {
        var response = await chat.GetResponseAsync(question);
        var displayName = Context.User?.Identity?.Name ?? "A classmate";

        await Clients.Group(studyGroup).SendAsync("groupAnswer", displayName, question, response.Text);
    }

    // Streamed to the client one question at a time (connection.stream("QuizMe", ...)).
    public async IAsyncEnumerable<string> QuizMe(string topic, int count, [EnumeratorCancellation] CancellationToken ct)
    {
        for (var i = 1; i <= Math.Clamp(count, 1, 10); i++)
        {
            var response = await chat.GetResponseAsync(
                $"Ask quick-fire question number {i} about {topic}. Only the question, no answer.",
                cancellationToken: ct);
            yield return $"Q{i}: {response.Text}";
        }
    }
}
