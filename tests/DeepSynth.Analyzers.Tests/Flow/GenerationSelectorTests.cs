using DeepSynth.TestSupport;

namespace DeepSynth.Analyzers.Tests.Flow;

/// <summary>
/// A user's choice of voice or image size (an AI SDK's value type: <c>GeneratedSpeechVoice</c>, <c>GeneratedImageSize</c>)
/// chooses how content is made and is no input to review; the text to speak or the prompt is.
/// </summary>
public class GenerationSelectorTests
{
    private const string Usings = """
        using Microsoft.AspNetCore.Builder;
        using Microsoft.AspNetCore.Http;
        using OpenAI.Audio;

        """;

    private const string App = """
        public static class Routes
        {
            public static void Map(WebApplication app) => app.MapGet("/speak", async (string text, string voice, AudioClient audio) =>
            {
                var speech = await audio.GenerateSpeechAsync(SPOKEN, new GeneratedSpeechVoice(voice));
                return Results.File(speech.Value.ToArray(), "audio/mpeg");
            });
        }
        """;

    [Fact]
    public async Task A_voice_the_user_chose_is_no_input_to_review()
    {
        var findings = await FlowFindings.OfAsync(Usings, App.Replace("SPOKEN", "\"Welcome to the tour.\""));

        Assert.DoesNotContain(findings, f => f.StartsWith("DSYN004", StringComparison.Ordinal));
        Assert.Contains("DSYN001@6", findings);
    }

    [Fact]
    public async Task The_text_the_user_gave_to_speak_is_input()
    {
        var findings = await FlowFindings.OfAsync(Usings, App.Replace("SPOKEN", "text"));

        Assert.Contains(findings, f => f.StartsWith("DSYN004", StringComparison.Ordinal));
    }
}
