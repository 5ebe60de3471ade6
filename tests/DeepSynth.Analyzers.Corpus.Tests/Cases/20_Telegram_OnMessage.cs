// kind: program
// A small bot in a console app, using the OnMessage event. Compliance services come from the host.
using DeepSynth.Compliance;
using DeepSynth.Compliance.Audit;
using DeepSynth.Compliance.Imaging;
using DeepSynth.Compliance.Labeling;
using DeepSynth.Compliance.RealName;
using DeepSynth.Compliance.Review;
using Microsoft.Extensions.AI;
using OpenAI;
using OpenAI.Images;
using ImageGenerationOptions = OpenAI.Images.ImageGenerationOptions;
using Telegram.Bot;
using Telegram.Bot.Types;

var host = Host.CreateApplicationBuilder(args);
host.Services.AddDeepSynthCompliance(o => host.Configuration.GetSection("DeepSynth").Bind(o));
var openAi = new OpenAIClient(host.Configuration["OpenAI:ApiKey"]!);
var services = host.Build().Services;

IChatClient chat = openAi.GetChatClient("gpt-4o-mini").AsIChatClient();
ImageClient images = openAi.GetImageClient("gpt-image-1");
var reviewer = services.GetRequiredService<IContentReviewer>();
var labeler = services.GetRequiredService<IAigcTextLabeler>();
var imageLabeler = services.GetRequiredService<IVisibleImageLabeler>();
var audit = services.GetRequiredService<ISynthesisAuditLog>();

using var cts = new CancellationTokenSource();
var bot = new TelegramBotClient(host.Configuration["Telegram:Token"]!, cancellationToken: cts.Token);

bot.OnMessage += async (message, type) =>
{
    if (message.Text is not { } text || message.From is null)
    {
        return;
    }

    using var scope = services.CreateScope();
    var gate = scope.ServiceProvider.GetRequiredService<IRealNameGate>();
    if (!await gate.IsVerifiedAsync(message.From.Id.ToString()))
    {
        await bot.SendMessage(message.Chat, "请先在小程序中完成实名认证。");
        return;
    }

    if (text.StartsWith("/draw ", StringComparison.Ordinal))
    {
        var prompt = await reviewer.EnsureAllowedAsync(text[6..], ReviewStage.Input);
        GeneratedImage image = await images.GenerateImageAsync(prompt, new ImageGenerationOptions { ResponseFormat = GeneratedImageFormat.Bytes });
        var png = imageLabeler.Label(image.ImageBytes.ToArray());
        await audit.RecordAsync(png, new GenerationRecord { Kind = GeneratedMediaKind.Image, UserId = message.From.Id.ToString() });
        await bot.SendPhoto(message.Chat, InputFile.FromStream(new MemoryStream(png), "drawing.png"), caption: labeler.Notice); // expect: DSYN003
        return;
    }

    var question = await reviewer.EnsureAllowedAsync(text, ReviewStage.Input);
    var response = await chat.GetResponseAsync(question);
    var answer = await reviewer.EnsureAllowedAsync(response.Text, ReviewStage.Output);
    await audit.RecordAsync(answer, new GenerationRecord { UserId = message.From.Id.ToString(), Model = response.ModelId });
    await bot.SendMessage(message.Chat, labeler.Label(answer));
};

Console.WriteLine("Bot running. Press Enter to stop.");
Console.ReadLine();
cts.Cancel();
