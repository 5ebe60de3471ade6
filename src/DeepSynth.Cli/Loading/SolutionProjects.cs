using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Runtime.CompilerServices;
using Microsoft.Build.Construction;

namespace DeepSynth.Cli.Loading
{
    /// <summary>The C# projects a solution file lists (.sln or .slnx), read with the SDK's MSBuild.</summary>
    internal static class SolutionProjects
    {
        /// <summary>Call only after <see cref="MSBuildHost.EnsureRegistered"/>: the JIT resolves Microsoft.Build when it compiles this method.</summary>
        [MethodImpl(MethodImplOptions.NoInlining)]
        public static IReadOnlyList<string> List(string solutionPath)
        {
            return SolutionFile.Parse(solutionPath).ProjectsInOrder
                .Where(p => p.ProjectType == SolutionProjectType.KnownToBeMSBuildFormat && p.AbsolutePath.EndsWith(".csproj", System.StringComparison.OrdinalIgnoreCase))
                .Select(p => Path.GetFullPath(p.AbsolutePath))
                .ToList();
        }
    }
}
