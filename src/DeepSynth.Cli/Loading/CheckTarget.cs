using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;

namespace DeepSynth.Cli.Loading
{
    internal enum CheckTargetKind
    {
        Solution,
        Projects,
    }

    /// <summary>
    /// What the user asked to check, resolved from a path: a solution (.sln, .slnx), a project (.csproj), or a folder holding
    /// one solution (else every project under it). Its directory is the root that finding paths, fingerprints and the
    /// default baseline are relative to, so a baseline written for the solution matches the solution's findings.
    /// </summary>
    internal sealed class CheckTarget
    {
        private static readonly string[] SolutionExtensions = { ".sln", ".slnx" };
        private static readonly string[] SkippedFolders = { "bin", "obj", ".git", ".vs", "node_modules", "artifacts" };

        private CheckTarget(CheckTargetKind kind, string path, ImmutableArray<string> projects, string rootDirectory)
        {
            Kind = kind;
            Path = path;
            Projects = projects;
            RootDirectory = rootDirectory;
        }

        public CheckTargetKind Kind { get; }

        /// <summary>The solution file, project file or folder (full path).</summary>
        public string Path { get; }

        /// <summary>For <see cref="CheckTargetKind.Projects"/>: the project files to analyse.</summary>
        public ImmutableArray<string> Projects { get; }

        public string RootDirectory { get; }

        /// <exception cref="LoadException">The path is none of the above.</exception>
        public static CheckTarget Resolve(string path)
        {
            var full = System.IO.Path.GetFullPath(path);
            if (File.Exists(full))
            {
                var extension = System.IO.Path.GetExtension(full);
                if (SolutionExtensions.Contains(extension, StringComparer.OrdinalIgnoreCase))
                {
                    return new CheckTarget(CheckTargetKind.Solution, full, ImmutableArray<string>.Empty, System.IO.Path.GetDirectoryName(full)!);
                }

                if (extension.Equals(".csproj", StringComparison.OrdinalIgnoreCase))
                {
                    return new CheckTarget(CheckTargetKind.Projects, full, ImmutableArray.Create(full), System.IO.Path.GetDirectoryName(full)!);
                }

                throw new LoadException($"{path} is not a solution (.sln, .slnx) or C# project (.csproj).");
            }

            if (!Directory.Exists(full))
            {
                throw new LoadException($"{path} does not exist.");
            }

            var solutions = Directory.GetFiles(full).Where(f => SolutionExtensions.Contains(System.IO.Path.GetExtension(f), StringComparer.OrdinalIgnoreCase)).ToList();
            if (solutions.Count == 1)
            {
                return new CheckTarget(CheckTargetKind.Solution, solutions[0], ImmutableArray<string>.Empty, full);
            }

            if (solutions.Count > 1)
            {
                throw new LoadException($"{path} holds several solutions ({string.Join(", ", solutions.Select(System.IO.Path.GetFileName))}); name the one to check.");
            }

            var projects = FindProjects(full).OrderBy(p => p, StringComparer.Ordinal).ToImmutableArray();
            if (projects.IsEmpty)
            {
                throw new LoadException($"{path} holds no solution and no C# project.");
            }

            return new CheckTarget(CheckTargetKind.Projects, full, projects, full);
        }

        private static IEnumerable<string> FindProjects(string folder)
        {
            foreach (var project in Directory.GetFiles(folder, "*.csproj"))
            {
                yield return project;
            }

            foreach (var child in Directory.GetDirectories(folder))
            {
                if (SkippedFolders.Contains(System.IO.Path.GetFileName(child), StringComparer.OrdinalIgnoreCase))
                {
                    continue;
                }

                foreach (var project in FindProjects(child))
                {
                    yield return project;
                }
            }
        }
    }
}
