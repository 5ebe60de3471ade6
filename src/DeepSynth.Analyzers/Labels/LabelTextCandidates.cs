using System;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;

namespace DeepSynth.Analyzers.Labels
{
    /// <summary>
    /// Which syntax trees can set a label text (DSYN010), read from the source text alone: a tree that names the SDK's label options
    /// or <c>LabelText</c>, or holds a label-key literal. When a key literal appears anywhere (it may be a constant used
    /// from another file), every tree is a candidate. Tree facts are cached on the tree.
    /// </summary>
    internal sealed class LabelTextCandidates
    {
        // The SDK's names for label texts, as substrings: "Label" covers TextLabelOptions, ImageLabelOptions, LabelText and
        // ComplianceOptions.Label; "Image" covers ComplianceOptions.Image.
        private static readonly string[] Names = { "Label", "Image" };
        private static readonly string[] KeyParts = { "label:text", "image:text" };

        private static readonly ConditionalWeakTable<SyntaxTree, TreeFacts> Facts = new ConditionalWeakTable<SyntaxTree, TreeFacts>();

        private readonly Compilation _compilation;
        private int _keyLiteralAnywhere; // 0 unknown, 1 no, 2 yes

        public LabelTextCandidates(Compilation compilation) => _compilation = compilation;

        public bool MayHoldLabelText(SyntaxTree? tree, CancellationToken cancellationToken)
        {
            if (tree == null)
            {
                return true;
            }

            if (_keyLiteralAnywhere == 0)
            {
                var any = false;
                foreach (var other in _compilation.SyntaxTrees)
                {
                    any |= FactsOf(other, cancellationToken).HasKeyLiteral;
                }

                Interlocked.CompareExchange(ref _keyLiteralAnywhere, any ? 2 : 1, 0);
            }

            return _keyLiteralAnywhere == 2 || FactsOf(tree, cancellationToken).NamesLabelOptions;
        }

        private static TreeFacts FactsOf(SyntaxTree tree, CancellationToken cancellationToken)
        {
            if (Facts.TryGetValue(tree, out var facts))
            {
                return facts;
            }

            // The source text, searched as a string: a superset of the tokens (comments too), and far cheaper than a token walk.
            var text = tree.GetText(cancellationToken).ToString();
            var names = false;
            foreach (var name in Names)
            {
                names |= text.IndexOf(name, StringComparison.Ordinal) >= 0;
            }

            var keys = false;
            foreach (var part in KeyParts)
            {
                keys |= text.IndexOf(part, StringComparison.OrdinalIgnoreCase) >= 0;
            }

            return Facts.GetValue(tree, _ => new TreeFacts(names, keys));
        }

        private sealed record TreeFacts(bool NamesLabelOptions, bool HasKeyLiteral);
    }
}
