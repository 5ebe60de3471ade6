using System.Runtime.CompilerServices;
using System.Text;
using DeepSynth.Compliance;
using DeepSynth.Compliance.Audit;
using DeepSynth.Compliance.Labeling;
using DeepSynth.Compliance.Review;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.AI;

namespace Tutor.Realtime;

/// <summary>
/// The homework tutor. Streams sentence by sentence: each sentence is reviewed and recorded before it is sent,
/// after the AI notice that opens every answer.
/// </summary>
[RequireRealName]
public sealed class TutorHub(IChatClient chat, IContentReviewer review, IAigcTextLabeler label, ISynthesisAuditLog audit) : Hub
{
    private static readonly char[] SentenceEnds = ['。', '！', '？', '.', '!', '?', '\n'];

    public async Task Ask(string question)
    {
        var ct = Context.ConnectionAborted;
        var input = await review.EnsureAllowedAsync(question, ReviewStage.Input, ct);

        await Clients.Caller.SendAsync("notice", label.Notice, ct);
        var buffer = new StringBuilder();
        await foreach (var update in chat.GetStreamingResponseAsync(input, cancellationToken: ct))
        {
            buffer.Append(update.Text);
            var text = buffer.ToString();
            var end = text.LastIndexOfAny(SentenceEnds);
            if (end < 0)
            {
                continue;
            }

            var sentence = text[..(end + 1)];
            buffer.Remove(0, end + 1);
            var verdict = await review.ReviewAsync(sentence, ReviewStage.Output, ct);
            if (!verdict.IsAllowed)
            {
                await Clients.Caller.SendAsync("stopped", "内容不符合规范，已停止生成。", ct);
                return;
            }

            await audit.RecordAsync(sentence, new GenerationRecord { UserId = Context.UserIdentifier }, ct);
            await Clients.Caller.SendAsync("sentence", sentence, ct);
        }

        await Clients.Caller.SendAsync("done", ct);
    }

    // The SDK's own hub example, with review and audit of the whole answer before anything is streamed.
    public async IAsyncEnumerable<string> Explain(string topic, [EnumeratorCancellation] CancellationToken ct)
    {
        var input = await review.EnsureAllowedAsync(topic, ReviewStage.Input, ct);
        var response = await chat.GetResponseAsync($"用初中生能听懂的话解释：{input}", cancellationToken: ct);
        var text = await review.EnsureAllowedAsync(response.Text, ReviewStage.Output, ct);
        await audit.RecordAsync(text, new GenerationRecord { UserId = Context.UserIdentifier, Model = response.ModelId }, ct);
        await foreach (var chunk in label.LabelStream(Lines(text), ct))
        {
            yield return chunk;
        }

        static async IAsyncEnumerable<string> Lines(string text)
        {
            foreach (var line in text.Split('\n'))
            {
                await Task.Yield();
                yield return line + "\n";
            }
        }
    }
}
