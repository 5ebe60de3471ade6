#if !NET8_0_OR_GREATER
using System;
using System.Collections.Generic;

namespace DeepSynth.Compliance
{
    internal sealed partial class ComplianceRegistrations
    {
        // Without ASP.NET Core there is no authentication to check: the application passes the user to IRealNameGate itself.
        private partial IEnumerable<string> PlatformProblems(IServiceProvider services) => Array.Empty<string>();
    }
}
#endif
