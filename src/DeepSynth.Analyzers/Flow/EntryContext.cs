using DeepSynth.Analyzers.Catalogue;

namespace DeepSynth.Analyzers.Flow
{
    /// <summary>What endpoint metadata says about real-name verification.</summary>
    internal readonly struct IdentityMetadata
    {
        public static readonly IdentityMetadata None = default;

        /// <summary>Real-name verification required (an attribute, a convention, a configured policy, a gating filter).</summary>
        public static readonly IdentityMetadata RealNameRequired = new IdentityMetadata(true, false, false);

        public IdentityMetadata(bool verified, bool authorizeOnly, bool allowAnonymous)
        {
            Verified = verified;
            AuthorizeOnly = authorizeOnly;
            AllowAnonymous = allowAnonymous;
        }

        /// <summary>The endpoint requires real-name verification (attribute, convention or configured policy).</summary>
        public bool Verified { get; }

        /// <summary>The endpoint requires only authentication ([Authorize] or a policy not configured as real-name).</summary>
        public bool AuthorizeOnly { get; }

        /// <summary>[AllowAnonymous] / AllowAnonymous(): requirements from outer scopes do not apply.</summary>
        public bool AllowAnonymous { get; }

        public IdentityMetadata Add(IdentityMetadata other) =>
            new IdentityMetadata(Verified || other.Verified, AuthorizeOnly || other.AuthorizeOnly, AllowAnonymous || other.AllowAnonymous);

        /// <summary>Requirements of an outer scope (controller, group) apply unless the inner scope allows anonymous access.</summary>
        public IdentityMetadata WithOuter(IdentityMetadata outer) =>
            AllowAnonymous ? this : Add(outer);

        public bool IsVerified => Verified && !AllowAnonymous;
    }

    /// <summary>Whether the code being analysed is an entry point (code that answers a user) and what its metadata guarantees.</summary>
    internal sealed class EntryContext
    {
        public static readonly EntryContext NotEntry = new EntryContext(EntryKind.None, IdentityMetadata.None);

        public EntryContext(EntryKind kind, IdentityMetadata identity)
        {
            Kind = kind;
            Identity = identity;
        }

        public EntryKind Kind { get; }

        public IdentityMetadata Identity { get; }

        public bool IsEntry => Kind != EntryKind.None;

        /// <summary>The path facts the endpoint's metadata establishes for its body (a real-name requirement).</summary>
        public FactSet EstablishedFacts => Identity.IsVerified ? Rules.DutyTable.RealNameEndpointFacts : FactSet.None;
    }
}
