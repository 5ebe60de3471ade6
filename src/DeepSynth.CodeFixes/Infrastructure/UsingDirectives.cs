using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using static Microsoft.CodeAnalysis.CSharp.SyntaxFactory;

namespace DeepSynth.CodeFixes.Infrastructure
{
    /// <summary>Adds the using directives a fix needs, unless a using (global or local) already brings the namespace in.</summary>
    internal static class UsingDirectives
    {
        public static async Task<Document> AddAsync(Document document, IEnumerable<string> namespaces, CancellationToken cancellationToken)
        {
            var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false) as CompilationUnitSyntax;
            var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
            if (root == null || model == null)
            {
                return document;
            }

            var imported = new HashSet<string>(StringComparer.Ordinal);
            foreach (var scope in model.GetImportScopes(root.Members.FirstOrDefault()?.SpanStart ?? 0, cancellationToken))
            {
                foreach (var import in scope.Imports)
                {
                    imported.Add(import.NamespaceOrType.ToDisplayString());
                }
            }

            var missing = namespaces.Where(n => !imported.Contains(n)).Distinct().OrderBy(n => n, StringComparer.Ordinal).ToList();
            if (missing.Count == 0)
            {
                return document;
            }

            var usings = root.Usings.ToList();
            foreach (var name in missing)
            {
                var directive = UsingDirective(ParseName(name)).WithTrailingTrivia(CarriageReturnLineFeedIfCrLf(root));
                var index = usings.TakeWhile(u => u.GlobalKeyword.IsKind(SyntaxKind.GlobalKeyword) || IsBefore(u, name)).Count();
                usings.Insert(index, directive);
            }

            if (root.Usings.Count > 0 && !ReferenceEquals(usings[0], root.Usings[0]))
            {
                // A file header (licence, comments) stays at the top of the file, above the first using.
                var header = root.Usings[0].GetLeadingTrivia();
                var formerFirst = usings.IndexOf(root.Usings[0]);
                usings[formerFirst] = usings[formerFirst].WithLeadingTrivia();
                usings[0] = usings[0].WithLeadingTrivia(header);
            }

            if (root.Usings.Count == 0 && root.Members.FirstOrDefault() is { } first)
            {
                // Keep a blank line between the usings and the first member.
                root = root.ReplaceNode(first, first.WithLeadingTrivia(first.GetLeadingTrivia().Insert(0, CarriageReturnLineFeedIfCrLf(root))));
            }

            return document.WithSyntaxRoot(root.WithUsings(List(usings)));
        }

        private static bool IsBefore(UsingDirectiveSyntax existing, string name)
        {
            var existingName = existing.Name?.ToString() ?? string.Empty;
            var existingIsSystem = existingName == "System" || existingName.StartsWith("System.", StringComparison.Ordinal);
            var newIsSystem = name == "System" || name.StartsWith("System.", StringComparison.Ordinal);
            if (existingIsSystem != newIsSystem)
            {
                return existingIsSystem;
            }

            return existing.Alias == null && existing.StaticKeyword.IsKind(SyntaxKind.None) && string.CompareOrdinal(existingName, name) < 0;
        }

        private static SyntaxTrivia CarriageReturnLineFeedIfCrLf(CompilationUnitSyntax root) =>
            root.ToFullString().Contains("\r\n") ? CarriageReturnLineFeed : LineFeed;
    }
}
