using System;

namespace DeepSynth.Cli.Loading
{
    /// <summary>Nothing could be analysed: the target does not exist, is not a solution, project or folder with one, or no SDK was found (exit 2).</summary>
    internal sealed class LoadException : Exception
    {
        public LoadException(string message, Exception? inner = null)
            : base(message, inner)
        {
        }
    }
}
