using System.Collections.Generic;
using DeepSynth.Analyzers.Flow;
using Microsoft.CodeAnalysis;

namespace DeepSynth.Analyzers.Rules
{
    /// <summary>
    /// A rule checked at publish points: which generated pieces reaching this point lack what the rule requires.
    /// The engine supplies the facts; a rule only decides what is missing and what note to add.
    /// </summary>
    internal abstract class PublishRule
    {
        public abstract DiagnosticDescriptor Descriptor { get; }

        /// <summary>The origins of the content that lacks the rule's duty at this publish point.</summary>
        public abstract IEnumerable<Origin> MissingAt(PublishEvent publish);

        /// <summary>Extra context for the message (appended as {1}); null for none.</summary>
        public virtual LocalizableString? Note(PublishEvent publish) => FlowDiagnostics.ViaNote(publish);
    }

    /// <summary>DSYN001: generated content published without an AI-generated label (DSP 17; LM 4; GB 45438 §6).</summary>
    internal sealed class UnlabeledContentRule : PublishRule
    {
        public override DiagnosticDescriptor Descriptor => RuleDescriptors.UnlabeledContent;

        public override IEnumerable<Origin> MissingAt(PublishEvent publish)
        {
            foreach (var piece in publish.Pieces)
            {
                if (piece.CheckValueFacts && !piece.Labeled)
                {
                    yield return piece.Origin;
                }
            }
        }
    }

    /// <summary>DSYN002: generated content published on a path without real-identity verification (DSP 9).</summary>
    internal sealed class UnverifiedIdentityRule : PublishRule
    {
        public override DiagnosticDescriptor Descriptor => RuleDescriptors.UnverifiedIdentity;

        public override IEnumerable<Origin> MissingAt(PublishEvent publish)
        {
            if (!publish.CheckIdentity || publish.IdentityVerified)
            {
                yield break;
            }

            foreach (var piece in publish.Pieces)
            {
                yield return piece.Origin;
            }
        }

        public override LocalizableString? Note(PublishEvent publish) =>
            publish.AuthorizeOnly ? Resources.DiagnosticMessages.Get("Note_AuthorizeIsNotRealName") : base.Note(publish);
    }

    /// <summary>DSYN003: generated content published without review of that output (DSP 10; GAIM 14).</summary>
    internal sealed class UnreviewedOutputRule : PublishRule
    {
        public override DiagnosticDescriptor Descriptor => RuleDescriptors.UnreviewedOutput;

        public override IEnumerable<Origin> MissingAt(PublishEvent publish)
        {
            foreach (var piece in publish.Pieces)
            {
                if (piece.CheckValueFacts && !piece.Reviewed)
                {
                    yield return piece.Origin;
                }
            }
        }
    }

    /// <summary>DSYN005: generated content published on a path where the generation was not recorded (DSP 10, 16; CSL).</summary>
    internal sealed class UnauditedGenerationRule : PublishRule
    {
        public override DiagnosticDescriptor Descriptor => RuleDescriptors.UnauditedGeneration;

        public override IEnumerable<Origin> MissingAt(PublishEvent publish)
        {
            foreach (var piece in publish.Pieces)
            {
                if (piece.CheckValueFacts && !piece.Audited)
                {
                    yield return piece.Origin;
                }
            }
        }
    }
}
