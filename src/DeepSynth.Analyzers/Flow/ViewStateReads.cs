using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using DeepSynth.Analyzers.Catalogue;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace DeepSynth.Analyzers.Flow
{
    /// <summary>
    /// The ViewBag members and ViewData/TempData keys the project's compiled views and pages read. A controller's
    /// <c>ViewBag.Answer = text</c> reaches a person only if a view renders <c>ViewBag.Answer</c> (or <c>ViewData["Answer"]</c>);
    /// when the project compiles its views (the Razor generator's output is in the compilation) and none reads the key,
    /// the write publishes nothing. Without compiled views (precompiled elsewhere, or none in this project) every key
    /// counts as read, and so does every key when a view reads view state by a computed key or hands it on whole.
    /// One syntax scan of the Razor output per compilation, on first use.
    /// </summary>
    internal sealed class ViewStateReads
    {
        private readonly HashSet<string> _keys = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        private readonly bool _everyKey;

        private ViewStateReads(Compilation compilation, CancellationToken cancellationToken)
        {
            var anyView = false;
            foreach (var tree in compilation.SyntaxTrees)
            {
                if (!RazorGeneratedCode.IsRazorOutput(tree) || !tree.FilePath.EndsWith("cshtml.g.cs", StringComparison.OrdinalIgnoreCase))
                {
                    continue;
                }

                anyView = true;
                foreach (var name in tree.GetRoot(cancellationToken).DescendantNodes().OfType<IdentifierNameSyntax>())
                {
                    // Only what the view's author wrote counts (mapped by #line to the .cshtml), not the generator's own
                    // plumbing (its ViewData property reads PageContext?.ViewData).
                    if (KnownApis.ViewStateMembers.Contains(name.Identifier.ValueText) && RazorGeneratedCode.IsAuthored(tree, name) && !Record(name))
                    {
                        _everyKey = true;
                        return;
                    }
                }
            }

            _everyKey = !anyView;
        }

        public static ViewStateReads For(Compilation compilation, CancellationToken cancellationToken) =>
            new ViewStateReads(compilation, cancellationToken);

        /// <summary>False only when compiled views exist and none of them reads this key.</summary>
        public bool MayBeRead(string key) => _everyKey || _keys.Contains(key);

        /// <summary>Records ViewBag.Key, ViewData["Key"] or TempData["Key"]; false for any other use of the view state.</summary>
        private bool Record(IdentifierNameSyntax name)
        {
            var use = name.Parent is MemberAccessExpressionSyntax access && access.Name == name ? (SyntaxNode)access : name;
            if (use.Parent is MemberAccessExpressionSyntax keyed && keyed.Expression == use)
            {
                _keys.Add(keyed.Name.Identifier.ValueText);
                return true;
            }

            if (use.Parent is ElementAccessExpressionSyntax element && element.Expression == use)
            {
                if (element.ArgumentList.Arguments.Count == 1 && element.ArgumentList.Arguments[0].Expression is LiteralExpressionSyntax literal &&
                    literal.IsKind(SyntaxKind.StringLiteralExpression))
                {
                    _keys.Add(literal.Token.ValueText);
                    return true;
                }

                return false;
            }

            return false;
        }
    }
}
