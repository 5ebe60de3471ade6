using DeepSynth.Build.Tests.Consumers;

namespace DeepSynth.Build.Tests;

/// <summary>The severity presets end to end: a consumer of the packed package picks one with -p:DeepSynthPreset.</summary>
public class PresetTests
{
    private const string Code = """
        public class Bot
        {
            [DeepSynth.Compliance.GeneratedContentSource] public string Generate() => "text";
            [DeepSynth.Compliance.ContentPublisher] public void Post(string text) { }

            public void Run() => Post(Generate());
        }
        """;

    [Fact]
    public async Task Strict_makes_findings_errors_and_an_unknown_preset_is_an_error()
    {
        var solution = await ConsumerSolution.CreateAsync("preset");
        await solution.AddProjectAsync("Consumer", new Dictionary<string, string> { ["Bot.cs"] = Code });
        const string project = "Consumer/Consumer.csproj";

        var strict = await solution.BuildAsync(project, ci: false, "-p:DeepSynthPreset=Strict");
        Assert.NotEqual(0, strict.ExitCode);
        Assert.Contains("Bot.cs(6,26): error DSYN001", strict.Output);

        var unknown = await solution.BuildAsync(project, ci: false, "-p:DeepSynthPreset=loud");
        Assert.NotEqual(0, unknown.ExitCode);
        Assert.Contains("error DSYN951: DeepSynthPreset is 'loud'; use none, default or strict.", unknown.Output);
        Assert.Contains("DeepSynthPreset 的值 'loud' 无效，可用值：none、default、strict。", unknown.Output);
    }
}
