using System.Globalization;
using DeepSynth.Cli;

namespace DeepSynth.Cli.Tests;

public class RulesCommandTests
{
    [Fact]
    public void Lists_every_rule_with_severity_title_and_help_link_in_the_chosen_language()
    {
        var english = new StringWriter();
        var chinese = new StringWriter();

        Assert.Equal(0, RulesCommand.Write(english, CultureInfo.GetCultureInfo("en")));
        Assert.Equal(0, RulesCommand.Write(chinese, CultureInfo.GetCultureInfo("zh-Hans")));

        var lines = english.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Contains("DSYN001\tWarning\tGenerated content is published without an AI-generated label\thttps://github.com/deepsynth/deepsynth-analyzers/blob/main/docs/rules/DSYN001.md", lines.Select(l => l.TrimEnd('\r')));
        Assert.Equal(lines.Select(l => l.Split('\t')[0]).OrderBy(id => id, StringComparer.Ordinal), lines.Select(l => l.Split('\t')[0]));
        Assert.Contains("生成合成内容发布时未添加显式标识", chinese.ToString());
        // Every rule the package reports has a line: one per rule page, DSYN950/951 (the build's own codes) included.
        var pages = Directory.GetFiles(DeepSynth.TestSupport.RepositoryPaths.Combine("docs", "rules"), "DSYN*.md").Select(Path.GetFileNameWithoutExtension).OrderBy(id => id, StringComparer.Ordinal);
        Assert.Equal(pages, lines.Select(l => l.Split('\t')[0]));
        Assert.Contains("DSYN951\tError\tDeepSynthPreset is not none, default or strict\thttps://github.com/deepsynth/deepsynth-analyzers/blob/main/docs/rules/DSYN951.md", lines.Select(l => l.TrimEnd('\r')));
    }
}
