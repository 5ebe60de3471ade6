using System.Globalization;
using DeepSynth.Cli.Reports;
using DeepSynth.Cli.Tests.Solutions;

namespace DeepSynth.Cli.Tests;

/// <summary>The console summary follows the UI culture: Simplified Chinese for zh-Hans, English otherwise.</summary>
[Collection(StoriesCollection.Name)]
public sealed class ConsoleLanguageTests
{
    private readonly StoriesSolution _stories;

    public ConsoleLanguageTests(StoriesSolution stories) => _stories = stories;

    [Fact]
    public void Console_summary_is_in_Chinese_under_a_Chinese_UI_culture_and_in_English_otherwise()
    {
        var previous = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("zh-Hans");
            var chinese = ConsoleReport.Render(_stories.Result, null);
            CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("en-US");
            var english = ConsoleReport.Render(_stories.Result, null);

            Assert.Contains("结论：", chinese);
            Assert.Contains("Web 的义务：", chinese);
            Assert.Contains("问题列表", chinese);
            Assert.DoesNotContain("Verdict:", chinese);
            Assert.Contains("Verdict: ", english);
            Assert.Contains("Duties of Web: ", english);
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }
}
