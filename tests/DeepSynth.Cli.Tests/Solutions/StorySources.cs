namespace DeepSynth.Cli.Tests.Solutions;

/// <summary>
/// The code of the test solutions: a service library that generates stories with Microsoft.Extensions.AI, and web apps
/// that publish them. Line numbers matter to the tests that check locations.
/// </summary>
public static class StorySources
{
    /// <summary>
    /// A class library that publishes generated content without label, review or audit record, with its own copies of the
    /// annotations (no package needed): three findings, no project duties.
    /// </summary>
    public const string AnnotatedBot = """
        namespace DeepSynth.Compliance
        {
            [System.AttributeUsage(System.AttributeTargets.Method)] internal sealed class GeneratedContentSourceAttribute : System.Attribute { }
            [System.AttributeUsage(System.AttributeTargets.Method)] internal sealed class ContentPublisherAttribute : System.Attribute { }
        }

        public class Bot
        {
            [DeepSynth.Compliance.GeneratedContentSource] public string Generate() => "text";
            [DeepSynth.Compliance.ContentPublisher] public void Post(string text) { }

            public void Run() => Post(Generate());
        }
        """;

    /// <summary>Generates a story and returns it as is: whoever publishes it must label, review, audit and verify identity.</summary>
    public const string StoryWriter = """
        using Microsoft.Extensions.AI;

        namespace Generation;

        public class StoryWriter(IChatClient chat)
        {
            public async Task<string> WriteAsync(string topic)
            {
                var response = await chat.GetResponseAsync(topic);
                return response.Text;
            }
        }
        """;

    /// <summary>Reviews the topic and the story, records the generation and labels the story before returning it.</summary>
    public const string SafeStoryWriter = """
        using DeepSynth.Compliance;
        using Microsoft.Extensions.AI;

        namespace Generation;

        public static class Safety
        {
            [ContentReviewer] public static string Review(string text) => text;
            [AigcLabeler] public static string Label(string text) => "[AI生成] " + text;
            [SynthesisAuditor] public static void Record(string text) { }
        }

        public class SafeStoryWriter(IChatClient chat)
        {
            public async Task<string> WriteAsync(string topic)
            {
                var response = await chat.GetResponseAsync(Safety.Review(topic));
                var story = Safety.Review(response.Text);
                Safety.Record(story);
                return Safety.Label(story);
            }
        }
        """;

    /// <summary>The library's own copies of the DeepSynth annotations (matched by full name), so it needs no SDK package.</summary>
    public const string Annotations = """
        namespace DeepSynth.Compliance;

        [AttributeUsage(AttributeTargets.Method)] public sealed class AigcLabelerAttribute : Attribute { }
        [AttributeUsage(AttributeTargets.Method)] public sealed class ContentReviewerAttribute : Attribute { }
        [AttributeUsage(AttributeTargets.Method)] public sealed class SynthesisAuditorAttribute : Attribute { }
        [AttributeUsage(AttributeTargets.Method | AttributeTargets.Class)] public sealed class RequireRealNameAttribute : Attribute { }
        """;

    /// <summary>Publishes the library's story as is (line 4: the publish point), and echoes the user's own text (line 5).</summary>
    public const string UnsafeEndpoint = """
        using Generation;

        var app = WebApplication.CreateBuilder(args).Build();
        app.MapPost("/story", async (StoryRequest request, StoryWriter writer) => Results.Ok(await writer.WriteAsync(request.Topic)));
        app.MapGet("/echo", (string text) => Results.Ok(text));
        app.Run();

        public record StoryRequest(string Topic);
        """;

    /// <summary>Requires real-name verification and publishes the library's compliant story.</summary>
    public const string SafeEndpoint = """
        using DeepSynth.Compliance;
        using Generation;

        var app = WebApplication.CreateBuilder(args).Build();
        app.MapPost("/story", [RequireRealName] async (StoryRequest request, SafeStoryWriter writer) => Results.Ok(await writer.WriteAsync(request.Topic)));
        app.Run();

        public record StoryRequest(string Topic);
        """;

    /// <summary>Publishes the library's story too, but also uses a type from a package that does not exist (it cannot be restored).</summary>
    public const string EndpointWithMissingPackage = """
        using Generation;

        var app = WebApplication.CreateBuilder(args).Build();
        app.MapGet("/tale", async (string topic, StoryWriter writer) => Results.Ok(await writer.WriteAsync(topic)));
        app.Run();

        public static class Extras
        {
            public static NoSuchPackage.Widget Make() => new NoSuchPackage.Widget();
        }
        """;

    public const string MissingPackage = """<PackageReference Include="DeepSynth.Tests.NoSuchPackage" Version="1.0.0" />""";
}
