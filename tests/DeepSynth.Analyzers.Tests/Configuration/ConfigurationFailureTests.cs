using Microsoft.CodeAnalysis.Text;
using static DeepSynth.Analyzers.Tests.Configuration.ConfigurationHarness;

namespace DeepSynth.Analyzers.Tests.Configuration;

/// <summary>
/// Every way deepsynth.json can be wrong (see <see cref="ConfigurationCases"/>) gives exactly one DSYN9xx, located at the
/// offending token of deepsynth.json, and never an analyzer exception.
/// </summary>
public class ConfigurationFailureTests
{
    public static TheoryData<string> Cases() => new(ConfigurationCases.All.Keys.OrderBy(k => k, StringComparer.Ordinal));

    [Fact]
    public async Task The_valid_manifest_every_case_breaks_gives_no_configuration_diagnostic() =>
        Assert.Empty(await ConfigurationDiagnosticsAsync(ValidManifest));

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Each_mistake_is_one_located_diagnostic(string name)
    {
        var @case = ConfigurationCases.All[name];

        var diagnostics = await ConfigurationDiagnosticsAsync(@case.Json);

        AssertSingle(diagnostics, @case.Id, ManifestPath, SourceText.From(@case.Json), @case.Span);
    }

    [Fact]
    public async Task Comments_and_a_byte_order_mark_are_accepted() =>
        Assert.Empty(await ConfigurationDiagnosticsAsync("\uFEFF// ACME\n" + ValidManifest.Replace("\"roles\"", "/* who we are */ \"roles\"")));

    [Fact]
    public async Task Misspelt_keys_get_the_key_they_were_probably_meant_to_be()
    {
        var json = ValidManifest.Replace("\"catalogue\"", "\"catalog\"").Replace("\"feedbackDays\"", "\"feedbackDay\"").Replace("\"member\": \"MyCompany.Llm.Gateway.Paint\"", "\"Member\": \"MyCompany.Llm.Gateway.Paint\"");

        var messages = (await ConfigurationDiagnosticsAsync(json)).Select(d => d.GetMessage()).ToList();

        Assert.Equal(
            new[]
            {
                "Invalid deepsynth.json entry: unknown key 'complaints.feedbackDay'; did you mean 'feedbackDays'?",
                "Invalid deepsynth.json entry: unknown key 'catalog'; did you mean 'catalogue'?",
            },
            messages);
        var farOff = await ConfigurationDiagnosticsAsync("{ \"zzzzzz\": 1 }");
        Assert.Equal("Invalid deepsynth.json entry: unknown key 'zzzzzz'", Assert.Single(farOff).GetMessage());
    }

    [Fact]
    public async Task Contradictions_name_the_first_setting_and_the_first_one_wins()
    {
        var json = ValidManifest.Replace("\"labelers\": [ \"MyCompany.Llm.Gateway.Stamp\" ]", "\"labelers\": [ \"MyCompany.Llm.Gateway.Push\" ]")
            .Replace("\"logRetentionDays\": 180,", "\"logRetentionDays\": 180, \"logRetentionDays\": 90,");

        var messages = (await ConfigurationDiagnosticsAsync(json)).Select(d => d.GetMessage()).ToList();

        // No DSYN906 for the 90: the first value (180) is the one every reader uses.
        Assert.Equal(
            new[]
            {
                "Contradictory deepsynth.json settings: 'logRetentionDays' is given again here (first at line 11); the first value is used",
                "Contradictory deepsynth.json settings: 'MyCompany.Llm.Gateway.Push' is already listed in 'catalogue.publishers' (line 16); a member has one role, and the first is used",
            },
            messages);
    }
}
