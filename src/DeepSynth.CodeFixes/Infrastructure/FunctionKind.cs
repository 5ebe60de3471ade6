namespace DeepSynth.CodeFixes.Infrastructure
{
    /// <summary>How the function around a finding gets its services.</summary>
    internal enum FunctionKind
    {
        /// <summary>Not something a fix can safely change (a helper whose callers would break).</summary>
        Unsupported,
        /// <summary>A minimal-API or bot handler (lambda, local function or static method group): services are extra parameters.</summary>
        HandlerDelegate,
        /// <summary>A method of a class built by dependency injection (controller, hub, service): services come through the constructor.</summary>
        InjectedClassMember,
        /// <summary>Middleware written as app.Use(...): services come from HttpContext.RequestServices.</summary>
        Middleware,
        /// <summary>A static or top-level local function that handlers call: services are parameters its callers pass on.</summary>
        HandlerHelper,
    }
}
