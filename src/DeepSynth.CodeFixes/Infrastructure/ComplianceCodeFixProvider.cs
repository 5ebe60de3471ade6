using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;

namespace DeepSynth.CodeFixes.Infrastructure
{
    /// <summary>One way of fixing a rule: its title and a stable equivalence key (Fix All groups by it).</summary>
    internal sealed class FixVariant
    {
        public FixVariant(string equivalenceKey, string title)
        {
            EquivalenceKey = equivalenceKey;
            Title = title;
        }

        public string EquivalenceKey { get; }

        public string Title { get; }
    }

    /// <summary>
    /// Base of the compliance fixes: a fix is offered only when it can be made (it is prepared before it is registered), and
    /// Fix All applies the fixes of a document one after another on the updated document, so that several fixes that inject
    /// the same service or touch the same handler compose.
    /// </summary>
    public abstract class ComplianceCodeFixProvider : CodeFixProvider
    {
        private static readonly SyntaxAnnotation FixAllMarker = new SyntaxAnnotation("DeepSynth.FixAll");

        private protected ComplianceCodeFixProvider(string diagnosticId, params FixVariant[] variants)
        {
            FixableDiagnosticIds = ImmutableArray.Create(diagnosticId);
            Variants = variants;
        }

        public sealed override ImmutableArray<string> FixableDiagnosticIds { get; }

        internal IReadOnlyList<FixVariant> Variants { get; }

        /// <summary>Adds the fix's edits to the session; false when it cannot be made here.</summary>
        internal abstract bool Apply(FixSession session, SyntaxNode node, Diagnostic diagnostic, FixVariant variant, CancellationToken cancellationToken);

        public override FixAllProvider GetFixAllProvider() => PerDocumentFixAll;

        /// <summary>Fix All document by document (every fix's edits stay in the finding's document).</summary>
        private protected FixAllProvider PerDocumentFixAll => FixAllProvider.Create(FixAllInDocumentAsync);

        public sealed override async Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
            if (root == null)
            {
                return;
            }

            foreach (var diagnostic in context.Diagnostics)
            {
                var node = root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);
                foreach (var variant in Variants)
                {
                    var prepared = await PrepareAsync(context.Document, node, diagnostic, variant, context.CancellationToken).ConfigureAwait(false);
                    if (prepared == null)
                    {
                        continue;
                    }

                    context.RegisterCodeFix(
                        CodeAction.Create(variant.Title, cancellationToken => prepared.CommitAsync(cancellationToken), variant.EquivalenceKey),
                        diagnostic);
                }
            }
        }

        private async Task<FixSession?> PrepareAsync(Document document, SyntaxNode node, Diagnostic diagnostic, FixVariant variant, CancellationToken cancellationToken)
        {
            var session = await FixSession.CreateAsync(document, node, cancellationToken).ConfigureAwait(false);
            // A fix that named a service it has no way to bring here (no handler parameter, constructor or request
            // services) would not compile: it is not offered.
            return session != null && Apply(session, node, diagnostic, variant, cancellationToken) && !session.NamesUnreachableService ? session : null;
        }

        private async Task<Document?> FixAllInDocumentAsync(FixAllContext context, Document document, ImmutableArray<Diagnostic> diagnostics)
        {
            var variant = Variants.FirstOrDefault(v => v.EquivalenceKey == context.CodeActionEquivalenceKey) ?? Variants[0];
            var root = await document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
            if (root == null)
            {
                return document;
            }

            // Mark every finding's node first: spans move as fixes are applied, annotations do not.
            var marked = new List<(SyntaxAnnotation Marker, Diagnostic Diagnostic)>();
            var nodes = new Dictionary<SyntaxNode, SyntaxAnnotation>();
            foreach (var diagnostic in diagnostics.OrderByDescending(d => d.Location.SourceSpan.Start))
            {
                var node = root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);
                if (!nodes.TryGetValue(node, out var marker))
                {
                    marker = new SyntaxAnnotation(FixAllMarker.Kind, marked.Count.ToString(System.Globalization.CultureInfo.InvariantCulture));
                    nodes[node] = marker;
                }

                marked.Add((marker, diagnostic));
            }

            document = document.WithSyntaxRoot(root.ReplaceNodes(nodes.Keys, (original, current) => current.WithAdditionalAnnotations(nodes[original])));
            foreach (var (marker, diagnostic) in marked)
            {
                var currentRoot = await document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
                var node = currentRoot?.GetAnnotatedNodes(marker).FirstOrDefault();
                if (node == null)
                {
                    continue;
                }

                // The chosen way first; where it cannot be made (an endpoint attribute on middleware), the next way that can,
                // so that Fix All (and dotnet format, which fixes with the first way offered) leaves no finding it could fix.
                foreach (var way in new[] { variant }.Concat(Variants.Where(v => v != variant)))
                {
                    var session = await PrepareAsync(document, node, diagnostic, way, context.CancellationToken).ConfigureAwait(false);
                    if (session != null)
                    {
                        document = await session.CommitAsync(context.CancellationToken).ConfigureAwait(false);
                        break;
                    }
                }
            }

            return document;
        }
    }
}
