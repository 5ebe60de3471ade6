using Microsoft.CodeAnalysis;
using static DeepSynth.Analyzers.Tests.Manifest.ManifestFixture;
using FlowVerifier = DeepSynth.TestSupport.AnalyzerVerifier<DeepSynth.Analyzers.ContentFlowAnalyzer>;

namespace DeepSynth.Analyzers.Tests.Manifest;

/// <summary>Every manifest mistake is a DSYN9xx at its line and column; the analyzers never throw on a bad file.</summary>
public class ManifestValidationTests
{
    [Fact]
    public Task Unknown_keys_and_wrong_types_are_DSYN902()
    {
        var manifest = CompliantManifest
            .Replace("\"feedbackDays\": 7", "\"feedbackDay\": 7")
            .Replace("\"publicOpinionAttributes\": true", "\"publicOpinionAttributes\": \"yes\"")
            .Replace("\"logRetentionDays\": 180", "\"logRetentionDays\": 180.5")
            .Replace("\"roles\": [ \"provider\" ]", "\"roles\": [ \"provider\", 3 ]");
        return VerifyAsync(Service, manifest,
            At("DSYN902", manifest, "\"feedbackDay\"").WithArguments("unknown key 'complaints.feedbackDay'; did you mean 'feedbackDays'?"),
            At("DSYN902", manifest, "\"yes\"").WithArguments("'publicOpinionAttributes' must be of type boolean, not string"),
            At("DSYN902", manifest, "180.5").WithArguments("'logRetentionDays' must be of type integer, not number"),
            At("DSYN902", manifest, "3", after: "\"provider\", ").WithArguments("'roles' must contain only strings, not number"),
            // The misspelt key does not count: the feedback limit is missing.
            At("DSYN102", manifest, "\"complaints\"").WithArguments("no feedback time limit is declared ('complaints.feedbackDays')"));
    }

    [Fact]
    public Task Values_the_keys_do_not_allow_are_DSYN905()
    {
        var manifest = CompliantManifest
            .Replace("\"ACME-CHAT-2025\"", "\"ACME 智能\"")
            .Replace("\"jurisdictions\": [ \"CN\" ]", "\"jurisdictions\": [ \"CN\", \"JP\" ]")
            .Replace("\"feedbackDays\": 7", "\"feedbackDays\": 0")
            .Replace("\"date\": \"2025-06-30\", \"reference\"", "\"date\": \"30/06/2025\", \"reference\"")
            .Replace("\"minors\": \"notServed\"", "\"minors\": \"allowed\"");
        return VerifyAsync(Service, manifest,
            At("DSYN905", manifest, "\"ACME 智能\"").WithArguments("'providerCode' is written into AIGC metadata and must be printable ASCII without spaces, quotes or backslashes, not \"ACME 智能\""),
            At("DSYN905", manifest, "\"JP\"").WithArguments("'jurisdictions' must be one of \"CN\", \"EU\", \"US-CA\", not \"JP\""),
            At("DSYN905", manifest, "0", after: "\"feedbackDays\": ").WithArguments("'complaints.feedbackDays' must be a whole number greater than 0, not 0"),
            At("DSYN905", manifest, "\"30/06/2025\"").WithArguments("'securityAssessments[].date' must be a date written YYYY-MM-DD, not \"30/06/2025\""),
            At("DSYN905", manifest, "\"allowed\"").WithArguments("'users.minors' must be one of \"notServed\", \"protected\", not \"allowed\""));
    }

    [Fact]
    public Task Retention_under_180_days_is_DSYN906_at_the_value()
    {
        var manifest = CompliantManifest.Replace("\"logRetentionDays\": 180", "\"logRetentionDays\": 90");
        return VerifyAsync(Service, manifest,
            At("DSYN906", manifest, "90", after: "\"logRetentionDays\": ").WithMessage("deepsynth.json declares logs kept 90 days; the Cybersecurity Law requires at least 180 days (six months)"));
    }

    [Fact]
    public Task Broken_json_is_left_to_DSYN901_and_no_duty_is_judged() =>
        VerifyAsync(Service, "{ \"complaints\": { \"portal\": \"/x\" ");

    [Fact]
    public Task Content_flow_analyzer_accepts_the_manifest_keys_and_still_reports_unknown_ones()
    {
        var manifest = CompliantManifest.Replace("\"rumorRefutation\"", "\"rumourRefutation\"");
        return FlowVerifier.VerifyAsync(new[] { Service }, OutputKind.DynamicallyLinkedLibrary,
            test => test.TestState.AdditionalFiles.Add((ManifestPath, manifest)),
            At("DSYN902", manifest, "\"rumourRefutation\"").WithArguments("unknown key 'rumourRefutation'; did you mean 'rumorRefutation'?"));
    }
}
