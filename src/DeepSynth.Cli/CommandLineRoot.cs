using System;
using System.Collections.Generic;
using System.CommandLine;
using System.CommandLine.Help;
using System.Threading.Tasks;

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

        /// <summary>
        /// Parses and runs. A parse error (an unknown option, a token nothing takes) exits 2 with the reason, the exit code
        /// of a wrong invocation here; System.CommandLine would exit 1, which means "findings" to a pipeline.
        /// </summary>
        public static Task<int> InvokeAsync(Command root, IReadOnlyList<string> args, InvocationConfiguration? configuration = null)
        {
            var parsed = root.Parse(args);
            if (parsed.Errors.Count == 0)
            {
                return parsed.InvokeAsync(configuration);
            }

            var stderr = configuration?.Error ?? Console.Error;
            var verb = parsed.CommandResult.Command == root ? CommandName : CommandName + " " + parsed.CommandResult.Command.Name;
            foreach (var error in parsed.Errors)
            {
                stderr.WriteLine($"{verb}: {error.Message} See '{verb} --help'.");
            }

            return Task.FromResult(2);
        }
    }
}
