using Microsoft.CodeAnalysis.Testing;
using Verifier = DeepSynth.TestSupport.AnalyzerVerifier<DeepSynth.Analyzers.ContentFlowAnalyzer>;

namespace DeepSynth.Analyzers.Tests.Flow;

/// <summary>Bots: incoming messages are user input, send methods publish (Telegram.Bot, the real package).</summary>
public class BotFlowTests
{
    private static Task Verify(string code, params DiagnosticResult[] expected) =>
        Verifier.VerifyAsync("""
            using Telegram.Bot;
            using Telegram.Bot.Polling;
            using Telegram.Bot.Types;

            """ + code + TestSteps.Source, expected);

    [Fact]
    public async Task Update_handler_answers_with_generated_text()
    {
        await Verify("""
            public class BotHandler(IChatClient chat) : IUpdateHandler
            {
                public async Task HandleUpdateAsync(ITelegramBotClient bot, Update update, CancellationToken cancellationToken)
                {
                    if (update.Message is not { Text: { } text } message) return;
                    var response = await {|DSYN004:chat.GetResponseAsync(text, cancellationToken: cancellationToken)|};
                    await {|DSYN001:{|DSYN002:{|DSYN003:{|DSYN005:bot.SendMessage(message.Chat, response.Text, cancellationToken: cancellationToken)|}|}|}|};
                }

                public Task HandleErrorAsync(ITelegramBotClient bot, Exception exception, HandleErrorSource source, CancellationToken cancellationToken) => Task.CompletedTask;
            }
            """);
    }

    [Fact]
    public async Task Message_event_handler_is_an_entry_point()
    {
        await Verify("""
            public class BotHost(IChatClient chat)
            {
                public void Start(TelegramBotClient bot)
                {
                    bot.OnMessage += async (message, type) =>
                    {
                        Steps.EnsureAllowed(message.Text!);
                        var response = await chat.GetResponseAsync(message.Text!);
                        Steps.EnsureAllowed(response.Text);
                        Steps.Record(response.Text);
                        await {|DSYN002:bot.SendMessage(message.Chat, Steps.Label(response.Text))|};
                    };
                }
            }
            """);
    }
}
