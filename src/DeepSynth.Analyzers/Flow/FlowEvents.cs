using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace DeepSynth.Analyzers.Flow
{
    /// <summary>One piece of generated content at a publish point, with the facts that hold for it there.</summary>
    internal readonly struct PublishedPiece
    {
        public PublishedPiece(Origin origin, bool labeled, bool reviewed, bool audited, bool checkValueFacts)
        {
            Origin = origin;
            Labeled = labeled;
            Reviewed = reviewed;
            Audited = audited;
            CheckValueFacts = checkValueFacts;
        }

        public Origin Origin { get; }

        public bool Labeled { get; }

        public bool Reviewed { get; }

        public bool Audited { get; }

        /// <summary>
        /// False for content a callee generated and published itself: the callee's own analysis answers for its
        /// label, review and audit; the call site answers only for real identity.
        /// </summary>
        public bool CheckValueFacts { get; }
    }

    /// <summary>Generated content reaching people at one publish point.</summary>
    internal sealed class PublishEvent
    {
        public PublishEvent(Location at, ImmutableArray<PublishedPiece> pieces, bool identityVerified, bool checkIdentity, bool authorizeOnly, string? via, Location? viaPoint)
        {
            At = at;
            Pieces = pieces;
            IdentityVerified = identityVerified;
            CheckIdentity = checkIdentity;
            AuthorizeOnly = authorizeOnly;
            Via = via;
            ViaPoint = viaPoint;
        }

        /// <summary>The publish point: a return expression, a Results/Ok call, a SendAsync call, or a call to a method that publishes.</summary>
        public Location At { get; }

        public ImmutableArray<PublishedPiece> Pieces { get; }

        public bool IdentityVerified { get; }

        /// <summary>False where real identity is the callers' duty (code that is not an entry point).</summary>
        public bool CheckIdentity { get; }

        /// <summary>The endpoint has a plain [Authorize] that does not count as real-name verification.</summary>
        public bool AuthorizeOnly { get; }

        /// <summary>For a call to a method that publishes: the callee's name and its inner publish point.</summary>
        public string? Via { get; }

        public Location? ViaPoint { get; }
    }

    /// <summary>User input reaching a generation call (directly or through a callee) without review.</summary>
    internal sealed class GenerationEvent
    {
        public GenerationEvent(Location at, ImmutableArray<Origin> unreviewedInputs, string? via, Location? viaPoint)
        {
            At = at;
            UnreviewedInputs = unreviewedInputs;
            Via = via;
            ViaPoint = viaPoint;
        }

        public Location At { get; }

        public ImmutableArray<Origin> UnreviewedInputs { get; }

        public string? Via { get; }

        public Location? ViaPoint { get; }
    }

    /// <summary>Receives what the engine finds while it runs over a method.</summary>
    internal interface IFlowEventSink
    {
        void OnPublish(PublishEvent publish);

        void OnGeneration(GenerationEvent generation);
    }
}
