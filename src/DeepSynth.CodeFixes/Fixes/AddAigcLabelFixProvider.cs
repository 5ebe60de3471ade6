using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using DeepSynth.CodeFixes.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using static Microsoft.CodeAnalysis.CSharp.SyntaxFactory;

namespace DeepSynth.CodeFixes.Fixes
{
    /// <summary>
    /// DSYN001: labels the published value at the publish point: text with IAigcTextLabeler.Label, a text stream with
    /// LabelStream, file bytes with IAigcFileLabeler (visible label plus AIGC metadata). Tokens streamed one by one in a
    /// loop get the label notice published once before the loop instead of a label on every token.
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(AddAigcLabelFixProvider)), Shared]
    public sealed class AddAigcLabelFixProvider : ComplianceCodeFixProvider
    {
        public AddAigcLabelFixProvider()
            : base("DSYN001", new FixVariant("DSYN001.Label", "Add the AI-generated label (添加显式标识)"))
        {
        }

        /// <summary>Fix All also labels, in the service's file, the DTOs a service fills in and a controller publishes whole.</summary>
        public override FixAllProvider GetFixAllProvider() => new ServiceLabelFixAllProvider(PerDocumentFixAll);

        internal override bool Apply(FixSession session, SyntaxNode node, Diagnostic diagnostic, FixVariant variant, CancellationToken cancellationToken)
        {
            // An object whose texts went in elsewhere (a DTO a service built) is labeled where they went in, not here.
            var found = PublishedContent.Find(node, session.Model, diagnostic);
            var contents = found.Where(c => c.Shape != ContentShape.TextHolder).ToList();
            var textLists = found.Where(c => IsTextList(c, session)).ToList();
            if (contents.Count == 0 && textLists.Count == 0)
            {
                // An object read back from a store: its texts went in in another request; the members that hold them are labeled here.
                return StoredMemberLabels.Apply(session, node, found.Where(c => c.Shape == ContentShape.TextHolder).ToList(), diagnostic);
            }

            foreach (var list in textLists)
            {
                // A list of generated texts made where its texts are not in view (a service's "SuggestAsync", a stored
                // document's "Hashtags"): each element is labeled where the list is published, keeping the list's type.
                session.AddUsing("System.Linq");
                var terminal = TextList.Rewrite(list.Expression, session.Model)!;
                session.Replace(list.Expression, TextList.LabelEach(list.Expression.WithoutTrivia(), session.Service(ComplianceService.TextLabeler), terminal));
            }

            if (contents.Count == 0)
            {
                return true;
            }

            if (contents.All(c => c.Shape == ContentShape.Text) && StreamingLoop(node, session) is { } loop)
            {
                var statement = session.Scope.StatementContaining(node)!;
                if (!contents.All(c => statement.Span.Contains(c.Expression.Span)))
                {
                    // The text went in before the send. A loop over a collection, or one that sends each pass to a place the
                    // pass chooses ("Clients.Group(matter.Id)"), sends a whole message each pass, labeled where its text went
                    // in. A loop over a stream sent through one channel ("var frame = Encoding.UTF8.GetBytes(update.Text)"
                    // in "await foreach") sends tokens: the send cannot carry the notice instead, and a label on each
                    // token would not be a label. No fix.
                    if (IsTokenLoop(loop) && !TargetDependsOnTheLoop(loop, node, session))
                    {
                        return false;
                    }
                }
                else if (!DependsOnTheLoop(loop, statement, contents, session))
                {
                    return PublishNoticeBefore(loop, node, contents, session);
                }
            }

            foreach (var content in contents)
            {
                var expression = content.Expression;
                switch (content.Shape)
                {
                    case ContentShape.Text:
                        session.Replace(expression, Call(session.Service(ComplianceService.TextLabeler), "Label", expression.WithoutTrivia()));
                        break;
                    case ContentShape.TextStream:
                        var token = session.CancellationToken();
                        session.Replace(expression, token == null
                            ? Call(session.Service(ComplianceService.TextLabeler), "LabelStream", expression.WithoutTrivia())
                            : Call(session.Service(ComplianceService.TextLabeler), "LabelStream", expression.WithoutTrivia(), token));
                        break;
                    case ContentShape.Bytes:
                        var request = ParseExpression("new FileLabelRequest { AddExplicitLabel = true }");
                        session.Replace(expression, Call(session.Service(ComplianceService.FileLabeler), "Label", expression.WithoutTrivia(), request));
                        break;
                }
            }

            return true;
        }

        /// <summary>
        /// A list of texts the analyzer said carries generated content, published as it is (not a task, not already labeled),
        /// whose element labels keep a type its place accepts.
        /// </summary>
        private static bool IsTextList(ContentExpression content, FixSession session) =>
            content.Shape == ContentShape.TextHolder && !content.IsTask && content.Anchor is not VariableDeclaratorSyntax &&
            TextList.Rewrite(content.Expression, session.Model) != null && !TextList.IsLabeled(content.Expression, session.Model);

        /// <summary>The loop around a publish point that sends tokens one by one (a SignalR send, a response write, a yield).</summary>
        private static StatementSyntax? StreamingLoop(SyntaxNode node, FixSession session)
        {
            var statement = session.Scope.StatementContaining(node);
            if (statement is not ExpressionStatementSyntax && statement is not YieldStatementSyntax)
            {
                return null;
            }

            return statement.Ancestors()
                .TakeWhile(a => !ReferenceEquals(a, session.Scope.StatementFunction))
                .OfType<StatementSyntax>()
                .FirstOrDefault(a => a is ForEachStatementSyntax || a is WhileStatementSyntax || a is ForStatementSyntax);
        }

        /// <summary>
        /// True when the publish call, apart from its content, uses what the loop declares ("Clients.Group(subject)" inside
        /// "foreach (var subject in ...)"): each pass publishes somewhere else, so there is no one place for a notice before
        /// the loop, and each text is labeled instead.
        /// </summary>
        private static bool DependsOnTheLoop(StatementSyntax loop, StatementSyntax statement, IReadOnlyList<ContentExpression> contents, FixSession session)
        {
            foreach (var name in statement.DescendantNodes().OfType<IdentifierNameSyntax>())
            {
                if (contents.Any(c => c.Expression.Span.Contains(name.Span)))
                {
                    continue;
                }

                if (DeclaredInLoop(name, loop, session))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>"await foreach" over a stream, or a loop reading until the stream ends ("while (await reader.WaitToReadAsync())").</summary>
        private static bool IsTokenLoop(StatementSyntax loop) =>
            loop is ForEachStatementSyntax { AwaitKeyword.RawKind: not 0 } || loop is WhileStatementSyntax || loop is DoStatementSyntax;

        /// <summary>True when the receiver of the publish call ("hub.Clients.Group(matter.Id)") uses a local the loop declares.</summary>
        private static bool TargetDependsOnTheLoop(StatementSyntax loop, SyntaxNode node, FixSession session)
        {
            var call = node.AncestorsAndSelf().OfType<InvocationExpressionSyntax>().FirstOrDefault();
            if (!(call?.Expression is MemberAccessExpressionSyntax { Expression: var receiver }))
            {
                return false;
            }

            return receiver.DescendantNodesAndSelf().OfType<IdentifierNameSyntax>().Any(name => DeclaredInLoop(name, loop, session));
        }

        /// <summary>Whether the name is a local the loop declares (its variable, or a local of its body).</summary>
        private static bool DeclaredInLoop(IdentifierNameSyntax name, StatementSyntax loop, FixSession session) =>
            session.Model.GetSymbolInfo(name).Symbol is ILocalSymbol local &&
            local.DeclaringSyntaxReferences.Any(r => r.SyntaxTree == loop.SyntaxTree && loop.Span.Contains(r.Span));

        /// <summary>Publishes the label notice through the same call, once, before the loop (GB 45438 allows a notice for text).</summary>
        private static bool PublishNoticeBefore(StatementSyntax loop, SyntaxNode node, IReadOnlyList<ContentExpression> contents, FixSession session)
        {
            var statement = session.Scope.StatementContaining(node)!;
            var notice = MemberAccessExpression(Microsoft.CodeAnalysis.CSharp.SyntaxKind.SimpleMemberAccessExpression,
                session.Service(ComplianceService.TextLabeler), IdentifierName("Notice"));
            var first = contents[0].Expression;
            var copy = statement.ReplaceNodes(contents.Select(c => c.Expression), (original, _) => ReferenceEquals(original, first) ? notice : original);
            if (contents.Count > 1)
            {
                return false;
            }

            var awaits = copy.DescendantNodes().OfType<AwaitExpressionSyntax>().Any();
            return session.InsertBefore(loop, new[] { copy.WithoutLeadingTrivia() }, awaits);
        }

        internal static InvocationExpressionSyntax Call(ExpressionSyntax target, string method, params ExpressionSyntax[] arguments) =>
            InvocationExpression(
                MemberAccessExpression(Microsoft.CodeAnalysis.CSharp.SyntaxKind.SimpleMemberAccessExpression, target, IdentifierName(method)),
                ArgumentList(SeparatedList(arguments.Select(Argument))));
    }
}
