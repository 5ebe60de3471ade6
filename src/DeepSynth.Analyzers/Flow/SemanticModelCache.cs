using System.Collections.Concurrent;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace DeepSynth.Analyzers.Flow
{
    /// <summary>
    /// Semantic models and control-flow graphs of method bodies, for summaries of callees. The model of the tree
    /// being analysed comes from the analysis context; another tree's model is asked of the compilation once.
    /// </summary>
    internal sealed class SemanticModelCache
    {
        private readonly Compilation _compilation;
        private readonly ConcurrentDictionary<SyntaxTree, SemanticModel> _models = new ConcurrentDictionary<SyntaxTree, SemanticModel>();
        private readonly ConcurrentDictionary<SyntaxNode, ControlFlowGraph?> _graphs = new ConcurrentDictionary<SyntaxNode, ControlFlowGraph?>();

        public SemanticModelCache(Compilation compilation) => _compilation = compilation;

        /// <summary>
        /// An operation as the source has it, conversions skipped: a control-flow graph captures values it spills (an
        /// argument of an awaited call, a value inside a using region) and leaves a reference to the capture, but the
        /// syntax still says what was written.
        /// </summary>
        public IOperation? Written(IOperation? operation, CancellationToken cancellationToken)
        {
            operation = WithoutConversions(operation);
            if (operation is IFlowCaptureReferenceOperation && GetModel(operation.Syntax.SyntaxTree)?.GetOperation(operation.Syntax, cancellationToken) is { } written &&
                written is not IFlowCaptureReferenceOperation)
            {
                operation = WithoutConversions(written);
            }

            return operation;
        }

        private static IOperation? WithoutConversions(IOperation? operation)
        {
            while (operation is IConversionOperation conversion)
            {
                operation = conversion.Operand;
            }

            return operation;
        }

        /// <summary>Remembers a model the analyzer driver already built (from an operation block), so it is reused.</summary>
        public void Offer(SemanticModel? model)
        {
            // Every analysed body offers its model: look first, since adding takes a lock even when the key is there.
            if (model != null && !_models.ContainsKey(model.SyntaxTree))
            {
                _models.TryAdd(model.SyntaxTree, model);
            }
        }

        public SemanticModel? GetModel(SyntaxTree tree)
        {
            if (_models.TryGetValue(tree, out var model))
            {
                return model;
            }

            if (!_compilation.ContainsSyntaxTree(tree))
            {
                return null;
            }

            // Cross-method summaries must bind bodies that live in other files. The analyzer driver installs a
            // caching SemanticModelProvider on the compilation (Roslyn 3.8+), so this returns the model the
            // driver itself uses instead of binding the tree a second time; we ask once per tree and keep it.
#pragma warning disable RS1030 // Do not invoke Compilation.GetSemanticModel() method within a diagnostic analyzer
            model = _compilation.GetSemanticModel(tree);
#pragma warning restore RS1030
            return _models.GetOrAdd(tree, model);
        }

        /// <summary>The control-flow graph of a method body declaration (method, accessor, local function excluded), or null.</summary>
        public ControlFlowGraph? GetGraph(SyntaxNode body, CancellationToken cancellationToken)
        {
            return _graphs.GetOrAdd(body, node =>
            {
                var model = GetModel(node.SyntaxTree);
                var operation = model?.GetOperation(node, cancellationToken);
                return operation switch
                {
                    IMethodBodyOperation method => ControlFlowGraph.Create(method, cancellationToken),
                    IConstructorBodyOperation constructor => ControlFlowGraph.Create(constructor, cancellationToken),
                    IBlockOperation block when block.Parent == null => ControlFlowGraph.Create(block, cancellationToken),
                    _ => null,
                };
            });
        }
    }
}
