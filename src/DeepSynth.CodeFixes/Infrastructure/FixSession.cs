using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;
using Microsoft.CodeAnalysis.Formatting;
using Microsoft.CodeAnalysis.Simplification;
using static Microsoft.CodeAnalysis.CSharp.SyntaxFactory;

namespace DeepSynth.CodeFixes.Infrastructure
{
    /// <summary>
    /// One fix applied to one document: finds where services come from and where statements go for a finding, collects
    /// the edits (services to inject, statements to insert, expressions to replace, async to add) and applies them together,
    /// so that several edits to the same handler or class compose. A fix that cannot be made safely is never offered.
    /// </summary>
    internal sealed partial class FixSession
    {
        private readonly DocumentEditor _editor;
        private readonly FixScope _scope;
        private readonly HashSet<string> _usings = new HashSet<string>();
        private readonly Dictionary<StatementSyntax, List<StatementSyntax>> _insertions = new Dictionary<StatementSyntax, List<StatementSyntax>>();
        private readonly List<StatementSyntax> _bodyInsertions = new List<StatementSyntax>();

        /// <summary>Statements for the true branch of an expression body "found is { } x ? Results.Ok(x) : ..." (see <see cref="GuardingConditional"/>).</summary>
        private readonly List<StatementSyntax> _guardedBodyInsertions = new List<StatementSyntax>();

        /// <summary>The same for "return found is { } x ? Results.Ok(x) : ...;".</summary>
        private readonly Dictionary<ReturnStatementSyntax, List<StatementSyntax>> _guardedReturns = new Dictionary<ReturnStatementSyntax, List<StatementSyntax>>();
        private readonly Dictionary<string, ExpressionSyntax> _services = new Dictionary<string, ExpressionSyntax>();
        private readonly List<ParameterSyntax> _newParameters = new List<ParameterSyntax>();
        private readonly List<string> _newParameterTypes = new List<string>();
        private readonly List<(ComplianceService Service, string Field, string Parameter)> _newDependencies = new List<(ComplianceService, string, string)>();
        private readonly HashSet<string> _takenNames;
        private ExpressionSyntax? _cancellationToken;
        private bool _needsAsync;

        private FixSession(DocumentEditor editor, FixScope scope)
        {
            _editor = editor;
            _scope = scope;
            _takenNames = new HashSet<string>(scope.NamesInScope(editor.SemanticModel));
        }

        public SemanticModel Model => _editor.SemanticModel;

        public FixScope Scope => _scope;

        /// <summary>Starts a fix for the finding at <paramref name="node"/>, or null when its surroundings cannot be changed safely.</summary>
        public static async Task<FixSession?> CreateAsync(Document document, SyntaxNode node, CancellationToken cancellationToken)
        {
            var editor = await DocumentEditor.CreateAsync(document, cancellationToken).ConfigureAwait(false);
            var scope = await FixScope.FindAsync(document, editor.SemanticModel, node, cancellationToken).ConfigureAwait(false);
            return scope == null ? null : new FixSession(editor, scope);
        }

        /// <summary>True once <see cref="Service"/> named a service that nothing here can inject (no type to take it through its constructor).</summary>
        public bool NamesUnreachableService { get; private set; }

        /// <summary>An expression that reaches the service here, injecting it the way the surrounding code gets its services.</summary>
        public ExpressionSyntax Service(ComplianceService service)
        {
            if (_services.TryGetValue(service.MetadataName, out var known))
            {
                return known;
            }

            AddUsing(service.Namespace);
            var existing = _scope.ExistingService(Model, service.MetadataName);
            ExpressionSyntax access;
            if (existing != null)
            {
                access = IdentifierName(existing);
            }
            else if (TakesParameters)
            {
                access = NewParameter(service.VariableName, service.TypeName, service.MetadataName);
            }
            else if (_scope.Kind == FunctionKind.Middleware && _scope.HttpContextName != null)
            {
                AddUsing("Microsoft.Extensions.DependencyInjection");
                access = ParseExpression($"{_scope.HttpContextName}.RequestServices.GetRequiredService<{service.TypeName}>()");
            }
            else
            {
                NamesUnreachableService |= _scope.Type == null;
                var parameter = _scope.HasPrimaryConstructor ? UniqueName(service.VariableName) : service.VariableName;
                var field = _scope.HasPrimaryConstructor ? parameter : UniqueName("_" + service.VariableName);
                _newDependencies.Add((service, field, parameter));
                access = IdentifierName(field);
            }

            _services[service.MetadataName] = access;
            return access;
        }

        /// <summary>The request's cancellation token here, added as a handler parameter when a handler has none.</summary>
        public ExpressionSyntax? CancellationToken()
        {
            if (_cancellationToken != null)
            {
                return _cancellationToken;
            }

            _cancellationToken = _scope.ExistingCancellationToken(Model);
            if (_cancellationToken == null && TakesParameters)
            {
                AddUsing("System.Threading");
                _cancellationToken = NewParameter("cancellationToken", "CancellationToken", "System.Threading.CancellationToken");
            }

            return _cancellationToken;
        }

        /// <summary>The current user (User, Context.User!, a ClaimsPrincipal parameter), or null when there is none to reach.</summary>
        public ExpressionSyntax? CurrentUser()
        {
            var user = _scope.ExistingUser(Model);
            if (user == null && TakesParameters)
            {
                AddUsing("System.Security.Claims");
                user = NewParameter("user", "ClaimsPrincipal", "System.Security.Claims.ClaimsPrincipal");
            }

            return user;
        }

        public void AddUsing(string @namespace) => _usings.Add(@namespace);

        /// <summary>
        /// The function's task-returning expression body was replaced by what its task completes with (a local awaited
        /// before it): when the function becomes async, that body is returned as it is, not awaited again.
        /// </summary>
        public void BodyAlreadyAwaited() => _bodyAlreadyAwaited = true;

        private bool _bodyAlreadyAwaited;

        /// <summary>Replaces a node with a function of its current form, so that edits inside it are kept.</summary>
        public void Replace(SyntaxNode original, System.Func<SyntaxNode, SyntaxNode> replacement) =>
            _editor.ReplaceNode(original, (current, _) => replacement(current).WithAdditionalAnnotations(Formatter.Annotation));

        public void AddAttribute(SyntaxNode declaration, string attributeName, string @namespace)
        {
            AddUsing(@namespace);
            _editor.AddAttribute(declaration, Attribute(IdentifierName(attributeName)));
        }

        public void Replace(SyntaxNode original, SyntaxNode replacement)
        {
            var (target, named) = MemberNames.KeepInferredName(original, replacement.WithTriviaFrom(original));
            _editor.ReplaceNode(target, named.WithTriviaFrom(target).WithAdditionalAnnotations(Formatter.Annotation));
        }

        /// <summary>A new local name that does not clash with anything visible here.</summary>
        public string UniqueName(string preferred)
        {
            var name = preferred;
            for (var i = 2; _takenNames.Contains(name); i++)
            {
                name = preferred + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }

            _takenNames.Add(name);
            return name;
        }

        /// <summary>
        /// Inserts statements just before the statement that contains <paramref name="node"/> (a publish point or a
        /// generation call). Returns false when that is not possible here (an await in code that cannot become async).
        /// </summary>
        public bool InsertBefore(SyntaxNode node, IReadOnlyList<StatementSyntax> statements, bool awaits)
        {
            if (awaits && !_scope.IsAsync)
            {
                if (!_scope.CanBecomeAsync)
                {
                    return false;
                }

                _needsAsync = true;
            }

            var statement = _scope.StatementContaining(node);
            var region = (SyntaxNode?)statement ?? FunctionRewriter.ExpressionBody(_scope.StatementFunction);
            if (region != null && (UsesWhatItDeclares(region, statements) || NullGuardingConditional(region, node, statements) != null))
            {
                // "store.Find(id) is { } draft ? Results.Ok(draft) : ...": the content is a variable the statement itself
                // declares, so nothing placed before the statement can name it (CS0841). A conditional that declares it
                // becomes "if (found is { } draft) { ...; return Results.Ok(draft); } else { return ...; }"; otherwise no fix.
                if (GuardingConditional(region, node, statements) == null && NullGuardingConditional(region, node, statements) == null)
                {
                    return false;
                }

                if (statement is ReturnStatementSyntax returned)
                {
                    if (!_guardedReturns.TryGetValue(returned, out var guarded))
                    {
                        _guardedReturns[returned] = guarded = new List<StatementSyntax>();
                    }

                    guarded.AddRange(statements);
                }
                else
                {
                    _guardedBodyInsertions.AddRange(statements);
                }

                return true;
            }

            if (statement == null)
            {
                // An expression-bodied handler: the body becomes a block with these statements before it.
                _bodyInsertions.AddRange(statements);
                return true;
            }

            if (!_insertions.TryGetValue(statement, out var list))
            {
                _insertions[statement] = list = new List<StatementSyntax>();
            }

            list.AddRange(statements);
            return true;
        }

        /// <summary>
        /// The conditional a return statement or an expression body is ("x is { } d ? A(d) : B") when its condition declares
        /// every variable of <paramref name="region"/> the statements name and the node is in its true branch; its value is
        /// not a task (whose branches an if statement would have to await). Null otherwise.
        /// </summary>
        private ConditionalExpressionSyntax? GuardingConditional(SyntaxNode region, SyntaxNode node, IReadOnlyList<StatementSyntax> statements)
        {
            if (!(ReturnedConditional(region) is { } conditional) || !conditional.WhenTrue.Span.Contains(node.Span) ||
                (Model.GetTypeInfo(conditional).Type is { } type && FunctionRewriter.IsTaskLike(type)))
            {
                return null;
            }

            var declaredInCondition = new HashSet<string>(DeclaredNames(conditional.Condition), System.StringComparer.Ordinal);
            var declaredElsewhere = DeclaredNames(region).Where(name => !declaredInCondition.Contains(name));
            var named = new HashSet<string>(statements.SelectMany(st => st.DescendantNodes().OfType<IdentifierNameSyntax>()).Select(n => n.Identifier.ValueText), System.StringComparer.Ordinal);
            return declaredInCondition.Overlaps(named) && !declaredElsewhere.Any(named.Contains) ? conditional : null;
        }

        /// <summary>
        /// The conditional a return statement or an expression body is when its condition tests for null a name the
        /// statements read ("draft is null ? NotFound() : Ok(View(draft))") and the node is not in the branch where it is
        /// null (it is the other branch, or the whole return): statements placed before the return would read the null the
        /// condition guards against. Null otherwise.
        /// </summary>
        private ConditionalExpressionSyntax? NullGuardingConditional(SyntaxNode region, SyntaxNode node, IReadOnlyList<StatementSyntax> statements)
        {
            if (!(ReturnedConditional(region) is { } conditional) || !(NullTested(conditional.Condition, out var nonNullWhenTrue) is { } name) ||
                (nonNullWhenTrue ? conditional.WhenFalse : conditional.WhenTrue).Span.Contains(node.Span) ||
                (Model.GetTypeInfo(conditional).Type is { } type && FunctionRewriter.IsTaskLike(type)))
            {
                return null;
            }

            return statements.Any(st => st.DescendantNodes().OfType<IdentifierNameSyntax>().Any(n => n.Identifier.ValueText == name)) ? conditional : null;
        }

        /// <summary>The conditional a return statement or an expression body is ("return x ? a : b;"), or null.</summary>
        private static ConditionalExpressionSyntax? ReturnedConditional(SyntaxNode region)
        {
            var expression = region switch
            {
                ReturnStatementSyntax returned => returned.Expression,
                ExpressionSyntax body => body,
                _ => null,
            };
            while (expression is ParenthesizedExpressionSyntax parenthesized)
            {
                expression = parenthesized.Expression;
            }

            return expression as ConditionalExpressionSyntax;
        }

        /// <summary>
        /// The name a condition tests for null ("x is null", "x == null", "x is not null", "x != null", "x is { }"), with
        /// the branch where it is not null; null for any other condition.
        /// </summary>
        internal static string? NullTested(ExpressionSyntax condition, out bool nonNullWhenTrue)
        {
            nonNullWhenTrue = false;
            switch (condition)
            {
                case BinaryExpressionSyntax binary when binary.IsKind(SyntaxKind.EqualsExpression) || binary.IsKind(SyntaxKind.NotEqualsExpression):
                    var tested = binary.Right.IsKind(SyntaxKind.NullLiteralExpression) ? binary.Left : binary.Left.IsKind(SyntaxKind.NullLiteralExpression) ? binary.Right : null;
                    nonNullWhenTrue = binary.IsKind(SyntaxKind.NotEqualsExpression);
                    return (tested as IdentifierNameSyntax)?.Identifier.ValueText;
                case IsPatternExpressionSyntax { Expression: IdentifierNameSyntax name } test:
                    switch (test.Pattern)
                    {
                        case ConstantPatternSyntax constant when constant.Expression.IsKind(SyntaxKind.NullLiteralExpression):
                            return name.Identifier.ValueText;
                        case UnaryPatternSyntax { Pattern: ConstantPatternSyntax constant } not when not.OperatorToken.IsKind(SyntaxKind.NotKeyword) && constant.Expression.IsKind(SyntaxKind.NullLiteralExpression):
                            nonNullWhenTrue = true;
                            return name.Identifier.ValueText;
                        case RecursivePatternSyntax { Designation: null, PositionalPatternClause: null, PropertyPatternClause.Subpatterns.Count: 0 }:
                            nonNullWhenTrue = true;
                            return name.Identifier.ValueText;
                    }

                    return null;
                case ParenthesizedExpressionSyntax parenthesized:
                    return NullTested(parenthesized.Expression, out nonNullWhenTrue);
                default:
                    return null;
            }
        }

        /// <summary>
        /// "if (condition) { statements; return whenTrue; } else { return whenFalse; }" for "return condition ? whenTrue : whenFalse;";
        /// when the condition is true for null ("draft is null ? NotFound() : Ok(draft)"), the statements go into the else branch.
        /// </summary>
        internal static StatementSyntax GuardedReturn(ExpressionSyntax? value, IEnumerable<StatementSyntax> statements)
        {
            while (value is ParenthesizedExpressionSyntax parenthesized)
            {
                value = parenthesized.Expression;
            }

            var conditional = (ConditionalExpressionSyntax)value!;
            var intoElse = NullTested(conditional.Condition, out var nonNullWhenTrue) != null && !nonNullWhenTrue;
            var whenTrue = new StatementSyntax[] { ReturnStatement(conditional.WhenTrue.WithoutTrivia()) };
            var whenFalse = new StatementSyntax[] { ReturnStatement(conditional.WhenFalse.WithoutTrivia()) };
            return IfStatement(
                    conditional.Condition.WithoutTrivia(),
                    FunctionRewriter.MultilineBlock(intoElse ? whenTrue : statements.Concat(whenTrue)),
                    ElseClause(FunctionRewriter.MultilineBlock(intoElse ? statements.Concat(whenFalse) : whenFalse)))
                .WithAdditionalAnnotations(Formatter.Annotation);
        }

        /// <summary>Whether the statements name a variable declared inside <paramref name="region"/> (a pattern, an out variable, a local).</summary>
        private static bool UsesWhatItDeclares(SyntaxNode region, IReadOnlyList<StatementSyntax> statements)
        {
            var declared = new HashSet<string>(DeclaredNames(region), System.StringComparer.Ordinal);
            return declared.Count > 0 &&
                   statements.Any(s => s.DescendantNodes().OfType<IdentifierNameSyntax>().Any(name => declared.Contains(name.Identifier.ValueText)));
        }

        /// <summary>The variables a node declares: patterns and out variables (designations) and locals (declarators).</summary>
        private static IEnumerable<string> DeclaredNames(SyntaxNode node) =>
            node.DescendantNodesAndSelf().Select(n => n switch
            {
                SingleVariableDesignationSyntax designation => designation.Identifier.ValueText,
                VariableDeclaratorSyntax declarator => declarator.Identifier.ValueText,
                _ => null,
            }).Where(name => name != null)!;

        /// <summary>Inserts each statement before the statement of its anchor (the publish point, or where the content was put in).</summary>
        public bool InsertBefore(IReadOnlyList<(SyntaxNode Anchor, StatementSyntax Statement)> statements, bool awaits) =>
            statements.GroupBy(s => s.Anchor).All(group => InsertBefore(group.Key, group.Select(s => s.Statement).ToList(), awaits));

        /// <summary>Inserts a statement right after <paramref name="statement"/> (a declaration whose result must be acted on); false outside a block.</summary>
        public bool InsertAfter(StatementSyntax statement, StatementSyntax added)
        {
            if (!(statement.Parent is BlockSyntax || statement.Parent is SwitchSectionSyntax))
            {
                return false;
            }

            _editor.InsertAfter(statement, added.WithAdditionalAnnotations(Formatter.Annotation));
            return true;
        }

        /// <summary>A new parameter of the handler (minimal-API and bot handlers, helpers they call); null where parameters are not how it gets values.</summary>
        public ExpressionSyntax? HandlerParameter(string preferredName, string typeName, string metadataName) =>
            TakesParameters ? NewParameter(preferredName, typeName, metadataName) : null;

        public async Task<Document> CommitAsync(CancellationToken cancellationToken)
        {
            foreach (var insertion in _insertions)
            {
                var added = insertion.Value.Select(s => s.WithAdditionalAnnotations(Formatter.Annotation)).ToList();
                if (insertion.Key.Parent is BlockSyntax || insertion.Key.Parent is SwitchSectionSyntax)
                {
                    _editor.InsertBefore(insertion.Key, added);
                }
                else
                {
                    _editor.ReplaceNode(insertion.Key, (current, _) => FunctionRewriter.MultilineBlock(added.Append((StatementSyntax)current)).WithAdditionalAnnotations(Formatter.Annotation));
                }
            }

            foreach (var guarded in _guardedReturns)
            {
                var added = guarded.Value;
                _editor.ReplaceNode(guarded.Key, (current, _) => GuardedReturn(((ReturnStatementSyntax)current).Expression, added)
                    .WithLeadingTrivia(current.GetLeadingTrivia()).WithTrailingTrivia(current.GetTrailingTrivia()));
            }

            if (_bodyInsertions.Count > 0 || _guardedBodyInsertions.Count > 0 || _newParameters.Count > 0 || _needsAsync)
            {
                _editor.ReplaceNode(_scope.StatementFunction, (current, _) => FunctionRewriter.Rewrite(current, _bodyInsertions, _needsAsync, Model, _scope.StatementFunction, _bodyAlreadyAwaited, _guardedBodyInsertions));
                if (_newParameters.Count > 0)
                {
                    var atEnd = _scope.Kind == FunctionKind.HandlerHelper;
                    _editor.ReplaceNode(_scope.ServiceFunction, (current, _) => FunctionRewriter.AddParameters(current, _newParameters, atEnd));
                    if (atEnd)
                    {
                        PassNewParametersAtCalls();
                    }
                }
            }

            if (_newDependencies.Count > 0 && _scope.Type != null)
            {
                _editor.ReplaceNode(_scope.Type, (current, _) => ConstructorInjection.Add((TypeDeclarationSyntax)current, _newDependencies));
            }

            var document = _editor.GetChangedDocument();
            document = await UsingDirectives.AddAsync(document, _usings, cancellationToken).ConfigureAwait(false);
            return await Formatter.FormatAsync(document, Formatter.Annotation, cancellationToken: cancellationToken).ConfigureAwait(false);
        }
    }
}
