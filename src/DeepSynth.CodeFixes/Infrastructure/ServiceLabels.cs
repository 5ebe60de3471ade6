using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using DeepSynth.CodeFixes.Fixes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace DeepSynth.CodeFixes.Infrastructure
{
    /// <summary>
    /// The label of a DTO that a service fills in and a controller publishes whole (<c>return await writer.WriteAsync(...)</c>):
    /// it goes where the service puts each generated text into the object, in the service's own file. A plan names the
    /// service method and the generation calls the finding traced the content to; it is applied to the solution after
    /// the document-by-document fixes, by finding the method again, so that edits those fixes made (in the same file or
    /// not) do not invalidate it.
    /// </summary>
    internal static class ServiceLabels
    {
        /// <summary>One service method to label in: by its containing type, name and parameter types, and its generation calls.</summary>
        internal sealed class Plan
        {
            public Plan(ProjectId project, string typeName, string methodName, ImmutableArray<string> parameterTypes, ImmutableHashSet<string> generationCalls)
            {
                Project = project;
                TypeName = typeName;
                MethodName = methodName;
                ParameterTypes = parameterTypes;
                GenerationCalls = generationCalls;
            }

            /// <summary>The project that declares the service method.</summary>
            public ProjectId Project { get; }

            public string TypeName { get; }

            public string MethodName { get; }

            public ImmutableArray<string> ParameterTypes { get; }

            /// <summary>The generation methods (display strings) whose results the finding traced the published content to.</summary>
            public ImmutableHashSet<string> GenerationCalls { get; }

            public string Key => TypeName + "." + MethodName + "(" + string.Join(",", ParameterTypes) + ")";
        }

        /// <summary>The plan for a DSYN001 finding whose content is only a DTO a service method filled in, or null.</summary>
        public static async Task<Plan?> PlanAsync(Document document, Diagnostic diagnostic, CancellationToken cancellationToken)
        {
            var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
            var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
            if (root == null || model == null || !diagnostic.Location.IsInSource)
            {
                return null;
            }

            var node = root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);
            var contents = PublishedContent.Find(node, model, diagnostic);
            if (contents.Count != 1 || contents[0].Shape != ContentShape.TextHolder)
            {
                return null;
            }

            var method = CalledMethod(contents[0].Expression, model, cancellationToken);
            if (method != null && (method.IsAbstract || method.ContainingType?.TypeKind == TypeKind.Interface))
            {
                // Called through the service's interface: the one implementation in the solution, if there is one.
                var implementations = await Microsoft.CodeAnalysis.FindSymbols.SymbolFinder.FindImplementationsAsync(method, document.Project.Solution, cancellationToken: cancellationToken).ConfigureAwait(false);
                method = implementations.OfType<IMethodSymbol>().Where(m => m.DeclaringSyntaxReferences.Length == 1).Take(2).ToList() is { Count: 1 } single ? single[0] : null;
            }

            if (method == null || !(method.ContainingType is { } type) || method.DeclaringSyntaxReferences.Length != 1)
            {
                return null;
            }

            // The generation calls the finding names as its sources, where they are in the service method.
            var declaration = await method.DeclaringSyntaxReferences[0].GetSyntaxAsync(cancellationToken).ConfigureAwait(false);
            var serviceDocument = document.Project.Solution.GetDocument(declaration.SyntaxTree);
            var serviceModel = serviceDocument == null ? null : await serviceDocument.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
            if (serviceDocument == null || serviceModel == null)
            {
                return null;
            }

            var calls = ImmutableHashSet.CreateBuilder<string>();
            foreach (var source in diagnostic.AdditionalLocations)
            {
                if (source.SourceTree?.FilePath != declaration.SyntaxTree.FilePath || !declaration.Span.Contains(source.SourceSpan))
                {
                    continue;
                }

                var call = declaration.SyntaxTree.GetRoot(cancellationToken).FindNode(source.SourceSpan, getInnermostNodeForTie: true)
                    .AncestorsAndSelf().OfType<InvocationExpressionSyntax>().FirstOrDefault();
                if (call != null && serviceModel.GetSymbolInfo(call, cancellationToken).Symbol is IMethodSymbol generation)
                {
                    calls.Add(generation.OriginalDefinition.ToDisplayString());
                }
            }

            return calls.Count == 0
                ? null
                : new Plan(serviceDocument.Project.Id, type.ToDisplayString(), method.Name, method.Parameters.Select(p => p.Type.ToDisplayString()).ToImmutableArray(), calls.ToImmutable());
        }

        /// <summary>Applies each plan in <paramref name="solution"/>: labels the generated texts the method's returned object is built from.</summary>
        public static async Task<Solution> ApplyAsync(Solution solution, IEnumerable<Plan> plans, CancellationToken cancellationToken)
        {
            foreach (var plan in plans.GroupBy(p => p.Key).Select(g => g.First()))
            {
                solution = await ApplyAsync(solution, plan, cancellationToken).ConfigureAwait(false);
            }

            return solution;
        }

        private static async Task<Solution> ApplyAsync(Solution solution, Plan plan, CancellationToken cancellationToken)
        {
            var compilation = solution.GetProject(plan.Project) is { } project ? await project.GetCompilationAsync(cancellationToken).ConfigureAwait(false) : null;
            var method = compilation?.GetSymbolsWithName(plan.MethodName, SymbolFilter.Member, cancellationToken).OfType<IMethodSymbol>()
                .FirstOrDefault(m => m.ContainingType?.ToDisplayString() == plan.TypeName &&
                                     m.Parameters.Select(p => p.Type.ToDisplayString()).SequenceEqual(plan.ParameterTypes) &&
                                     m.DeclaringSyntaxReferences.Length == 1);
            if (method == null)
            {
                return solution;
            }

            var declaration = await method.DeclaringSyntaxReferences[0].GetSyntaxAsync(cancellationToken).ConfigureAwait(false);
            var document = solution.GetDocument(declaration.SyntaxTree);
            var model = document == null ? null : await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
            var targets = document == null || model == null ? new List<ExpressionSyntax>() : GeneratedTexts(declaration, model, plan, cancellationToken);
            var session = targets.Count == 0 ? null : await FixSession.CreateAsync(document!, targets[0], cancellationToken).ConfigureAwait(false);
            if (session == null)
            {
                return solution;
            }

            foreach (var target in targets)
            {
                var labeler = session.Service(ComplianceService.TextLabeler);
                if (TextList.Rewrite(target, model!) is { } terminal)
                {
                    session.AddUsing("System.Linq");
                    session.Replace(target, TextList.LabelEach(target.WithoutTrivia(), labeler, terminal));
                }
                else
                {
                    session.Replace(target, AddAigcLabelFixProvider.Call(labeler, "Label", target.WithoutTrivia()));
                }
            }

            var changed = await session.CommitAsync(cancellationToken).ConfigureAwait(false);
            return changed.Project.Solution;
        }

        /// <summary>
        /// The text expressions the method's returned objects are built from ("Headline = headline.Text",
        /// "copy.Bullets.Add(bullet.Text)") whose value comes from one of the plan's generation calls: a read of a local
        /// initialized by that call, or the call itself. Never a text that is already labeled, nor a user's input.
        /// </summary>
        private static List<ExpressionSyntax> GeneratedTexts(SyntaxNode declaration, SemanticModel model, Plan plan, CancellationToken cancellationToken)
        {
            var returned = new List<ExpressionSyntax>();
            if (declaration is MethodDeclarationSyntax { ExpressionBody: { } arrow })
            {
                returned.Add(arrow.Expression);
            }

            returned.AddRange(declaration.DescendantNodes(n => !(n is AnonymousFunctionExpressionSyntax || n is LocalFunctionStatementSyntax))
                .OfType<ReturnStatementSyntax>().Select(r => r.Expression).Where(e => e != null)!);

            var targets = new List<ExpressionSyntax>();
            foreach (var expression in returned)
            {
                foreach (var content in PublishedContent.FindBuiltFrom(expression, model))
                {
                    var labelable = content.Shape == ContentShape.Text ||
                                    (content.Shape == ContentShape.TextHolder && TextList.Rewrite(content.Expression, model) != null && !TextList.IsLabeled(content.Expression, model));
                    if (labelable && IsGenerated(content.Expression, model, plan, cancellationToken) &&
                        !content.Expression.Ancestors().OfType<InvocationExpressionSyntax>().Any(call => PublishedContent.IsLabeler(call, model)) &&
                        !targets.Any(t => t.Span.Contains(content.Expression.Span) || content.Expression.Span.Contains(t.Span)))
                    {
                        targets.Add(content.Expression);
                    }
                }
            }

            return targets;
        }

        /// <summary>How many locals deep a text is traced back to a generation call ("head[0]" from "text.Split" from "response.Text").</summary>
        private const int MaxLocalDepth = 4;

        private static bool IsGenerated(ExpressionSyntax text, SemanticModel model, Plan plan, CancellationToken cancellationToken) =>
            IsGenerated(text, model, plan, 0, cancellationToken);

        /// <summary>
        /// Whether the expression calls one of the plan's generation methods, or reads a local (or a loop variable) whose
        /// value does, a few locals deep. A parameter (the caller's input) or a field is never generated here.
        /// </summary>
        private static bool IsGenerated(SyntaxNode expression, SemanticModel model, Plan plan, int depth, CancellationToken cancellationToken)
        {
            if (expression.DescendantNodesAndSelf().OfType<InvocationExpressionSyntax>().Any(call => IsGeneration(call, model, plan, cancellationToken)))
            {
                return true;
            }

            if (depth >= MaxLocalDepth)
            {
                return false;
            }

            foreach (var name in expression.DescendantNodesAndSelf().OfType<IdentifierNameSyntax>())
            {
                if (model.GetSymbolInfo(name, cancellationToken).Symbol is not ILocalSymbol local || local.DeclaringSyntaxReferences.Length != 1)
                {
                    continue;
                }

                if (ValuesOf(local, model, cancellationToken).Any(source => IsGenerated(source, model, plan, depth + 1, cancellationToken)))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>
        /// Every value a local takes in its function: its initializer (or the loop's collection for a loop variable) and each
        /// later "local = value" ("subject = lines[0]" after a default subject).
        /// </summary>
        private static IEnumerable<SyntaxNode> ValuesOf(ILocalSymbol local, SemanticModel model, CancellationToken cancellationToken)
        {
            var declaration = local.DeclaringSyntaxReferences[0].GetSyntax(cancellationToken);
            switch (declaration)
            {
                case VariableDeclaratorSyntax { Initializer: { } initializer }:
                    yield return initializer.Value;
                    break;
                case ForEachStatementSyntax loop:
                    yield return loop.Expression;
                    break;
            }

            var function = declaration.Ancestors().FirstOrDefault(PublishedContent.IsFunction);
            foreach (var use in function?.DescendantNodes().OfType<IdentifierNameSyntax>() ?? Enumerable.Empty<IdentifierNameSyntax>())
            {
                if (use.Identifier.ValueText != local.Name || !SymbolEqualityComparer.Default.Equals(model.GetSymbolInfo(use, cancellationToken).Symbol, local))
                {
                    continue;
                }

                switch (use.Parent)
                {
                    case AssignmentExpressionSyntax assignment when assignment.Left == use && assignment.IsKind(Microsoft.CodeAnalysis.CSharp.SyntaxKind.SimpleAssignmentExpression):
                        // "subject = lines[0]" after a default subject.
                        yield return assignment.Right;
                        break;
                    case MemberAccessExpressionSyntax { Parent: InvocationExpressionSyntax call } access
                        when access.Expression == use && call.ArgumentList.Arguments.Count > 0 &&
                             (PublishedContent.AddMethods.Contains(access.Name.Identifier.ValueText) || access.Name.Identifier.ValueText is "Append" or "AppendLine"):
                        // "body.Add(line)", "sb.Append(line)": a list or builder of texts is what went into it.
                        yield return call.ArgumentList.Arguments[call.ArgumentList.Arguments.Count - 1].Expression;
                        break;
                }
            }
        }

        private static bool IsGeneration(InvocationExpressionSyntax call, SemanticModel model, Plan plan, CancellationToken cancellationToken) =>
            model.GetSymbolInfo(call, cancellationToken).Symbol is IMethodSymbol method && plan.GenerationCalls.Contains(method.OriginalDefinition.ToDisplayString());

        /// <summary>The source method whose result the holder is: "await writer.WriteAsync(...)", its task, or a local built once from it.</summary>
        private static IMethodSymbol? CalledMethod(ExpressionSyntax holder, SemanticModel model, CancellationToken cancellationToken)
        {
            var expression = holder;
            for (var step = 0; step < MaxLocalDepth; step++)
            {
                while (expression is MemberAccessExpressionSyntax member)
                {
                    // "quiz.Questions": the object the member is read from.
                    expression = member.Expression;
                }

                while (expression is AwaitExpressionSyntax awaited)
                {
                    expression = awaited.Expression;
                }

                if (!(expression is IdentifierNameSyntax) || !(model.GetSymbolInfo(expression, cancellationToken).Symbol is ILocalSymbol local) ||
                    local.DeclaringSyntaxReferences.Length != 1)
                {
                    break;
                }

                // A local built once from the call, or a loop variable over its result ("foreach (var entry in entries)").
                var next = local.DeclaringSyntaxReferences[0].GetSyntax(cancellationToken) switch
                {
                    VariableDeclaratorSyntax { Initializer: { } initializer } => initializer.Value,
                    ForEachStatementSyntax loop => loop.Expression,
                    _ => null,
                };
                if (next == null)
                {
                    break;
                }

                expression = next;
            }

            return expression is InvocationExpressionSyntax call && model.GetSymbolInfo(call, cancellationToken).Symbol is IMethodSymbol method &&
                   method.DeclaringSyntaxReferences.Length == 1 && method.MethodKind == MethodKind.Ordinary
                ? method.OriginalDefinition
                : null;
        }
    }
}
