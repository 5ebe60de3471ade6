using DeepSynth.Compliance.Review;

namespace DeepSynth.Compliance.Tests.Review;

public class FeatureLibraryTests
{
    internal const string Library = """
        {
          "version": "2026-09",
          "rules": [
            { "id": "FRAUD-1", "category": "fraud", "decision": "Blocked", "keywords": ["刷单返利", "Gift Card Code"] },
            { "id": "PHONE-ASK", "category": "privacy", "decision": "NeedsManualReview", "stages": ["Output"], "patterns": ["验证码\\s*\\d{6}"] }
          ]
        }
        """;

    [Theory]
    [InlineData("快来刷单返利吧", "FRAUD-1")]
    [InlineData("快来 刷 单 返 利", "FRAUD-1")]
    [InlineData("刷\u200B单返\u200B利", "FRAUD-1")]
    [InlineData("ＧＩＦＴ card-code here", "FRAUD-1")]
    public void Keywords_match_through_spacing_width_case_and_zero_width_tricks(string text, string rule)
    {
        var findings = FeatureLibrary.Parse(Library).Match(text, ReviewStage.Input);
        Assert.Equal(rule, Assert.Single(findings).RuleId);
        Assert.Equal(ReviewDecision.Blocked, findings[0].Decision);
    }

    [Fact]
    public void Rules_apply_only_to_their_stages()
    {
        var library = FeatureLibrary.Parse(Library);
        Assert.Empty(library.Match("你的验证码 123456", ReviewStage.Input));
        Assert.Equal("PHONE-ASK", Assert.Single(library.Match("你的验证码 123456", ReviewStage.Output)).RuleId);
        Assert.Empty(library.Match("今天天气很好", ReviewStage.Output));
    }

    [Theory]
    [InlineData("""{"rules":[{"id":"A","decision":"Maybe","keywords":["x"]}]}""", "rule 'A': decision 'Maybe'")]
    [InlineData("""{"rules":[{"id":"A","patterns":["(unclosed"]}]}""", "rule 'A': pattern '(unclosed'")]
    [InlineData("""{"rules":[{"id":"A"}]}""", "rule 'A' has neither keywords nor patterns")]
    [InlineData("""{"rules":[{"id":"A","keywords":["x"]},{"id":"A","keywords":["y"]}]}""", "'A' is used twice")]
    [InlineData("""{"rules":[{"keywords":["x"]}]}""", "rule 0 has no id")]
    [InlineData("""{"version":"1"}""", "\"rules\" array is required")]
    [InlineData("""{"rules":[""", "not valid JSON")]
    public void Invalid_libraries_fail_with_the_rule_named(string json, string expected)
    {
        var error = Assert.Throws<ComplianceConfigurationException>(() => FeatureLibrary.Parse(json, "lib.json"));
        Assert.Contains(expected, error.Message);
    }
}
