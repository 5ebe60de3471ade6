using System;
using Microsoft.CodeAnalysis;

namespace DeepSynth.Analyzers.Flow
{
    /// <summary>
    /// The Razor source generator's output: the C# it writes for .razor components and .cshtml views and pages. It is
    /// generated code, but it is the only place a component's or page's rendering exists, so the analyzer follows content
    /// into it while it still skips every other generated file. Its <c>#line</c> directives map what it reports back to
    /// the .razor/.cshtml file.
    /// </summary>
    internal static class RazorGeneratedCode
    {
        /// <summary>The generator's folder in a source-generated tree's path (obj/.../generated/... when emitted to disk).</summary>
        private const string GeneratorName = "Microsoft.NET.Sdk.Razor.SourceGenerators";

        /// <summary>
        /// Hint names of the source generator (Pages/Chat_razor.g.cs, Pages/Index_cshtml.g.cs) and of the Razor SDK's
        /// earlier compile step (Chat.razor.g.cs, Index.cshtml.g.cs).
        /// </summary>
        private static readonly string[] Suffixes = { "_razor.g.cs", "_cshtml.g.cs", ".razor.g.cs", ".cshtml.g.cs" };

        /// <summary>
        /// Where to report at a node: in the Razor output, a node that starts in the generator's own plumbing (<c>#line
        /// hidden</c>: <c>__builder.AddComponentParameter(2, nameof(...</c>) is reported at its first part the author wrote,
        /// so the diagnostic lands on the .razor line instead of in a file under obj/.
        /// </summary>
        public static Location ReportableLocation(SyntaxNode node)
        {
            var tree = node.SyntaxTree;
            if (!IsRazorOutput(tree) || IsAuthored(tree, node))
            {
                return node.GetLocation();
            }

            foreach (var part in node.DescendantNodes())
            {
                if (IsAuthored(tree, part))
                {
                    return part.GetLocation();
                }
            }

            return node.GetLocation();
        }

        /// <summary>Whether the node starts in a region the generator mapped to the author's .razor/.cshtml file.</summary>
        public static bool IsAuthored(SyntaxTree tree, SyntaxNode node) =>
            tree.GetLineVisibility(node.SpanStart) == LineVisibility.Visible && tree.GetMappedLineSpan(node.Span).HasMappedPath;

        public static bool IsRazorOutput(SyntaxTree? tree)
        {
            var path = tree?.FilePath;
            if (string.IsNullOrEmpty(path))
            {
                return false;
            }

            if (path!.IndexOf(GeneratorName, StringComparison.OrdinalIgnoreCase) >= 0)
            {
                return true;
            }

            foreach (var suffix in Suffixes)
            {
                if (path.EndsWith(suffix, StringComparison.OrdinalIgnoreCase))
                {
                    return true;
                }
            }

            return false;
        }
    }
}
