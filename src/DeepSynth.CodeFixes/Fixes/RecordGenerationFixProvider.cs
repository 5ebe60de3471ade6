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
    /// <summary>DSYN005: records the generation in the audit log (ISynthesisAuditLog.RecordAsync) between generation and publishing.</summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(RecordGenerationFixProvider)), Shared]
    public sealed class RecordGenerationFixProvider : ComplianceCodeFixProvider
    {
        public RecordGenerationFixProvider()
            : base("DSYN005", new FixVariant("DSYN005.Record", "Record the generation in the audit log (记录到审计日志)"))
        {
        }

        private const string MediaProperty = "DeepSynth.Media";

        internal override bool Apply(FixSession session, SyntaxNode node, Diagnostic diagnostic, FixVariant variant, CancellationToken cancellationToken)
        {
            var contents = PublishedContent.Find(node, session.Model, diagnostic);
            if (contents.Count == 0)
            {
                return false;
            }

            var audit = session.Service(ComplianceService.AuditLog);
            var token = session.CancellationToken();
            var statements = new List<(SyntaxNode Anchor, StatementSyntax Statement)>();
            foreach (var content in contents)
            {
                if (content.Shape == ContentShape.TextStream)
                {
                    // A stream is recorded as it flows: the whole generation once it ends (or is cut short).
                    session.Replace(content.Expression, ReviewOutputFixProvider.StreamCall(session, ComplianceService.AuditLog, "RecordStream", content.Expression, ParseExpression("new GenerationRecord()")));
                    continue;
                }

                if (content.Shape == ContentShape.TextHolder)
                {
                    // An object or list of texts built elsewhere: one record of all its texts.
                    var holder = ReviewOutputFixProvider.HolderName(session, content, "content", statements).WithoutTrivia();
                    var generation = ParseExpression("new GenerationRecord()");
                    statements.Add((content.Anchor, ExpressionStatement(AwaitExpression(token == null
                        ? AddAigcLabelFixProvider.Call(audit, "RecordAllTextAsync", holder, generation)
                        : AddAigcLabelFixProvider.Call(audit, "RecordAllTextAsync", holder, generation, token)))));
                    continue;
                }

                var recorded = content.Expression.WithoutTrivia();
                if (!PublishedContent.IsPure(content.Expression))
                {
                    var name = session.UniqueName("content");
                    statements.Add((content.Anchor, LocalDeclarationStatement(VariableDeclaration(IdentifierName("var"),
                        SingletonSeparatedList(VariableDeclarator(name).WithInitializer(EqualsValueClause(recorded)))))));
                    recorded = IdentifierName(name);
                    session.Replace(content.Expression, recorded);
                }

                var record = ParseExpression(content.Shape == ContentShape.Bytes
                    ? "new GenerationRecord { Kind = GeneratedMediaKind." + MediaKind(diagnostic) + " }"
                    : "new GenerationRecord()");
                if (content.Shape == ContentShape.Bytes)
                {
                    session.AddUsing("DeepSynth.Compliance");
                }

                var call = token == null
                    ? AddAigcLabelFixProvider.Call(audit, "RecordAsync", recorded, record)
                    : AddAigcLabelFixProvider.Call(audit, "RecordAsync", recorded, record, token);
                statements.Add((content.Anchor, ExpressionStatement(AwaitExpression(call))));
            }

            return statements.Count == 0 || session.InsertBefore(statements, awaits: true);
        }

        private static string MediaKind(Diagnostic diagnostic)
        {
            var media = diagnostic.Properties.TryGetValue(MediaProperty, out var value) ? value?.Split(',').FirstOrDefault() : null;
            return media switch
            {
                "audio" => "Audio",
                "video" => "Video",
                _ => "Image",
            };
        }
    }
}
