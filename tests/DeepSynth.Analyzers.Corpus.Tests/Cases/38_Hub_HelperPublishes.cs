using DeepSynth.Compliance;
using DeepSynth.Compliance.Review;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.AI;

namespace Support.Live;

/// <summary>Live support: a hub whose methods delegate the sending to private helpers.</summary>
public class SupportHub(IChatClient chat, IContentReviewer reviewer) : Hub
{
    public async Task Ask(string question)
    {
        var input = await reviewer.EnsureAllowedAsync(question, ReviewStage.Input, Context.ConnectionAborted);
        var updates = chat.GetStreamingResponseAsync(input, cancellationToken: Context.ConnectionAborted);
        await StreamToCallerAsync(updates); // expect: DSYN001, DSYN002, DSYN003, DSYN005
    }

    public async Task SuggestReply(string customerMessage)
    {
        var draft = await DraftAsync(customerMessage); // expect: DSYN004
        await SendDraftAsync(draft); // expect: DSYN001, DSYN002, DSYN003, DSYN005
    }

    private async Task StreamToCallerAsync(IAsyncEnumerable<ChatResponseUpdate> updates)
    {
        await foreach (var update in updates)
        {
            await Clients.Caller.SendAsync("token", update.Text);
        }

        await Clients.Caller.SendAsync("end");
    }

    private async Task<string> DraftAsync(string customerMessage)
    {
        var response = await chat.GetResponseAsync($"Draft a polite reply to: {customerMessage}");
        return response.Text;
    }

    private Task SendDraftAsync(string draft) => Clients.Caller.SendAsync("draft", draft);
}
