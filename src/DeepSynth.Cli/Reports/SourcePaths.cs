using System;
using System.IO;
using System.Linq;

namespace DeepSynth.Cli.Reports
{
    /// <summary>
    /// File URIs for SARIF: relative to the repository root (the folder holding .git above the checked solution), because
    /// code scanning resolves locations against the repository, wherever the solution sits in it. Files outside it get
    /// absolute file URIs.
    /// </summary>
    internal sealed class SourcePaths
    {
        private readonly string _root;

        public SourcePaths(string root)
        {
            _root = Path.GetFullPath(root);
            RootUri = new Uri(Path.EndsInDirectorySeparator(_root) ? _root : _root + Path.DirectorySeparatorChar).AbsoluteUri;
        }

        public string RootUri { get; }

        public (string Uri, bool Relative) UriOf(string fullPath)
        {
            var relative = Path.GetRelativePath(_root, fullPath);
            if (relative == ".." || relative.StartsWith(".." + Path.DirectorySeparatorChar, StringComparison.Ordinal) || Path.IsPathRooted(relative))
            {
                return (new Uri(fullPath).AbsoluteUri, false);
            }

            return (string.Join("/", relative.Split(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar).Select(Uri.EscapeDataString)), true);
        }

        /// <summary>The nearest folder at or above <paramref name="directory"/> holding .git (a folder, or a file in a worktree); else the directory itself.</summary>
        public static string RepositoryRoot(string directory)
        {
            for (var current = new DirectoryInfo(directory); current != null; current = current.Parent)
            {
                var git = Path.Combine(current.FullName, ".git");
                if (Directory.Exists(git) || File.Exists(git))
                {
                    return current.FullName;
                }
            }

            return directory;
        }
    }
}
