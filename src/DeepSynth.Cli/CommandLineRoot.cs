using System.CommandLine;
using System.CommandLine.Help;

namespace DeepSynth.Cli
{
    /// <summary>
    /// The root of the command line, named <c>deepsynth</c> however the tool is started. A <see cref="RootCommand"/> takes
    /// its name from the executable, which is DeepSynth.Cli under <c>dotnet run</c> (the assembly keeps that name for the
    /// analyzers' InternalsVisibleTo), so help would tell users to type a command that does not exist.
    /// </summary>
    internal static class CommandLineRoot
    {
        public const string CommandName = "deepsynth";

        public static Command Create(string description)
        {
            var root = new Command(CommandName, description);
            // What RootCommand adds: help (on every verb) and --version.
            root.Options.Add(new HelpOption());
            root.Options.Add(new VersionOption());
            return root;
        }
    }
}
