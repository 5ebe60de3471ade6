using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;
using DeepSynth.Cli.Progress;

namespace DeepSynth.Cli.Loading
{
    /// <summary>
    /// Runs <c>dotnet restore</c> before loading: MSBuildWorkspace resolves package references from project.assets.json, so
    /// on a fresh clone nothing would resolve without it. One restore for a solution. When it fails, NuGet has still
    /// restored the projects it could (a missing package fails only its project); the projects left without an assets file
    /// are then restored one by one, so one broken project does not leave the others unrestored.
    /// </summary>
    internal static class PackageRestore
    {
        // "/src/Web/Web.csproj : error NU1101: Unable to find package X." and "/src/Web/Web.csproj(3,5): error MSB4025: ..."
        private static readonly Regex ErrorLine = new Regex(
            @"^\s*(?<path>[^\s].*?\.csproj)(\(\d+,\d+\))?\s*:\s*error\s+(?<code>[A-Z]+\d+)\s*:\s*(?<message>.*?)(\s+\[[^\]]*\])?\s*$",
            RegexOptions.Compiled | RegexOptions.CultureInvariant);

        public static async Task<IReadOnlyList<LoadProblem>> RestoreAsync(CheckTarget target, IStepProgress progress, CancellationToken cancellationToken)
        {
            if (target.Kind == CheckTargetKind.Solution)
            {
                (int ExitCode, string Output) whole;
                using (var step = progress.Start($"Restoring {Path.GetFileName(target.Path)}", 1))
                {
                    whole = await RunAsync(target.Path, cancellationToken).ConfigureAwait(false);
                    step.Advance($"Restored {Path.GetFileName(target.Path)}");
                }

                if (whole.ExitCode == 0)
                {
                    return Array.Empty<LoadProblem>();
                }

                var problems = ProblemsIn(whole.Output, target.Path).ToList();
                var unrestored = SolutionProjects.List(target.Path).Where(p => !File.Exists(Path.Combine(Path.GetDirectoryName(p)!, "obj", "project.assets.json"))).ToList();
                if (unrestored.Count > 0)
                {
                    problems.AddRange(await RestoreEachAsync(unrestored, progress, cancellationToken).ConfigureAwait(false));
                }

                return problems.GroupBy(p => (p.ProjectPath, p.Message)).Select(g => g.First()).ToList();
            }

            return await RestoreEachAsync(target.Projects, progress, cancellationToken).ConfigureAwait(false);
        }

        private static async Task<IReadOnlyList<LoadProblem>> RestoreEachAsync(IReadOnlyList<string> projects, IStepProgress progress, CancellationToken cancellationToken)
        {
            var problems = new List<LoadProblem>();
            using var step = progress.Start($"Restoring {projects.Count} project(s)", projects.Count);
            foreach (var project in projects)
            {
                step.Describe($"Restoring {Path.GetFileName(project)}");
                var result = await RunAsync(project, cancellationToken).ConfigureAwait(false);
                if (result.ExitCode != 0)
                {
                    problems.AddRange(ProblemsIn(result.Output, project));
                }

                step.Advance($"Restored {Path.GetFileName(project)}");
            }

            return problems;
        }

        /// <summary>The errors of a failed restore, per project; the whole output's first lines when none can be attributed.</summary>
        internal static IEnumerable<LoadProblem> ProblemsIn(string output, string project)
        {
            var problems = output.Split('\n')
                .Select(line => ErrorLine.Match(line))
                .Where(match => match.Success)
                .Select(match => new LoadProblem("restore", Path.GetFullPath(match.Groups["path"].Value), match.Groups["code"].Value + ": " + match.Groups["message"].Value))
                .GroupBy(problem => (problem.ProjectPath, problem.Message))
                .Select(group => group.First())
                .ToList();
            return problems.Count > 0
                ? problems
                : new[] { new LoadProblem("restore", project, string.Join(" ", output.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).Take(3))) };
        }

        private static async Task<(int ExitCode, string Output)> RunAsync(string path, CancellationToken cancellationToken)
        {
            var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            foreach (var argument in new[] { "restore", path, "--nologo", "-v:q" })
            {
                start.ArgumentList.Add(argument);
            }

            // MSBuild.Locator points these at the SDK for this process; the child restore finds its own SDK (global.json).
            start.Environment.Remove("MSBUILD_EXE_PATH");
            start.Environment.Remove("MSBuildExtensionsPath");
            start.Environment.Remove("MSBuildSDKsPath");
            start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
            start.Environment["DOTNET_NOLOGO"] = "1";

            using var process = Process.Start(start) ?? throw new LoadException("could not start 'dotnet restore'.");
            using var stop = cancellationToken.Register(() => process.Kill(entireProcessTree: true));
            var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
            var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
            await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
            return (process.ExitCode, await stdout.ConfigureAwait(false) + await stderr.ConfigureAwait(false));
        }
    }
}
