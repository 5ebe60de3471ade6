using System.Collections.Concurrent;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace DeepSynth.Analyzers.Flow
{
    /// <summary>
    /// Operations of nodes in endpoint registrations (<c>app.MapHub&lt;ChatHub&gt;("/chat").RequireRealName();</c>), read while
    /// another file is analysed. <see cref="SemanticModel.GetOperation"/> binds the whole enclosing body, which for a
    /// Program.cs with hundreds of registrations costs more than the analysis that asks; in a large body each statement
    /// is bound on its own instead (a speculative model at the statement's position: the body's locals stay the same
    /// symbols, locals the statement declares are mapped back to the originals).
    /// </summary>
    internal sealed class StatementOperations
    {
        /// <summary>Bodies with more statements than this are bound statement by statement.</summary>
        private const int LargeBody = 12;

        private readonly SemanticModelCache _models;
        private readonly ConcurrentDictionary<StatementSyntax, Speculation?> _speculations = new ConcurrentDictionary<StatementSyntax, Speculation?>();
        private readonly ConcurrentDictionary<SyntaxTree, Speculation> _byCopy = new ConcurrentDictionary<SyntaxTree, Speculation>();

        public StatementOperations(SemanticModelCache models) => _models = models;

        public IOperation? OperationOf(SyntaxNode node, CancellationToken cancellationToken)
        {
            var model = _models.GetModel(node.SyntaxTree);
            if (model == null)
            {
                return null;
            }

            var statement = EnclosingStatement(node);
            if (statement == null || !InLargeBody(statement))
            {
                return model.GetOperation(node, cancellationToken);
            }

            var speculation = _speculations.GetOrAdd(statement, s => Speculate(model, s));
            var copy = speculation?.Find(node);
            return copy == null ? model.GetOperation(node, cancellationToken) : speculation!.Model.GetOperation(copy, cancellationToken) ?? model.GetOperation(node, cancellationToken);
        }

        /// <summary>A local as the real body knows it (a local declared by a speculated statement is a copy).</summary>
        public ILocalSymbol Original(ILocalSymbol local, CancellationToken cancellationToken)
        {
            var declaration = local.DeclaringSyntaxReferences.FirstOrDefault();
            if (declaration == null || !_byCopy.TryGetValue(declaration.SyntaxTree, out var speculation))
            {
                return local;
            }

            var original = speculation.FindOriginal(declaration.GetSyntax(cancellationToken));
            return original != null && _models.GetModel(original.SyntaxTree)?.GetDeclaredSymbol(original, cancellationToken) is ILocalSymbol found ? found : local;
        }

        private static StatementSyntax? EnclosingStatement(SyntaxNode node)
        {
            foreach (var ancestor in node.AncestorsAndSelf())
            {
                if (ancestor is StatementSyntax statement && (statement.Parent is BlockSyntax || statement.Parent is GlobalStatementSyntax))
                {
                    return statement;
                }

                if (ancestor is MemberDeclarationSyntax && !(ancestor is GlobalStatementSyntax))
                {
                    return null;
                }
            }

            return null;
        }

        private static bool InLargeBody(StatementSyntax statement) => statement.Parent switch
        {
            GlobalStatementSyntax global => global.Parent is CompilationUnitSyntax unit && unit.Members.Count > LargeBody,
            BlockSyntax block => block.Statements.Count > LargeBody,
            _ => false,
        };

        private Speculation? Speculate(SemanticModel model, StatementSyntax statement)
        {
            var text = statement.ToFullString();
            var copy = SyntaxFactory.ParseStatement(text, 0, statement.SyntaxTree.Options as CSharpParseOptions);
            if (copy.ContainsDiagnostics || !model.TryGetSpeculativeSemanticModel(statement.SpanStart, copy, out var speculative))
            {
                return null;
            }

            var speculation = new Speculation(statement, copy, speculative);
            _byCopy.TryAdd(copy.SyntaxTree, speculation);
            return speculation;
        }

        private sealed class Speculation
        {
            private readonly StatementSyntax _original;
            private readonly StatementSyntax _copy;

            public Speculation(StatementSyntax original, StatementSyntax copy, SemanticModel model)
            {
                _original = original;
                _copy = copy;
                Model = model;
            }

            public SemanticModel Model { get; }

            public SyntaxNode? Find(SyntaxNode originalNode) =>
                Same(_copy, new TextSpan(originalNode.SpanStart - _original.FullSpan.Start, originalNode.Span.Length), originalNode.RawKind);

            public SyntaxNode? FindOriginal(SyntaxNode copyNode) =>
                Same(_original, new TextSpan(copyNode.SpanStart - _copy.FullSpan.Start + _original.FullSpan.Start, copyNode.Span.Length), copyNode.RawKind);

            private static SyntaxNode? Same(SyntaxNode root, TextSpan span, int kind)
            {
                if (!root.FullSpan.Contains(span))
                {
                    return null;
                }

                return root.FindNode(span, getInnermostNodeForTie: true).AncestorsAndSelf().FirstOrDefault(n => n.Span == span && n.RawKind == kind);
            }
        }
    }
}
