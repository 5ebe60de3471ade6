// kind: program
using OpenAI.Images;

var app = WebApplication.CreateBuilder(args).Build();
app.UseStaticFiles();
app.MapPost("/staged", async (string prompt, ImageClient images, IWebHostEnvironment env, CancellationToken cancellationToken) =>
{
    GeneratedImage image = await images.GenerateImageAsync(prompt, cancellationToken: cancellationToken);
    var name = Guid.NewGuid().ToString("N") + ".png";
    await File.WriteAllBytesAsync(Path.Combine(env.WebRootPath, "staged", name), image.ImageBytes.ToArray(), cancellationToken);
    return Results.Ok(new { url = "/staged/" + name });
});
app.Run();
