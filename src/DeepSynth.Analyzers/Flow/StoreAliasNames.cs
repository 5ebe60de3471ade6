using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace DeepSynth.Analyzers.Flow
{
    /// <summary>
    /// The syntax passes' view of locals that stand for an object a container member holds (see
    /// <c>FlowEngine.StoreAliasOf</c>): "var history = Conversations.GetOrAdd(...)" makes
    /// "history.AddAssistantMessage(answer)" a write of <c>Conversations</c> too. Names only, in document order, within one
    /// member (<see cref="Reset"/>): an over-approximation the bound engine narrows.
    /// </summary>
    internal sealed class StoreAliasNames
    {
        private Dictionary<string, string[]>? _sources;

        public void Reset() => _sources?.Clear();

        /// <summary>Notes what a node makes a local stand for.</summary>
        public void Observe(SyntaxNode node)
        {
            switch (node)
            {
                case VariableDeclaratorSyntax { Initializer.Value: var value } declarator when ReadReceiver(value) is { } receiver:
                    Add(declarator.Identifier.ValueText, receiver);
                    break;
                case VariableDeclaratorSyntax { Initializer.Value: var value } declarator when CalledThrough(value) is { } called:
                    // "var history = sessions.GetOrStart(id, ...)": any call may be a store's wrapper of an element read;
                    // filed under a key no member is named, which only a wrapper's declaration turns into its container.
                    (_sources ??= new Dictionary<string, string[]>(StringComparer.Ordinal))[declarator.Identifier.ValueText] = new[] { WrapperCallKey(called) };
                    break;
                case SingleVariableDesignationSyntax { Parent: DeclarationExpressionSyntax { Parent: ArgumentSyntax { Parent: ArgumentListSyntax { Parent: InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax access } } } } } designation
                    when ElementReads.Contains(access.Name.Identifier.ValueText):
                    Add(designation.Identifier.ValueText, access.Expression);
                    break;
                default:
                    if (StoredInto(node, out var stored) is { } container)
                    {
                        Add(stored, container);
                    }

                    break;
            }
        }

        /// <summary>
        /// The container a node puts a local into, with the local's name: "_sessions[id] = history" or a keyed add
        /// "_sessions.TryAdd(id, history)" (the object itself goes in). Null for any other node.
        /// </summary>
        public static ExpressionSyntax? StoredInto(SyntaxNode node, out string local)
        {
            switch (node)
            {
                case AssignmentExpressionSyntax { Left: ElementAccessExpressionSyntax element, Right: IdentifierNameSyntax right }:
                    local = right.Identifier.ValueText;
                    return element.Expression;
                case InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax access, ArgumentList.Arguments: { Count: 2 } arguments }
                    when Catalogue.KnownApis.MutatorMethods.Contains(access.Name.Identifier.ValueText) && arguments[1].Expression is IdentifierNameSyntax stored:
                    local = stored.Identifier.ValueText;
                    return access.Expression;
                default:
                    local = string.Empty;
                    return null;
            }
        }

        /// <summary>The container names a mutator's receiver stands for (empty unless it is such a local).</summary>
        public IEnumerable<string> NamesFor(ExpressionSyntax receiver) =>
            receiver is IdentifierNameSyntax local && _sources != null && _sources.TryGetValue(local.Identifier.ValueText, out var names) ? names : Array.Empty<string>();

        private void Add(string local, ExpressionSyntax container)
        {
            var names = SyntaxIndex.ReceiverNames(container).ToArray();
            if (names.Length > 0)
            {
                (_sources ??= new Dictionary<string, string[]>(StringComparer.Ordinal))[local] = names;
            }
        }

        /// <summary>The key mutator calls through a local taken from a call of <paramref name="method"/> are filed under ("GetOrStart()").</summary>
        public static string WrapperCallKey(string method) => method + "()";

        public static bool IsWrapperCallKey(string name) => name.EndsWith("()", StringComparison.Ordinal);

        public static string WrapperName(string key) => key.Substring(0, key.Length - 2);

        /// <summary>
        /// The receiver names of the container a return of <paramref name="declaration"/> takes its element from
        /// ("=> _sessions.GetOrAdd(id, ...)", "return history;" with history taken from or put into _sessions), or null.
        /// Returns inside lambdas and local functions are theirs, not the declaration's.
        /// </summary>
        public IEnumerable<string>? ReturnedElementOf(SyntaxNode node, SyntaxNode declaration)
        {
            var returned = node switch
            {
                ReturnStatementSyntax { Expression: { } expression } => expression,
                ArrowExpressionClauseSyntax { Expression: var expression } => expression,
                _ => null,
            };
            if (returned == null || node.Ancestors().FirstOrDefault(a => a is AnonymousFunctionExpressionSyntax || a is LocalFunctionStatementSyntax || a == declaration) != declaration)
            {
                return null;
            }

            if (ReadReceiver(returned) is { } receiver)
            {
                return SyntaxIndex.ReceiverNames(receiver);
            }

            var names = NamesFor(returned);
            return names is string[] { Length: > 0 } found && !found.Any(IsWrapperCallKey) ? found : null;
        }

        /// <summary>The method name of a call (awaited or not) that is no element read: "sessions.GetOrStart(...)".</summary>
        private static string? CalledThrough(ExpressionSyntax value)
        {
            while (value is AwaitExpressionSyntax awaited)
            {
                value = awaited.Expression;
            }

            return value is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax access } && !ElementReads.Contains(access.Name.Identifier.ValueText)
                ? access.Name.Identifier.ValueText
                : null;
        }

        /// <summary>The receiver of a read that takes an element: "x.GetOrAdd(...)", "await x.FindAsync(...)", "x[key]".</summary>
        private static ExpressionSyntax? ReadReceiver(ExpressionSyntax value)
        {
            while (value is AwaitExpressionSyntax awaited)
            {
                value = awaited.Expression;
            }

            return value switch
            {
                InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax access } when ElementReads.Contains(access.Name.Identifier.ValueText) => access.Expression,
                ElementAccessExpressionSyntax element => element.Expression,
                _ => null,
            };
        }

        /// <summary>
        /// Calls that return an element a container holds (not a copy or a projection): only these make a local stand
        /// for the container, which keeps the names the syntax passes take for stored few (each one makes the bodies
        /// that mention it candidates).
        /// </summary>
        internal static readonly HashSet<string> ElementReads = new HashSet<string>(StringComparer.Ordinal)
        {
            "GetOrAdd", "GetValueOrDefault", "TryGetValue", "GetOrCreate", "Find", "First", "FirstOrDefault", "Last", "LastOrDefault",
            "Single", "SingleOrDefault", "ElementAt", "Peek",
        };
    }
}
