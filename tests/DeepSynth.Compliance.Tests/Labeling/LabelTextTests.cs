using DeepSynth.Compliance.Labeling;

namespace DeepSynth.Compliance.Tests.Labeling;

public class LabelTextTests
{
    [Theory]
    [InlineData("AI生成")]
    [InlineData("人工智能合成")]
    [InlineData("本内容由AI生成")]
    [InlineData("ＡＩ生成")]
    public void Accepts_texts_with_an_ai_and_a_generation_element(string text)
    {
        Assert.Equal(text, LabelText.Parse(text).Value);
    }

    [Theory]
    [InlineData("AI", "generation element")]
    [InlineData("AIGC", "generation element")]
    [InlineData("生成内容", "no AI element")]
    [InlineData("机器写的", "neither")]
    [InlineData("  ", "empty")]
    public void Rejects_texts_missing_an_element_and_says_which(string text, string expected)
    {
        var error = Assert.Throws<InvalidLabelTextException>(() => LabelText.Parse(text));
        Assert.Contains(expected, error.Message);
        Assert.Contains("GB 45438", error.Message);
    }

    [Fact]
    public void TryParse_reports_invalid_text_without_throwing()
    {
        Assert.False(LabelText.TryParse("AI", out var label));
        Assert.Null(label);
        Assert.True(LabelText.TryParse("AI合成", out label));
        Assert.Equal("AI合成", label!.Value);
    }
}
