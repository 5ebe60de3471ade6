namespace DeepSynth.Analyzers.Tests.Flow;

/// <summary>
/// Object storage is a keyed store (the real Azure.Storage.Blobs and AWSSDK.S3): generated media uploaded under a name
/// is what a download by any name returns, so the proxy route that serves stored files publishes it. Which client wrote
/// it does not matter (a container's <c>UploadBlobAsync</c>, a blob client's <c>UploadAsync</c>); a blob's name is not
/// content; an app that stores only what its users upload serves nothing generated. Handing the download to the response
/// to dispose writes nothing.
/// </summary>
public class ObjectStoreTests
{
    private const string Usings = "using Azure.Storage.Blobs;\nusing Amazon.S3;\nusing Amazon.S3.Model;\nusing OpenAI.Images;\n" +
        "using Microsoft.AspNetCore.Http;\nusing Microsoft.AspNetCore.Mvc;\nusing Microsoft.Extensions.AI;\n";

    // Not the verifier: its concurrent copies share one object store, so each copy's finding names the others' uploads.
    private static async Task Verify(string markup)
    {
        var (expected, actual) = await FlowFindings.OfMarkupAsync(Usings, markup);
        Assert.Equal(expected, actual);
    }

    [Fact]
    public async Task A_generated_image_uploaded_to_blob_storage_is_published_by_the_route_that_downloads_blobs()
    {
        await Verify("""
            public sealed record SceneRequest(string Scene);

            public class MediaController(ImageClient images, BlobContainerClient container) : ControllerBase
            {
                [HttpPost("/scenes")]
                public async Task<IActionResult> Render([FromBody] SceneRequest request)
                {
                    Steps.EnsureAllowed(request.Scene);
                    var image = await images.GenerateImageAsync(request.Scene);
                    var name = $"scenes/{Guid.NewGuid():N}.png";
                    await container.GetBlobClient(name).UploadAsync(image.Value.ImageBytes, overwrite: true);
                    return Ok(new { name });
                }

                [HttpGet("/media/{*name}")]
                public async Task<IActionResult> Serve(string name)
                {
                    var blob = container.GetBlobClient(name);
                    var downloaded = await blob.DownloadContentAsync();
                    return {|DSYN001:{|DSYN002:{|DSYN003:{|DSYN005:File(downloaded.Value.Content.ToArray(), downloaded.Value.Details.ContentType)|}|}|}|};
                }
            }
            """);
    }

    [Fact]
    public async Task Text_a_container_uploads_is_what_a_blob_client_of_it_reads_back()
    {
        await Verify("""
            public sealed class ScriptArchive(IChatClient chat, BlobContainerClient container)
            {
                public async Task ArchiveAsync(string topic)
                {
                    var script = await chat.GetResponseAsync("Write a livestream script about " + topic);
                    await container.UploadBlobAsync($"scripts/{topic}.txt", BinaryData.FromString(script.Text));
                }
            }

            public class ScriptsController(BlobContainerClient container) : ControllerBase
            {
                [HttpGet("/scripts/{topic}")]
                public async Task<IActionResult> Get(string topic)
                {
                    var result = await container.GetBlobClient($"scripts/{topic}.txt").DownloadContentAsync();
                    return {|DSYN001:{|DSYN002:{|DSYN003:{|DSYN005:Ok(result.Value.Content.ToString())|}|}|}|};
                }

                [HttpGet("/scripts/{topic}/url")]
                public IActionResult Url(string topic) => Ok(container.GetBlobClient($"scripts/{topic}.txt").Name);
            }
            """);
    }

    [Fact]
    public async Task Speech_put_into_S3_is_published_by_the_route_that_streams_objects()
    {
        await Verify("""
            public sealed record ReadAloudRequest(string Passage);

            public class ReadAloudController(OpenAI.Audio.AudioClient speech, IAmazonS3 s3) : ControllerBase
            {
                [HttpPost("/read-aloud")]
                public async Task<IActionResult> Create([FromBody] ReadAloudRequest request)
                {
                    Steps.EnsureAllowed(request.Passage);
                    var audio = await speech.GenerateSpeechAsync(request.Passage, OpenAI.Audio.GeneratedSpeechVoice.Alloy);
                    var key = $"read-aloud/{Guid.NewGuid():N}.mp3";
                    await s3.PutObjectAsync(new PutObjectRequest { BucketName = "media", Key = key, InputStream = audio.Value.ToStream(), ContentType = "audio/mpeg" });
                    return Ok(new { key });
                }

                [HttpGet("/read-aloud/{*key}")]
                public async Task<IActionResult> Get(string key)
                {
                    var response = await s3.GetObjectAsync("media", key);
                    Response.RegisterForDispose(response); // the response disposes it; nothing is written here
                    return {|DSYN001:{|DSYN002:{|DSYN003:{|DSYN005:File(response.ResponseStream, response.Headers.ContentType)|}|}|}|};
                }
            }
            """);
    }

    [Fact]
    public async Task An_app_that_stores_only_its_users_uploads_serves_nothing_generated()
    {
        // The generated caption is returned (and reported) where it is made; only the user's own photo is stored.
        await Verify("""
            public class PhotosController(IChatClient chat, BlobContainerClient container, IAmazonS3 s3) : ControllerBase
            {
                [HttpPost("/photos")]
                public async Task<IActionResult> Upload(IFormFile photo)
                {
                    var name = $"photos/{Guid.NewGuid():N}";
                    await using var stream = photo.OpenReadStream();
                    await container.UploadBlobAsync(name, stream);
                    await s3.PutObjectAsync(new PutObjectRequest { BucketName = "photos", Key = name, InputStream = photo.OpenReadStream() });
                    var caption = await chat.GetResponseAsync("Suggest a caption for a photo named " + name);
                    return {|DSYN001:{|DSYN002:{|DSYN003:{|DSYN005:Ok(new { name, caption = caption.Text })|}|}|}|};
                }

                [HttpGet("/photos/{*name}")]
                public async Task<IActionResult> Get(string name)
                {
                    var downloaded = await container.GetBlobClient(name).DownloadContentAsync();
                    return File(downloaded.Value.Content.ToArray(), "image/jpeg");
                }

                [HttpGet("/archive/{*name}")]
                public async Task<IActionResult> Archive(string name)
                {
                    var response = await s3.GetObjectAsync("photos", name);
                    return File(response.ResponseStream, "image/jpeg");
                }
            }
            """);
    }
}
