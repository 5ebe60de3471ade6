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
            // Every analyzer's rules: the ones check reports.
            var descriptors = DeepSynthAnalyzers.Descriptors;
            foreach (var descriptor in descriptors)
            {
                output.WriteLine(string.Join("\t", descriptor.Id, descriptor.DefaultSeverity.ToString(), descriptor.Title.ToString(culture), descriptor.HelpLinkUri));
            }

            return 0;
        }
    }
}
