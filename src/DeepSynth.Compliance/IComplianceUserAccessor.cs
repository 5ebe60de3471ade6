using System;
using System.Threading;

namespace DeepSynth.Compliance
{
    /// <summary>Who the current operation is for, when a call does not say. The ASP.NET Core integration reads the signed-in user.</summary>
    public interface IComplianceUserAccessor
    {
        string? UserId { get; }
    }

    /// <summary>
    /// The user of the current async flow, for code outside a web request (bots, queues):
    /// <c>using (ComplianceUser.Begin(userId)) { ... }</c>.
    /// </summary>
    public sealed class ComplianceUser : IComplianceUserAccessor
    {
        private static readonly AsyncLocal<string?> Current = new AsyncLocal<string?>();

        public string? UserId => Current.Value;

        /// <summary>Sets the current user until the returned scope is disposed.</summary>
        public static IDisposable Begin(string userId)
        {
            var previous = Current.Value;
            Current.Value = userId;
            return new Scope(previous);
        }

        private sealed class Scope : IDisposable
        {
            private readonly string? _previous;

            public Scope(string? previous) => _previous = previous;

            public void Dispose() => Current.Value = _previous;
        }
    }
}
