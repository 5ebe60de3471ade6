using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Formatting;
using static Microsoft.CodeAnalysis.CSharp.SyntaxFactory;

namespace DeepSynth.CodeFixes.Infrastructure
{
    /// <summary>
    /// Adds services to a class built by dependency injection: a primary-constructor parameter, or a constructor parameter
    /// with a private readonly field (a constructor is created when the class has none).
    /// </summary>
    internal static class ConstructorInjection
    {
        public static SyntaxNode Add(TypeDeclarationSyntax type, IReadOnlyList<(ComplianceService Service, string Field, string Parameter)> dependencies)
        {
            if (type is ClassDeclarationSyntax { ParameterList: { } primary } primaryClass)
            {
                var parameters = WithRequired(primary, dependencies.Select(d => Parameter(Identifier(d.Parameter)).WithType(IdentifierName(d.Service.TypeName))));
                return primaryClass.WithParameterList(parameters).WithAdditionalAnnotations(Formatter.Annotation);
            }

            var fields = dependencies.Select(d => (MemberDeclarationSyntax)FieldDeclaration(
                    VariableDeclaration(IdentifierName(d.Service.TypeName), SingletonSeparatedList(VariableDeclarator(d.Field))))
                .AddModifiers(Token(SyntaxKind.PrivateKeyword), Token(SyntaxKind.ReadOnlyKeyword))
                .WithAdditionalAnnotations(Formatter.Annotation)).ToList();

            var constructor = type.Members.OfType<ConstructorDeclarationSyntax>()
                .Where(c => !c.Modifiers.Any(SyntaxKind.StaticKeyword))
                .OrderByDescending(c => c.ParameterList.Parameters.Count)
                .FirstOrDefault();

            var assignments = dependencies.Select(d => (StatementSyntax)ExpressionStatement(AssignmentExpression(
                SyntaxKind.SimpleAssignmentExpression, IdentifierName(d.Field), IdentifierName(d.Parameter)))).ToList();
            var newParameters = dependencies.Select(d => Parameter(Identifier(d.Parameter)).WithType(IdentifierName(d.Service.TypeName)));

            TypeDeclarationSyntax updated;
            if (constructor != null)
            {
                var body = constructor.Body ?? Block(constructor.ExpressionBody == null
                    ? Enumerable.Empty<StatementSyntax>()
                    : new StatementSyntax[] { ExpressionStatement(constructor.ExpressionBody.Expression) });
                var newConstructor = constructor
                    .WithParameterList(WithRequired(constructor.ParameterList, newParameters))
                    .WithExpressionBody(null)
                    .WithSemicolonToken(default)
                    .WithBody(body.AddStatements(assignments.ToArray()))
                    .WithAdditionalAnnotations(Formatter.Annotation);
                updated = type.ReplaceNode(constructor, newConstructor);
            }
            else
            {
                var newConstructor = ConstructorDeclaration(type.Identifier.WithoutTrivia())
                    .AddModifiers(Token(SyntaxKind.PublicKeyword))
                    .WithParameterList(ParameterList(SeparatedList(newParameters)))
                    .WithBody(Block(assignments))
                    .WithAdditionalAnnotations(Formatter.Annotation);
                updated = InsertAfterFields(type, newConstructor);
            }

            return InsertFields(updated, fields);
        }

        /// <summary>
        /// The list with the new (required) parameters before the first optional or <c>params</c> one
        /// ("IChatClient chat, IAigcTextLabeler label, TimeProvider? clock = null"): after it they would not compile (CS1737).
        /// </summary>
        private static ParameterListSyntax WithRequired(ParameterListSyntax list, IEnumerable<ParameterSyntax> added)
        {
            var existing = list.Parameters;
            var at = existing.IndexOf(p => p.Default != null || p.Modifiers.Any(SyntaxKind.ParamsKeyword));
            return list.WithParameters(at < 0 ? existing.AddRange(added) : existing.InsertRange(at, added));
        }

        private static TypeDeclarationSyntax InsertFields(TypeDeclarationSyntax type, IReadOnlyList<MemberDeclarationSyntax> fields)
        {
            var lastField = type.Members.LastOrDefault(m => m is FieldDeclarationSyntax);
            var index = lastField == null ? 0 : type.Members.IndexOf(lastField) + 1;
            return type.WithMembers(type.Members.InsertRange(index, fields));
        }

        private static TypeDeclarationSyntax InsertAfterFields(TypeDeclarationSyntax type, MemberDeclarationSyntax member)
        {
            var lastField = type.Members.LastOrDefault(m => m is FieldDeclarationSyntax);
            var index = lastField == null ? 0 : type.Members.IndexOf(lastField) + 1;
            return type.WithMembers(type.Members.Insert(index, member));
        }
    }
}
