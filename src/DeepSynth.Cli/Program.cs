using System.CommandLine;
using DeepSynth.Cli;

var root = CommandLineRoot.Create("deepsynth: checks .NET code that generates AI content against China's Deep Synthesis Provisions, the Labeling Measures and GB 45438-2025.");
root.Subcommands.Add(RulesCommand.Create());
root.Subcommands.Add(LabelCommand.Create());
root.Subcommands.Add(InspectCommand.Create());
root.Subcommands.Add(VerifyCommand.Create());
root.Subcommands.Add(DiffCommand.Create());
root.Subcommands.Add(AuditCommand.Create());
root.Subcommands.Add(CheckCommand.Create());
root.Subcommands.Add(FixCommand.Create());
root.Subcommands.Add(BaselineCommand.Create());
return await CommandLineRoot.InvokeAsync(root, args);
