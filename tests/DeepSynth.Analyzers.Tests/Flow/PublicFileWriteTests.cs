using DeepSynth.TestSupport;

namespace DeepSynth.Analyzers.Tests.Flow;

/// <summary>
/// A generated image saved under the web root is served by the static-files middleware to anyone with its URL: the
/// write is where it is published (the URL the endpoint returns carries none of the image). Written to a temporary or
/// configured folder it is only stored; the user's own upload saved under the web root is nothing generated.
/// </summary>
public class PublicFileWriteTests
{
    private const string Usings = """
        using Microsoft.AspNetCore.Builder;
        using Microsoft.AspNetCore.Hosting;
        using Microsoft.AspNetCore.Http;
        using OpenAI.Images;

        """;

    private const string App = """
        public sealed class Studio(ImageClient images, IWebHostEnvironment env)
        {
            private readonly string _folder = Path.Combine(env.WebRootPath, "staged");

            public async Task<string> StageAsync(string prompt)
            {
                GeneratedImage image = await images.GenerateImageAsync(prompt);
                var name = Guid.NewGuid().ToString("N") + ".png";
                WRITE
                return "/staged/" + name;
            }

            public async Task<string> KeepUploadAsync(IFormFile upload)
            {
                var name = Guid.NewGuid().ToString("N") + ".png";
                await using var file = File.Create(Path.Combine(env.WebRootPath, "uploads", name));
                await upload.CopyToAsync(file);
                return "/uploads/" + name;
            }
        }
        public static class Routes
        {
            public static void Map(WebApplication app)
            {
                app.MapPost("/stage", async (string prompt, Studio s) => Results.Ok(await s.StageAsync(prompt)));
                app.MapPost("/upload", async (IFormFile f, Studio s) => Results.Ok(await s.KeepUploadAsync(f)));
            }
        }
        """;

    private const int WriteLine = 9;

    [Theory]
    [InlineData("await File.WriteAllBytesAsync(Path.Combine(env.WebRootPath, \"staged\", name), image.ImageBytes.ToArray());")]
    [InlineData("await File.WriteAllBytesAsync(Path.Combine(_folder, name), image.ImageBytes.ToArray());")]
    [InlineData("var path = $\"wwwroot/staged/{name}\"; await File.WriteAllBytesAsync(path, image.ImageBytes.ToArray());")]
    [InlineData("await using var file = File.Create(Path.Combine(_folder, name)); await file.WriteAsync(image.ImageBytes.ToMemory());")]
    [InlineData("await using var file = new FileStream(Path.Combine(_folder, name), FileMode.Create); await image.ImageBytes.ToStream().CopyToAsync(file);")]
    [InlineData("var root = env.WebRootPath ?? Path.Combine(env.ContentRootPath, \"wwwroot\"); await File.WriteAllBytesAsync(Path.Combine(root, name), image.ImageBytes.ToArray());")]
    public async Task A_generated_image_written_under_the_web_root_is_published_where_it_is_written(string write)
    {
        var findings = await FlowFindings.OfAsync(Usings, App.Replace("WRITE", write));

        Assert.Contains($"DSYN001@{WriteLine}", findings);
        Assert.Contains($"DSYN003@{WriteLine}", findings);
        Assert.DoesNotContain(findings, f => f.StartsWith("DSYN001", StringComparison.Ordinal) && !f.EndsWith($"@{WriteLine}", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("await File.WriteAllBytesAsync(Path.Combine(Path.GetTempPath(), name), image.ImageBytes.ToArray());")]
    [InlineData("await File.WriteAllBytesAsync(Path.Combine(env.ContentRootPath, \"archive\", name), image.ImageBytes.ToArray());")]
    public async Task A_generated_image_written_outside_the_web_root_is_stored_not_published(string write)
    {
        var findings = await FlowFindings.OfAsync(Usings, App.Replace("WRITE", write));

        Assert.DoesNotContain(findings, f => f.StartsWith("DSYN001", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_helper_that_saves_what_it_is_given_under_the_web_root_publishes_it_at_each_call()
    {
        var app = App.Replace("WRITE", "await SaveAsync(name, image.ImageBytes);").Replace(
            "    public async Task<string> KeepUploadAsync(IFormFile upload)",
            "    private async Task SaveAsync(string name, BinaryData data) => await File.WriteAllBytesAsync(Path.Combine(_folder, name), data.ToArray());\n\n" +
            "    public async Task<string> KeepUploadAsync(IFormFile upload)");
        var findings = await FlowFindings.OfAsync(Usings, app);

        Assert.Contains($"DSYN001@{WriteLine}", findings);
    }
    [Theory]
    [InlineData("Results.File(await File.ReadAllBytesAsync(Path.Combine(env.ContentRootPath, \"archive\", id + \".png\")), \"image/png\")")]
    [InlineData("Results.File(File.OpenRead(Path.Combine(env.ContentRootPath, \"archive\", id + \".png\")), \"image/png\")")]
    [InlineData("TypedResults.PhysicalFile(Path.Combine(env.ContentRootPath, \"archive\", id + \".png\"), \"image/png\")")]
    [InlineData("Results.File(Path.Combine(env.ContentRootPath, \"archive\", id + \".png\"), \"image/png\")")]
    public async Task A_generated_image_kept_outside_the_web_root_is_published_where_another_request_serves_it(string serve)
    {
        // The file system is one more keyed store: what is written at a computed path is what a read at a computed path
        // returns. The terms page read from a constant path is a resource of the app, and the upload a user's own file.
        var app = App.Replace("WRITE", "await File.WriteAllBytesAsync(Path.Combine(env.ContentRootPath, \"archive\", name), image.ImageBytes.ToArray());")
            .Replace("        app.MapPost(\"/upload\"",
                "        app.MapGet(\"/archive/{id}\", async (string id, IWebHostEnvironment env) => SERVE);\n" +
                "        app.MapGet(\"/terms\", async () => Results.Content(await File.ReadAllTextAsync(\"content/terms.html\"), \"text/html\"));\n" +
                "        app.MapPost(\"/upload\"")
            .Replace("SERVE", serve);
        var findings = await FlowFindings.OfAsync(Usings, app);

        Assert.Equal(new[] { "DSYN001@26", "DSYN002@26", "DSYN003@26", "DSYN005@26" }, findings.Where(f => !f.StartsWith("DSYN004", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task A_file_served_from_a_constant_path_is_a_resource_of_the_app()
    {
        var app = App.Replace("WRITE", "await File.WriteAllBytesAsync(Path.Combine(env.ContentRootPath, \"archive\", name), image.ImageBytes.ToArray());")
            .Replace("        app.MapPost(\"/upload\"",
                "        app.MapGet(\"/logo\", () => TypedResults.PhysicalFile(\"/srv/brand/logo.png\", \"image/png\"));\n" +
                "        app.MapPost(\"/upload\"");
        var findings = await FlowFindings.OfAsync(Usings, app);

        Assert.DoesNotContain(findings, f => f.StartsWith("DSYN001", StringComparison.Ordinal));
    }
}
