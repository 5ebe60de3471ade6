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
            var perDocument = await _perDocument.GetFixAsync(context).ConfigureAwait(false);
            var plans = new List<ServiceLabels.Plan>();
            foreach (var document in DocumentsIn(context))
            {
                foreach (var diagnostic in await context.GetDocumentDiagnosticsAsync(document).ConfigureAwait(false))
                {
                    if (await ServiceLabels.PlanAsync(document, diagnostic, context.CancellationToken).ConfigureAwait(false) is { } plan)
                    {
                        plans.Add(plan);
                    }
                }
            }

            if (plans.Count == 0)
            {
                return perDocument;
            }

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

        private static IEnumerable<Document> DocumentsIn(FixAllContext context) => context.Scope switch
        {
            FixAllScope.Document when context.Document != null => new[] { context.Document },
            FixAllScope.Solution => context.Solution.Projects.SelectMany(p => p.Documents),
            _ => context.Project.Documents,
        };
    }
}
