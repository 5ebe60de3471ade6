using System.Collections.Generic;
using System.Linq;
using DeepSynth.Analyzers.Rules;
using DeepSynth.CodeFixes.Fixes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using static Microsoft.CodeAnalysis.CSharp.SyntaxFactory;

namespace DeepSynth.CodeFixes.Infrastructure
{
    /// <summary>
    /// The label of an object read back from a store (a saved draft, a cached page, an entity) and published whole: the
    /// analyzer names the members that hold its generated content (<see cref="FlowDiagnostics.StoredMembersProperty"/>),
    /// and only those are labeled. A record is copied with the labeled members (<c>draft with { Text = label.Label(draft.Text) }</c>,
    /// a list element by element), so the stored object is not touched; a class's settable members are labeled in place
    /// before the publish, which repeated reads cannot label twice (the labeler leaves labeled text as it is).
    /// </summary>
    internal static class StoredMemberLabels
    {
        public static bool Apply(FixSession session, SyntaxNode node, IReadOnlyList<ContentExpression> holders, Diagnostic diagnostic)
        {
            if (!diagnostic.Properties.TryGetValue(FlowDiagnostics.StoredMembersProperty, out var value) || string.IsNullOrEmpty(value) || holders.Count != 1)
            {
                return false;
            }

            if (holders[0].IsTask)
            {
                return false;
            }

            // "ToDto(draft)", "drafts.Select(ToDto)": the object mapped holds the stored members, not the DTO it becomes.
            var holder = holders[0].Expression;
            var names = value!.Split(',');
            var anchor = node;
            if (!HasMembers(session, holder, names) && holder is IdentifierNameSyntax &&
                session.Model.GetSymbolInfo(holder).Symbol is ILocalSymbol { DeclaringSyntaxReferences.Length: 1 } local &&
                local.DeclaringSyntaxReferences[0].GetSyntax() is VariableDeclaratorSyntax { Initializer.Value: InvocationExpressionSyntax initializer })
            {
                // "var content = Summary.Of(note);" (the review fix names the mapped object): label what it maps, before it.
                holder = initializer;
                anchor = initializer;
            }

            if (!HasMembers(session, holder, names) && holder is InvocationExpressionSyntax mapping)
            {
                var mapped = mapping.ArgumentList.Arguments.Select(a => a.Expression)
                    .Concat(mapping.Expression is MemberAccessExpressionSyntax { Expression: var receiver } ? new[] { receiver } : System.Array.Empty<ExpressionSyntax>())
                    .FirstOrDefault(e => IsRepeatable(e) && HasMembers(session, e, names));
                if (mapped == null)
                {
                    return false;
                }

                holder = mapped;
            }

            return Label(session, anchor, holder, names);
        }

        private static bool HasMembers(FixSession session, ExpressionSyntax expression, string[] names) =>
            session.Model.GetTypeInfo(expression).Type is INamedTypeSymbol type &&
            (ElementType(type, session.Model.Compilation) ?? type) is var target && names.All(name => TextProperty(target, name) != null);

        private static bool Label(FixSession session, SyntaxNode node, ExpressionSyntax holder, string[] names)
        {
            if (!(session.Model.GetTypeInfo(holder).Type is INamedTypeSymbol type))
            {
                return false;
            }

            var element = ElementType(type, session.Model.Compilation);
            var target = element ?? type;
            var members = names.Select(name => TextProperty(target, name)).ToList();
            if (members.Count == 0 || members.Any(m => m == null))
            {
                return false;
            }

            // A copy of a single object names it twice, a label in place names it again after the labels: only a name
            // or a chain of names can be; a list of records is copied in one pass over whatever yields it.
            if (!(target.IsRecord && element != null) && !IsRepeatable(holder))
            {
                return false;
            }

            var labeler = session.Service(ComplianceService.TextLabeler);
            if (members.Any(m => TextList.TerminalFor(m!.Type) != null))
            {
                session.AddUsing("System.Linq");
            }

            if (target.IsRecord && members.All(m => m!.SetMethod != null))
            {
                if (element == null)
                {
                    session.Replace(holder, WithLabels(holder.WithoutTrivia(), members!, labeler));
                    return true;
                }

                session.AddUsing("System.Linq");
                var item = IdentifierName(session.UniqueName("stored"));
                var copy = WithLabels(item, members!, labeler);
                session.Replace(holder, ParseExpression($"{holder.WithoutTrivia()}.Select({item} => {copy}).ToList()"));
                return true;
            }

            // A class's members are labeled in place, one object: the elements of a list labeled in a loop are not seen
            // labeled by the analyzer (the loop variable is no alias of the list's elements), so no fix is offered for them.
            if (element == null && members.All(m => m!.SetMethod is { IsInitOnly: false, DeclaredAccessibility: Accessibility.Public }))
            {
                var name = holder.WithoutTrivia().ToString();
                var statements = members.Select(m => ParseStatement(Assignment(name, m!, labeler)).WithLeadingTrivia(ElasticMarker).WithTrailingTrivia(ElasticCarriageReturnLineFeed)).ToList();
                return session.InsertBefore(node, statements, awaits: false);
            }

            return false;
        }

        /// <summary>A name or a chain of names (<c>draft</c>, <c>page.Summary</c>): safe to write twice.</summary>
        private static bool IsRepeatable(ExpressionSyntax expression) => expression switch
        {
            IdentifierNameSyntax _ => true,
            MemberAccessExpressionSyntax { Expression: var inner } => IsRepeatable(inner),
            _ => false,
        };

        /// <summary>The element type of a list, array or other enumerable (not a string), or null.</summary>
        private static INamedTypeSymbol? ElementType(INamedTypeSymbol type, Compilation compilation)
        {
            if (type.SpecialType == SpecialType.System_String)
            {
                return null;
            }

            var enumerable = compilation.GetSpecialType(SpecialType.System_Collections_Generic_IEnumerable_T);
            var implemented = SymbolEqualityComparer.Default.Equals(type.OriginalDefinition, enumerable)
                ? type
                : type.AllInterfaces.FirstOrDefault(i => SymbolEqualityComparer.Default.Equals(i.OriginalDefinition, enumerable));
            return implemented?.TypeArguments[0] as INamedTypeSymbol;
        }

        private static IPropertySymbol? TextProperty(INamedTypeSymbol type, string name)
        {
            for (var current = type; current != null; current = current.BaseType)
            {
                // A text, or a list of texts ("Hashtags"), labeled element by element.
                if (current.GetMembers(name).OfType<IPropertySymbol>().FirstOrDefault(p => !p.IsStatic && (p.Type.SpecialType == SpecialType.System_String || TextList.TerminalFor(p.Type) != null)) is { } property)
                {
                    return property;
                }
            }

            return null;
        }

        /// <summary><c>x with { Text = label.Label(x.Text) }</c>; a nullable member keeps its null.</summary>
        private static ExpressionSyntax WithLabels(ExpressionSyntax source, IReadOnlyList<IPropertySymbol> members, ExpressionSyntax labeler)
        {
            var initializers = members.Select(m => $"{m.Name} = {Labeled($"{source}.{m.Name}", m, labeler)}");
            return ParseExpression($"{source} with {{ {string.Join(", ", initializers)} }}");
        }

        private static string Assignment(string owner, IPropertySymbol member, ExpressionSyntax labeler) =>
            $"{owner}.{member.Name} = {Labeled($"{owner}.{member.Name}", member, labeler)};";

        private static string Labeled(string read, IPropertySymbol member, ExpressionSyntax labeler)
        {
            var labeled = TextList.TerminalFor(member.Type) is { } terminal ? $"{read}.Select({labeler}.Label).{terminal}()" : $"{labeler}.Label({read})";
            return member.NullableAnnotation == NullableAnnotation.Annotated ? $"{read} is null ? null : {labeled}" : labeled;
        }
    }
}
