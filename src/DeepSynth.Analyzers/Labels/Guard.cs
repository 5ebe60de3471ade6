using System;

namespace DeepSynth.Analyzers.Labels
{
    internal static class Guard
    {
        /// <summary>
        /// Runs one check of a constant. An analyzer must never throw (AD0001): a failure on one value loses that value's
        /// check, nothing else.
        /// </summary>
        public static void Run(Action action)
        {
            try
            {
                action();
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
            }
        }
    }
}
