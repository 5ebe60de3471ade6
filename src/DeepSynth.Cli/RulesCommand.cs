using System;
using System.CommandLine;
using System.Globalization;
using System.IO;
using System.Linq;
using DeepSynth.Cli.Analysis;
using Microsoft.CodeAnalysis;

namespace DeepSynth.Cli
{
    /// <summary><c>deepsynth rules [--language en|zh-Hans]</c>: lists every rule with its severity and help link.</summary>
    internal static class RulesCommand
    {
        public static Command Create()
        {
            var language = new Option<string>("--language", "-l")
            {
                Description = "Language of the rule titles: en or zh-Hans.",
                DefaultValueFactory = _ => "en",
            };
            language.AcceptOnlyFromAmong("en", "zh-Hans");

            var command = new Command("rules", "List the DeepSynth rules, their default severity and help links.");
            command.Options.Add(language);
            command.SetAction(result => Write(Console.Out, CultureInfo.GetCultureInfo(result.GetValue(language) ?? "en")));
            return command;
        }

        public static int Write(TextWriter output, CultureInfo culture)
        {
            // Every analyzer's rules (the ones check reports), and the codes the build reports itself (MSBuild codes, so no
            // analyzer lists them), in id order.
            var chinese = culture.Name.StartsWith("zh", StringComparison.OrdinalIgnoreCase);
            var rules = DeepSynthAnalyzers.Descriptors
                .Select(d => (d.Id, Severity: d.DefaultSeverity.ToString(), Title: d.Title.ToString(culture), Help: d.HelpLinkUri))
                .Concat(BuildCodes.Select(c => (c.Id, c.Severity, Title: chinese ? c.TitleZh : c.Title, Help: DeepSynth.Analyzers.Rules.RuleDescriptors.HelpLinkBase + c.Id + ".md")))
                .OrderBy(r => r.Id, StringComparer.Ordinal);
            foreach (var rule in rules)
            {
                output.WriteLine(string.Join("\t", rule.Id, rule.Severity, rule.Title, rule.Help));
            }

            return 0;
        }

        /// <summary>The codes of the build task and targets (see docs/rules/DSYN950.md and DSYN951.md).</summary>
        private static readonly (string Id, string Severity, string Title, string TitleZh)[] BuildCodes =
        {
            ("DSYN950", "Warning", "The compliance report could not be written", "无法生成合规检查报告"),
            ("DSYN951", "Error", "DeepSynthPreset is not none, default or strict", "DeepSynthPreset 的值不是 none、default 或 strict"),
        };
    }
}
