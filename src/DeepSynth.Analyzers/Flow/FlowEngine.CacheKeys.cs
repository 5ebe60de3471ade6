using System;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace DeepSynth.Analyzers.Flow
{
    /// <summary>
    /// Keys of a keyed cache told apart by their constant prefix (<c>$"push:{sku}"</c> and <c>"faq:" + sku</c>): a write
    /// holds its content under the prefix of its key, and a read sees what was written under a prefix that begins its own
    /// (or that its own begins). A key whose text starts with no constant (a parameter, a computed string) may be any
    /// key: written so, it is seen by every read, and read so, it sees every write. The bound stays one store per cache
    /// type; the prefix only narrows which writes a read joins.
    /// </summary>
    internal sealed partial class FlowEngine
    {
        private const int MaxKeyDepth = 3;

        /// <summary>Marks a stored piece's member with the key prefix it was written under: "\u0001key:prefix\u0001member".</summary>
        private const string KeyTag = "\u0001key:";

        /// <summary>The constant text a cache call's key begins with, or null when it begins with none.</summary>
        public string? KeyPrefix(IInvocationOperation invocation, CancellationToken cancellationToken)
        {
            var key = invocation.Arguments.FirstOrDefault(a => a.Parameter?.Name == "key")?.Value;
            return key == null ? null : PrefixOf(key, 0, cancellationToken) is { Length: > 0 } prefix ? prefix : null;
        }

        /// <summary>Content written under a key prefix: each piece's member names the prefix (restored on reading).</summary>
        public static ContentValue UnderKey(ContentValue stored, string? prefix) =>
            prefix == null ? stored : stored.Map(p => ContentValue.Of(StoredWhole(p) is var whole &&
                whole.Origin.Member is { } member && whole.Origin.Parent != null ? new Piece(whole.Origin.RenamedStore(KeyTag + prefix + "\u0001" + member), whole.Facts)
                : whole.Origin.Member == null ? new Piece(whole.Origin.StoredIn(KeyTag + prefix + "\u0001"), whole.Facts)
                : whole));

        /// <summary>A parameter's member read is stored as the whole parameter (see <see cref="Origin.WithoutMemberRead"/>).</summary>
        internal static Piece StoredWhole(Piece piece) => piece.Origin.IsMemberRead ? new Piece(piece.Origin.WithoutMemberRead, piece.Facts) : piece;

        /// <summary>What a read under <paramref name="prefix"/> sees of the cache's content: pieces written under a compatible key, untagged.</summary>
        public static ContentValue ReadUnderKey(ContentValue cached, string? prefix) =>
            cached.Map(p =>
            {
                if (p.Origin.Member is not { } member || !member.StartsWith(KeyTag, StringComparison.Ordinal) || p.Origin.Parent == null)
                {
                    return ContentValue.Of(p);
                }

                var end = member.IndexOf('\u0001', KeyTag.Length);
                var written = member.Substring(KeyTag.Length, end - KeyTag.Length);
                if (prefix != null && !written.StartsWith(prefix, StringComparison.Ordinal) && !prefix.StartsWith(written, StringComparison.Ordinal))
                {
                    return ContentValue.Empty;
                }

                var inner = member.Substring(end + 1);
                return ContentValue.Of(new Piece(inner.Length == 0 ? p.Origin.Parent : p.Origin.RenamedStore(inner), p.Facts));
            });

        private string? PrefixOf(IOperation? operation, int depth, CancellationToken cancellationToken)
        {
            operation = Models.Written(operation, cancellationToken);
            if (operation == null || depth > MaxKeyDepth)
            {
                return null;
            }

            if (operation.ConstantValue is { HasValue: true, Value: string constant })
            {
                return constant;
            }

            switch (operation)
            {
                case IInterpolatedStringOperation interpolated:
                    // $"push:{sku}:{lang}": the text before the first hole.
                    return string.Concat(interpolated.Parts.TakeWhile(part => part is IInterpolatedStringTextOperation)
                        .Select(part => ((IInterpolatedStringTextOperation)part).Text.ConstantValue.Value as string));
                case IBinaryOperation { OperatorKind: BinaryOperatorKind.Add } binary:
                    var left = PrefixOf(binary.LeftOperand, depth + 1, cancellationToken);
                    return left != null && binary.LeftOperand.ConstantValue.HasValue ? left + PrefixOf(binary.RightOperand, depth + 1, cancellationToken) : left;
                case IInvocationOperation call when call.TargetMethod.DeclaringSyntaxReferences.Length == 1:
                    // PushKey(sku) => $"push:{sku}": the prefix of what a key helper declared here returns.
                    return ReturnedExpression(call.TargetMethod, cancellationToken) is { } returned &&
                           Models.GetModel(returned.SyntaxTree)?.GetOperation(returned, cancellationToken) is { } value
                        ? PrefixOf(value, depth + 1, cancellationToken)
                        : null;
                default:
                    return null;
            }
        }

        /// <summary>The one expression a method returns: its expression body, or a body that is a single return statement.</summary>
        private static ExpressionSyntax? ReturnedExpression(IMethodSymbol method, CancellationToken cancellationToken) =>
            method.DeclaringSyntaxReferences[0].GetSyntax(cancellationToken) switch
            {
                MethodDeclarationSyntax { ExpressionBody: { } arrow } => arrow.Expression,
                MethodDeclarationSyntax { Body.Statements: { Count: 1 } statements } when statements[0] is ReturnStatementSyntax { Expression: { } returned } => returned,
                LocalFunctionStatementSyntax { ExpressionBody: { } arrow } => arrow.Expression,
                _ => null,
            };
    }
}
