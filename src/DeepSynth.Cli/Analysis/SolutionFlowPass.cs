using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using DeepSynth.Analyzers.Flow;
using DeepSynth.Analyzers.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;
using Microsoft.CodeAnalysis.Text;

namespace DeepSynth.Cli.Analysis
{
    /// <summary>
    /// Runs the flow engine with whole-solution summaries over every body of one project, as the analyzer does per body in
    /// a build. It cannot run inside the analyzer driver: the driver rejects a diagnostic whose additional locations are
    /// outside the compilation (the source in another project), so the findings are collected here and reported through
    /// <see cref="FindingRelay"/> with those locations kept aside.
    /// </summary>
    internal static class SolutionFlowPass
    {
        public static IReadOnlyList<Diagnostic> Run(FlowEngine engine, Compilation compilation, CancellationToken cancellationToken)
        {
            var diagnostics = new ConcurrentBag<Diagnostic>();
            var trees = compilation.SyntaxTrees.Where(t => !GeneratedCode.IsGenerated(t, cancellationToken)).ToList();
            Parallel.ForEach(trees, new ParallelOptions { CancellationToken = cancellationToken, MaxDegreeOfParallelism = Environment.ProcessorCount }, tree =>
            {
                // The engine's model of the tree: the one its summaries of this project's methods use too.
                var model = engine.Models.GetModel(tree);
                if (model == null)
                {
                    return;
                }

                foreach (var (method, body) in Bodies(model, cancellationToken))
                {
                    foreach (var diagnostic in Analyze(engine, method, body, cancellationToken))
                    {
                        diagnostics.Add(diagnostic);
                    }
                }
            });

            return diagnostics.ToList();
        }

        /// <summary>What the analyzer reports for one body; an engine failure on it becomes DSYN999 there, as in a build.</summary>
        private static IEnumerable<Diagnostic> Analyze(FlowEngine engine, IMethodSymbol method, IOperation body, CancellationToken cancellationToken)
        {
            var graph = body switch
            {
                IMethodBodyOperation methodBody => ControlFlowGraph.Create(methodBody, cancellationToken),
                IConstructorBodyOperation constructorBody => ControlFlowGraph.Create(constructorBody, cancellationToken),
                IBlockOperation block => ControlFlowGraph.Create(block, cancellationToken),
                _ => null,
            };
            if (graph == null)
            {
                return Array.Empty<Diagnostic>();
            }

            try
            {
                var findings = new FindingCollector();
                engine.AnalyzeBody(method, body, graph, findings, cancellationToken);
                // As the analyzer does: a rule that is not the project's roles' duty is not reported (DSYN012 on a provider).
                return findings.ToDiagnostics().Where(d => engine.Roles.AppliesTo(d.Id)).ToList();
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                var location = Location.Create(body.Syntax.SyntaxTree, new TextSpan(body.Syntax.SpanStart, 0));
                return new[] { Diagnostic.Create(RuleDescriptors.InternalError, location, method.ToDisplayString(), exception.GetType().Name + ": " + exception.Message) };
            }
        }

        /// <summary>
        /// The bodies the analyzer driver hands the analyzer: methods, constructors, operators, accessors, expression-bodied
        /// properties and the top-level statements. Lambdas and local functions are analysed inside their containing body.
        /// </summary>
        private static IEnumerable<(IMethodSymbol Method, IOperation Body)> Bodies(SemanticModel model, CancellationToken cancellationToken)
        {
            var root = (CompilationUnitSyntax)model.SyntaxTree.GetRoot(cancellationToken);
            if (root.Members.OfType<GlobalStatementSyntax>().FirstOrDefault() is { } statement &&
                model.GetEnclosingSymbol(statement.SpanStart, cancellationToken) is IMethodSymbol main &&
                model.GetOperation(root, cancellationToken) is { } topLevel)
            {
                yield return (main, topLevel);
            }

            foreach (var node in root.DescendantNodes(n => n is not (BaseMethodDeclarationSyntax or AccessorDeclarationSyntax or ArrowExpressionClauseSyntax or GlobalStatementSyntax)))
            {
                var (symbol, declaration) = node switch
                {
                    BaseMethodDeclarationSyntax { Body: not null } or BaseMethodDeclarationSyntax { ExpressionBody: not null } => (model.GetDeclaredSymbol(node, cancellationToken), node),
                    AccessorDeclarationSyntax { Body: not null } or AccessorDeclarationSyntax { ExpressionBody: not null } => (model.GetDeclaredSymbol(node, cancellationToken), node),
                    ArrowExpressionClauseSyntax { Parent: BasePropertyDeclarationSyntax property } => ((model.GetDeclaredSymbol(property, cancellationToken) as IPropertySymbol)?.GetMethod, node),
                    _ => (null, node),
                };
                if (symbol is IMethodSymbol method && model.GetOperation(declaration, cancellationToken) is { } operation)
                {
                    var body = operation;
                    while (body.Parent != null)
                    {
                        body = body.Parent;
                    }

                    yield return (method, body);
                }
            }
        }
    }
}
