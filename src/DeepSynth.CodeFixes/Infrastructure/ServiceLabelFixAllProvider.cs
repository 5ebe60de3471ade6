using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;

namespace DeepSynth.CodeFixes.Infrastructure
{
    /// <summary>
    /// DSYN001's Fix All: the document-by-document fixes, then the labels that belong in a service's file (a DTO the
    /// service filled in and a controller publishes whole; see <see cref="ServiceLabels"/>).
    /// </summary>
    internal sealed class ServiceLabelFixAllProvider : FixAllProvider
    {
        private readonly FixAllProvider _perDocument;

        public ServiceLabelFixAllProvider(FixAllProvider perDocument) => _perDocument = perDocument;

        public override IEnumerable<FixAllScope> GetSupportedFixAllScopes() => _perDocument.GetSupportedFixAllScopes();

        public override async Task<CodeAction?> GetFixAsync(FixAllContext context)
        {
            var plans = new List<ServiceLabels.Plan>();
            var planned = new HashSet<Diagnostic>();
            foreach (var document in DocumentsIn(context))
            {
                foreach (var diagnostic in await context.GetDocumentDiagnosticsAsync(document).ConfigureAwait(false))
                {
                    if (await ServiceLabels.PlanAsync(document, diagnostic, context.CancellationToken).ConfigureAwait(false) is { } plan)
                    {
                        plans.Add(plan);
                        planned.Add(diagnostic);
                    }
                }
            }

            if (plans.Count == 0)
            {
                return await _perDocument.GetFixAsync(context).ConfigureAwait(false);
            }

            // A finding labeled in the service is not labeled again where it is published (a list of its texts would be).
            var perDocument = await _perDocument.GetFixAsync(Without(context, planned)).ConfigureAwait(false);

            return CodeAction.Create(
                perDocument?.Title ?? "Label where the service puts the text in (在服务中添加标识)",
                async cancellationToken =>
                {
                    var solution = context.Solution;
                    if (perDocument != null)
                    {
                        foreach (var operation in await perDocument.GetOperationsAsync(cancellationToken).ConfigureAwait(false))
                        {
                            if (operation is ApplyChangesOperation apply)
                            {
                                solution = apply.ChangedSolution;
                            }
                        }
                    }

                    return await ServiceLabels.ApplyAsync(solution, plans, cancellationToken).ConfigureAwait(false);
                },
                context.CodeActionEquivalenceKey);
        }

        /// <summary>The same Fix All without the <paramref name="excluded"/> findings.</summary>
        private static FixAllContext Without(FixAllContext context, HashSet<Diagnostic> excluded)
        {
            var provider = new Filtered(context, excluded);
            return context.Document != null
                ? new FixAllContext(context.Document, context.CodeFixProvider, context.Scope, context.CodeActionEquivalenceKey, context.DiagnosticIds, provider, context.CancellationToken)
                : new FixAllContext(context.Project, context.CodeFixProvider, context.Scope, context.CodeActionEquivalenceKey, context.DiagnosticIds, provider, context.CancellationToken);
        }

        private sealed class Filtered : FixAllContext.DiagnosticProvider
        {
            private readonly FixAllContext _context;
            private readonly HashSet<Diagnostic> _excluded;

            public Filtered(FixAllContext context, HashSet<Diagnostic> excluded)
            {
                _context = context;
                _excluded = excluded;
            }

            public override async Task<IEnumerable<Diagnostic>> GetDocumentDiagnosticsAsync(Document document, System.Threading.CancellationToken cancellationToken) =>
                (await _context.GetDocumentDiagnosticsAsync(document).ConfigureAwait(false)).Where(d => !_excluded.Contains(d));

            public override async Task<IEnumerable<Diagnostic>> GetProjectDiagnosticsAsync(Project project, System.Threading.CancellationToken cancellationToken) =>
                (await _context.GetProjectDiagnosticsAsync(project).ConfigureAwait(false)).Where(d => !_excluded.Contains(d));

            public override async Task<IEnumerable<Diagnostic>> GetAllDiagnosticsAsync(Project project, System.Threading.CancellationToken cancellationToken) =>
                (await _context.GetAllDiagnosticsAsync(project).ConfigureAwait(false)).Where(d => !_excluded.Contains(d));
        }

        private static IEnumerable<Document> DocumentsIn(FixAllContext context) => context.Scope switch
        {
            FixAllScope.Document when context.Document != null => new[] { context.Document },
            FixAllScope.Solution => context.Solution.Projects.SelectMany(p => p.Documents),
            _ => context.Project.Documents,
        };
    }
}
