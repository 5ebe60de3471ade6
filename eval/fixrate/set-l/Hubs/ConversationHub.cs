using System.Runtime.CompilerServices;
using System.Threading.Channels;
using LinguaPath.Data;
using LinguaPath.Middleware;
using LinguaPath.Services;
using Microsoft.AspNetCore.SignalR;

namespace LinguaPath.Hubs;

public sealed class ConversationHub(
    ITutorChatService tutor,
    IEssayCorrectionService essays,
    TutorDbContext db,
    ILogger<ConversationHub> logger) : Hub
{
    public static string LanguageGroup(string language) => $"lang:{language.ToLowerInvariant()}";
    public static string ClassroomGroup(string classroom) => $"class:{classroom}";

    public override async Task OnConnectedAsync()
    {
        var student = await CurrentStudentAsync();
        if (student is not null)
        {
            await Groups.AddToGroupAsync(Context.ConnectionId, LanguageGroup(student.TargetLanguage));
        }

        await base.OnConnectedAsync();
    }

    public Task JoinClassroom(string classroom) =>
        Groups.AddToGroupAsync(Context.ConnectionId, ClassroomGroup(classroom));

    public Task LeaveClassroom(string classroom) =>
        Groups.RemoveFromGroupAsync(Context.ConnectionId, ClassroomGroup(classroom));

    public async Task SendMessage(string sessionId, string text)
    {
        var student = await CurrentStudentAsync() ?? throw new HubException("Unknown student.");
        var (reply, turns) = await tutor.SendAsync(sessionId, student, text, Context.ConnectionAborted);
        await Clients.Caller.SendAsync("TutorReply", new { sessionId, reply, turns });
    }

    public async IAsyncEnumerable<string> StreamReply(
        string sessionId,
        string text,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var student = await CurrentStudentAsync() ?? throw new HubException("Unknown student.");
        await foreach (var chunk in tutor.StreamAsync(sessionId, student, text, cancellationToken))
        {
            yield return chunk;
        }
    }

    public ChannelReader<string> StreamEssayFeedback(string language, string level, string essay, CancellationToken cancellationToken)
    {
        var channel = Channel.CreateUnbounded<string>();

        _ = Task.Run(async () =>
        {
            Exception? error = null;
            try
            {
                await foreach (var chunk in essays.StreamFeedbackAsync(language, level, essay, cancellationToken))
                {
                    await channel.Writer.WriteAsync(chunk, cancellationToken);
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "Essay feedback stream failed for connection {ConnectionId}", Context.ConnectionId);
                error = ex;
            }
            finally
            {
                channel.Writer.TryComplete(error);
            }
        }, cancellationToken);

        return channel.Reader;
    }

    public async Task ShareCorrection(string classroom, string language, string sentence)
    {
        var student = await CurrentStudentAsync();
        var corrected = await essays.CorrectSentenceAsync(language, sentence, Context.ConnectionAborted);

        await Clients.Group(ClassroomGroup(classroom)).SendAsync("CorrectionShared", new
        {
            from = student?.DisplayName ?? "anonymous",
            original = sentence,
            corrected,
        });
    }

    private async Task<Student?> CurrentStudentAsync()
    {
        var http = Context.GetHttpContext();
        var id = http is null ? null : StudentContextMiddleware.GetStudentId(http);
        return id is null ? null : await db.Students.FindAsync(id.Value);
    }
}
