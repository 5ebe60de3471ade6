using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using static Microsoft.CodeAnalysis.CSharp.SyntaxFactory;

namespace DeepSynth.CodeFixes.Infrastructure
{
    /// <summary>
    /// Positions whose member name C# infers from the expression: an anonymous-object member ("new { answer }") and a tuple
    /// element ("(answer, 1)"). Replacing the expression there must state the name, or the code breaks (CS0746) or the
    /// member is renamed (the JSON field "answer" would vanish).
    /// </summary>
    internal static class MemberNames
    {
        /// <summary>The node to replace for <paramref name="original"/> and its replacement with the inferred name kept.</summary>
        public static (SyntaxNode Original, SyntaxNode Replacement) KeepInferredName(SyntaxNode original, SyntaxNode replacement)
        {
            if (original is not ExpressionSyntax expression || replacement is not ExpressionSyntax newExpression || InferredName(expression) is not { } name)
            {
                return (original, replacement);
            }

            switch (expression.Parent)
            {
                case AnonymousObjectMemberDeclaratorSyntax { NameEquals: null } member:
                    return (member, member.WithNameEquals(NameEquals(IdentifierName(name))).WithExpression(newExpression.WithTriviaFrom(expression)));
                case ArgumentSyntax { NameColon: null, Parent: TupleExpressionSyntax } element:
                    return (element, element.WithNameColon(NameColon(IdentifierName(name))).WithExpression(newExpression.WithTriviaFrom(expression)));
                default:
                    return (original, replacement);
            }
        }

        /// <summary>The name C# infers for a member from its expression: a simple name or the last name of a member access.</summary>
        private static string? InferredName(ExpressionSyntax expression) => expression switch
        {
            IdentifierNameSyntax identifier => identifier.Identifier.ValueText,
            MemberAccessExpressionSyntax access => access.Name.Identifier.ValueText,
            ConditionalAccessExpressionSyntax { WhenNotNull: var whenNotNull } => InferredName(whenNotNull),
            MemberBindingExpressionSyntax binding => binding.Name.Identifier.ValueText,
            _ => null,
        };
    }
}
