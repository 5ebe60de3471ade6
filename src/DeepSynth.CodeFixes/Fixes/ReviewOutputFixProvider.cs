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
    /// DSYN003: reviews the generated text before it is published with IContentReviewer.EnsureAllowedAsync, which throws
    /// ContentBlockedException on a blocked verdict, so blocked content never reaches the publish point.
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(ReviewOutputFixProvider)), Shared]
    public sealed class ReviewOutputFixProvider : ComplianceCodeFixProvider
    {
        public ReviewOutputFixProvider()
            : base("DSYN003", new FixVariant("DSYN003.Review", "Review the output before it is published (发布前审核输出)"))
        {
        }

        internal override bool Apply(FixSession session, SyntaxNode node, Diagnostic diagnostic, FixVariant variant, CancellationToken cancellationToken)
        {
            var contents = PublishedContent.Find(node, session.Model, diagnostic);
            if (contents.Count == 0)
            {
                return false;
            }

            var statements = new List<(SyntaxNode Anchor, StatementSyntax Statement)>();
            foreach (var content in contents)
            {
                if (content.Shape == ContentShape.TextStream)
                {
                    // A stream is reviewed as it flows: sentence by sentence, ending the stream on a blocked verdict.
                    session.Replace(content.Expression, StreamCall(session, ComplianceService.Reviewer, "ReviewStream", content.Expression, ParseExpression("ReviewStage.Output")));
                    continue;
                }

                if (content.Shape == ContentShape.TextHolder)
                {
                    var holder = HolderName(session, content, "content", statements);
                    statements.Add((content.Anchor, AllTextReviewStatement(session, holder, "Output")));
                    continue;
                }

                statements.Add((content.Anchor, content.Shape == ContentShape.Bytes
                    ? MediaReviewStatement(session, content.Expression, MediaType(node, diagnostic), out var replacement)
                    : ReviewStatement(session, content.Expression, "Output", "reviewed", out replacement)));
                if (replacement != null)
                {
                    session.Replace(content.Expression, replacement);
                }
            }

            return statements.Count == 0 || session.InsertBefore(statements, awaits: true);
        }

        /// <summary>
        /// The object to review or record by name: itself when it is a name or member read, else a local it is put in first
        /// ("var content = await planner.PlanAsync(...); ... Results.Ok(content)"), so it is built once.
        /// </summary>
        internal static ExpressionSyntax HolderName(FixSession session, ContentExpression content, string localName, List<(SyntaxNode Anchor, StatementSyntax Statement)> statements)
        {
            if (PublishedContent.IsPure(content.Expression) && !content.IsTask)
            {
                return content.Expression;
            }

            // A task is awaited into the local; the function becomes async (the insertion awaits), so returning the
            // object still completes its task.
            var name = session.UniqueName(localName);
            ExpressionSyntax value = content.IsTask ? AwaitExpression(content.Expression.WithoutTrivia()) : content.Expression.WithoutTrivia();
            statements.Add((content.Anchor, LocalDeclarationStatement(VariableDeclaration(IdentifierName("var"),
                SingletonSeparatedList(VariableDeclarator(name).WithInitializer(EqualsValueClause(value)))))));
            // "return await task" becomes "return content", not "return await content".
            var replaced = content.IsTask && content.Expression.Parent is AwaitExpressionSyntax awaited ? awaited : content.Expression;
            if (content.IsTask && ReferenceEquals(replaced, content.Expression))
            {
                // "=> drafts.DraftAsync(r)" becomes "{ var content = await drafts.DraftAsync(r); ... return content; }".
                session.BodyAlreadyAwaited();
            }

            session.Replace(replaced, IdentifierName(name));
            return IdentifierName(name);
        }

        /// <summary>
        /// "await review.EnsureAllTextAllowedAsync(value, ReviewStage.{stage}, token);": every text of an object or a list
        /// (a request record, a DTO a service built), reviewed as one.
        /// </summary>
        internal static StatementSyntax AllTextReviewStatement(FixSession session, ExpressionSyntax value, string stage)
        {
            var reviewer = session.Service(ComplianceService.Reviewer);
            var token = session.CancellationToken();
            var stageExpression = ParseExpression("ReviewStage." + stage);
            return ExpressionStatement(AwaitExpression(token == null
                ? AddAigcLabelFixProvider.Call(reviewer, "EnsureAllTextAllowedAsync", value.WithoutTrivia(), stageExpression)
                : AddAigcLabelFixProvider.Call(reviewer, "EnsureAllTextAllowedAsync", value.WithoutTrivia(), stageExpression, token)));
        }

        /// <summary>"service.Method(stream, extra, token)": wraps a token stream in an SDK stream step.</summary>
        internal static ExpressionSyntax StreamCall(FixSession session, ComplianceService service, string method, ExpressionSyntax stream, ExpressionSyntax extra)
        {
            var target = session.Service(service);
            var token = session.CancellationToken();
            return token == null
                ? AddAigcLabelFixProvider.Call(target, method, stream.WithoutTrivia(), extra)
                : AddAigcLabelFixProvider.Call(target, method, stream.WithoutTrivia(), extra, token);
        }

        /// <summary>Generated media goes to the media moderation adapters: "await review.EnsureMediaAllowedAsync(bytes, type, ...)".</summary>
        private static StatementSyntax MediaReviewStatement(FixSession session, ExpressionSyntax content, string mediaType, out ExpressionSyntax? replacement)
        {
            var reviewer = session.Service(ComplianceService.Reviewer);
            var token = session.CancellationToken();
            var type = LiteralExpression(Microsoft.CodeAnalysis.CSharp.SyntaxKind.StringLiteralExpression, Literal(mediaType));
            var stage = ParseExpression("ReviewStage.Output");
            var call = AwaitExpression(token == null
                ? AddAigcLabelFixProvider.Call(reviewer, "EnsureMediaAllowedAsync", content.WithoutTrivia(), type, stage)
                : AddAigcLabelFixProvider.Call(reviewer, "EnsureMediaAllowedAsync", content.WithoutTrivia(), type, stage, token));
            if (PublishedContent.IsPure(content))
            {
                replacement = null;
                return ExpressionStatement(call);
            }

            var name = session.UniqueName("reviewedMedia");
            replacement = IdentifierName(name);
            return LocalDeclarationStatement(VariableDeclaration(IdentifierName("var"), SingletonSeparatedList(VariableDeclarator(name).WithInitializer(EqualsValueClause(call)))));
        }

        /// <summary>The MIME type the publish call states ("image/png"), else one for the generated media kind.</summary>
        private static string MediaType(SyntaxNode publishPoint, Diagnostic diagnostic)
        {
            var stated = publishPoint.DescendantNodes().OfType<LiteralExpressionSyntax>()
                .Select(l => l.Token.ValueText)
                .FirstOrDefault(t => t.StartsWith("image/", System.StringComparison.Ordinal) || t.StartsWith("audio/", System.StringComparison.Ordinal) || t.StartsWith("video/", System.StringComparison.Ordinal));
            if (stated != null)
            {
                return stated;
            }

            var media = diagnostic.Properties.TryGetValue("DeepSynth.Media", out var value) ? value?.Split(',').FirstOrDefault() : null;
            return media switch
            {
                "audio" => "audio/wav",
                "video" => "video/mp4",
                _ => "image/png",
            };
        }

        /// <summary>
        /// "await review.EnsureAllowedAsync(x, ReviewStage.{stage}, token);" for a plain name or member read, else
        /// "var reviewed = await review.EnsureAllowedAsync(...);" with the expression replaced by the reviewed copy.
        /// </summary>
        internal static StatementSyntax ReviewStatement(FixSession session, ExpressionSyntax content, string stage, string localName, out ExpressionSyntax? replacement)
        {
            var reviewer = session.Service(ComplianceService.Reviewer);
            var token = session.CancellationToken();
            var stageExpression = ParseExpression("ReviewStage." + stage);
            var call = AwaitExpression(token == null
                ? AddAigcLabelFixProvider.Call(reviewer, "EnsureAllowedAsync", content.WithoutTrivia(), stageExpression)
                : AddAigcLabelFixProvider.Call(reviewer, "EnsureAllowedAsync", content.WithoutTrivia(), stageExpression, token));
            if (PublishedContent.IsPure(content))
            {
                replacement = null;
                return ExpressionStatement(call);
            }

            var name = session.UniqueName(localName);
            replacement = IdentifierName(name);
            return LocalDeclarationStatement(VariableDeclaration(IdentifierName("var"), SingletonSeparatedList(VariableDeclarator(name).WithInitializer(EqualsValueClause(call)))));
        }
    }
}
