using DeepSynth.TestSupport;

namespace DeepSynth.Analyzers.Tests.Flow;

/// <summary>
/// A service that returns null when there is nothing to generate and an object otherwise: the caller's members of that
/// object keep their own content (its id, slug and model name are not the generated image), and the generated member
/// is still content.
/// </summary>
public class NullableResultMemberTests
{
    private const string Usings = """
        using Microsoft.AspNetCore.Builder;
        using Microsoft.AspNetCore.Http;
        using Microsoft.Extensions.AI;

        """;

    private const string Source = """
        public sealed record Draft(Guid Id, string Slug, string Text, string Model);
        public sealed class Drafter(IChatClient chat)
        {
            public async Task<Draft?> DraftAsync(string slug)
            {
                if (slug.Length == 0)
                    return null;

                var response = await chat.GetResponseAsync("Describe " + slug);
                return new Draft(Guid.NewGuid(), slug, response.Text, response.ModelId ?? "");
            }
        }
        public static class Routes
        {
            public static void Map(WebApplication app)
            {
                app.MapPost("/drafts/{slug}", async (string slug, Drafter drafter) =>
                {
                    var draft = await drafter.DraftAsync(slug);
                    if (draft is null)
                        return Results.NotFound();

                    return PUBLISH;
                });
            }
        }
        """;

    [Fact]
    public async Task Publishing_the_ids_of_an_object_that_may_be_null_publishes_nothing_generated()
    {
        var findings = await FlowFindings.OfAsync(Usings, Source.Replace("PUBLISH", "Results.Created($\"/drafts/{draft.Id}\", new { draft.Id, draft.Slug, draft.Model })"));

        Assert.DoesNotContain(findings, f => f.StartsWith("DSYN001", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Publishing_its_generated_member_is_still_a_flow()
    {
        var findings = await FlowFindings.OfAsync(Usings, Source.Replace("PUBLISH", "Results.Ok(new { draft.Id, draft.Text })"));

        Assert.Contains("DSYN001@23", findings);
    }

    private const string TupleSource = """
        public sealed class Poems(IChatClient chat)
        {
            public async Task<(string Text, string Model)?> WriteAsync(string topic)
            {
                if (topic.Length == 0)
                    return null;

                var response = await chat.GetResponseAsync("A poem about " + topic);
                return (response.Text, "poet-1");
            }
        }
        public static class PoemRoutes
        {
            public static void Map(WebApplication app)
            {
                app.MapPost("/poems/{topic}", async (string topic, Poems poems) =>
                {
                    var poem = await poems.WriteAsync(topic);
                    return poem is null ? Results.NotFound() : PUBLISH;
                });
            }
        }
        """;

    [Fact]
    public async Task A_nullable_tuples_Value_is_the_tuple_with_its_elements()
    {
        // poem.Value.Text is the generated text (line 19); poem.Value.Model is a constant.
        var text = await FlowFindings.OfAsync(Usings, TupleSource.Replace("PUBLISH", "Results.Ok(poem.Value.Text)"));
        var model = await FlowFindings.OfAsync(Usings, TupleSource.Replace("PUBLISH", "Results.Ok(poem.Value.Model)"));

        Assert.Equal(new[] { "DSYN001@19", "DSYN002@19", "DSYN003@19", "DSYN004@18", "DSYN005@19" }, text);
        Assert.DoesNotContain(model, f => f.EndsWith("@19", StringComparison.Ordinal));
    }
}
