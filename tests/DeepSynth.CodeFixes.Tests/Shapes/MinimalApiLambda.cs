// kind: program
using Microsoft.Extensions.AI;
using OpenAI.Images;

var builder = WebApplication.CreateBuilder(args);
var app = builder.Build();

app.MapPost("/chat", async (ChatPrompt prompt, IChatClient chat) =>
{
    var response = await chat.GetResponseAsync(prompt.Text);
    return Results.Ok(new { answer = response.Text });
});

app.MapGet("/joke", async (IChatClient chat) => TypedResults.Text((await chat.GetResponseAsync("Tell a joke")).Text));

app.MapPost("/image", async (ChatPrompt prompt, ImageClient images, CancellationToken cancellationToken) =>
{
    GeneratedImage image = await images.GenerateImageAsync(prompt.Text, cancellationToken: cancellationToken);
    return Results.File(image.ImageBytes.ToArray(), "image/png");
});

app.Run();

public sealed record ChatPrompt(string Text);
