using System;
using Microsoft.Build.Locator;

namespace DeepSynth.Cli.Loading
{
    /// <summary>
    /// Finds the MSBuild of the installed .NET SDK once per process. MSBuildWorkspace parses solution files with
    /// Microsoft.Build in this process (the design-time builds run in Roslyn's build host), and the SDK's copy must be the
    /// one loaded: the CLI does not ship MSBuild, so it always matches the SDK that builds the user's code.
    /// </summary>
    internal static class MSBuildHost
    {
        private static readonly object Gate = new object();
        private static string? s_registered;

        /// <summary>The MSBuild folder in use.</summary>
        /// <exception cref="LoadException">No .NET SDK was found.</exception>
        public static string EnsureRegistered()
        {
            lock (Gate)
            {
                if (s_registered != null)
                {
                    return s_registered;
                }

                if (MSBuildLocator.IsRegistered)
                {
                    // Another host in this process (a test runner) registered it already.
                    return s_registered = "(registered by the host)";
                }

                try
                {
                    var instance = MSBuildLocator.RegisterDefaults();
                    return s_registered = instance.MSBuildPath;
                }
                catch (InvalidOperationException e)
                {
                    throw new LoadException("no .NET SDK with MSBuild was found (install the .NET SDK, or set DOTNET_ROOT): " + e.Message, e);
                }
            }
        }
    }
}
