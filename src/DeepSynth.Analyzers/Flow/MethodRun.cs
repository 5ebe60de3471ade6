using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.FlowAnalysis;

namespace DeepSynth.Analyzers.Flow
{
    /// <summary>What a run collects for the summary of the method it analyses (shared with nested lambda runs).</summary>
    internal sealed class SummaryCollector
    {
        public List<DeferredPublish> Publishes { get; } = new List<DeferredPublish>();

        public List<DeferredGeneration> Generations { get; } = new List<DeferredGeneration>();

        public List<DeferredGuardedCall> GuardedCalls { get; } = new List<DeferredGuardedCall>();

        public Dictionary<ISymbol, ContentValue> FieldWrites { get; } = new Dictionary<ISymbol, ContentValue>(SymbolEqualityComparer.Default);

        public bool Truncated { get; set; }

        public void AddFieldWrite(ISymbol member, ContentValue value)
        {
            var key = member.OriginalDefinition;
            FieldWrites[key] = FieldWrites.TryGetValue(key, out var existing) ? existing.Join(value) : value;
        }
    }

    /// <summary>How a body is being run.</summary>
    internal sealed class RunSettings
    {
        public RunSettings(EntryContext entry, bool isEntryBody, int callDepth, int inlineDepth, IFlowEventSink? sink, SummaryCollector collector, CancellationToken cancellationToken)
        {
            CancellationToken = cancellationToken;
            Entry = entry;
            IsEntryBody = isEntryBody;
            CallDepth = callDepth;
            InlineDepth = inlineDepth;
            Sink = sink;
            Collector = collector;
        }

        /// <summary>The entry point the code runs under (for nested lambdas, the enclosing entry's).</summary>
        public EntryContext Entry { get; }

        /// <summary>True for the body of the entry itself: its returned values are published.</summary>
        public bool IsEntryBody { get; }

        /// <summary>How many calls deep callee summaries may still go.</summary>
        public int CallDepth { get; }

        /// <summary>How many lambdas and local functions deep this run is nested.</summary>
        public int InlineDepth { get; }

        /// <summary>Receives findings in the final pass of a top-level analysis; null for summaries.</summary>
        public IFlowEventSink? Sink { get; }

        public SummaryCollector Collector { get; }

        /// <summary>The token of the analysis this run serves (summaries computed on its behalf observe it too).</summary>
        public CancellationToken CancellationToken { get; }

        public RunSettings Nested(bool isEntryBody, EntryContext? entry = null) =>
            new RunSettings(entry ?? Entry, isEntryBody, CallDepth, InlineDepth + 1, Sink, Collector, CancellationToken);
    }

    /// <summary>
    /// Runs the engine over one control-flow graph: a forward fixpoint over basic blocks with the
    /// <see cref="FlowState"/> lattice (no findings), then one final pass with the stable states that reports
    /// findings and collects what the method returns, publishes and stores. A graph without backward edges needs no
    /// fixpoint: its final pass propagates states as it goes.
    /// </summary>
    internal sealed class MethodRun
    {
        /// <summary>A block is re-evaluated at most this often; beyond it the analysis keeps what it has (termination on odd graphs).</summary>
        private const int MaxVisitsPerBlock = 24;

        private readonly FlowEngine _engine;
        private readonly ControlFlowGraph _graph;
        private readonly FlowState _initial;
        private readonly FlowState?[] _inStates;
        private readonly HashSet<CaptureId>?[] _liveCaptures;
        private readonly Dictionary<ControlFlowRegion, FlowState> _exceptionalStates = new Dictionary<ControlFlowRegion, FlowState>();
        private bool _returned;

        public MethodRun(FlowEngine engine, ControlFlowGraph graph, IMethodSymbol method, RunSettings settings, FlowState initial)
        {
            _engine = engine;
            _graph = graph;
            Method = method;
            Settings = settings;
            _initial = initial;
            _inStates = new FlowState?[graph.Blocks.Length];
            _liveCaptures = new HashSet<CaptureId>?[graph.Blocks.Length];
        }

        public IMethodSymbol Method { get; }

        public RunSettings Settings { get; }

        public ControlFlowGraph Graph => _graph;

        /// <summary>The join of every returned (and yielded) value, after the final pass.</summary>
        public ContentValue ReturnValue { get; private set; } = ContentValue.Empty;

        /// <summary>The state on normal exit, after the final pass; null when the body never returns normally.</summary>
        public FlowState? ExitState { get; private set; }

        internal FlowEngine Engine => _engine;

        public void Run()
        {
            if (IsForwardOnly(_graph))
            {
                // The fixpoint and the final pass in one walk.
                _inStates[0] = _initial.Clone();
                FinalPass(propagate: true);
                return;
            }

            Fixpoint();
            FinalPass(propagate: false);
        }

        /// <summary>
        /// Whether every edge of the graph goes to a later block: branches and fall-throughs, and from a try region to its
        /// handlers. Then the fixpoint visits each block once, after all its predecessors, in ordinal order, and the final
        /// pass would repeat exactly that walk, so one final pass that propagates does both. Most bodies have no loop.
        /// </summary>
        private static bool IsForwardOnly(ControlFlowGraph graph)
        {
            foreach (var block in graph.Blocks)
            {
                if ((block.FallThroughSuccessor?.Destination is { } next && next.Ordinal <= block.Ordinal) ||
                    (block.ConditionalSuccessor?.Destination is { } branch && branch.Ordinal <= block.Ordinal))
                {
                    return false;
                }
            }

            return HandlersFollowTries(graph.Root);
        }

        private static bool HandlersFollowTries(ControlFlowRegion region)
        {
            foreach (var nested in region.NestedRegions)
            {
                if (nested.Kind == ControlFlowRegionKind.Try && region.NestedRegions.Any(h => h != nested && h.FirstBlockOrdinal <= nested.LastBlockOrdinal))
                {
                    return false;
                }

                if (!HandlersFollowTries(nested))
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>The first return sets the value; later ones join it (joining with "nothing returned yet" would drop must-markers).</summary>
        internal void AddReturn(ContentValue value)
        {
            ReturnValue = _returned ? ReturnValue.Join(value) : value;
            _returned = true;
        }

        private void Fixpoint()
        {
            var visits = new int[_graph.Blocks.Length];
            var worklist = new SortedSet<int> { 0 };
            _inStates[0] = _initial.Clone();
            var interpreter = new OperationInterpreter(this, final: false);
            while (worklist.Count > 0)
            {
                Settings.CancellationToken.ThrowIfCancellationRequested();
                var ordinal = worklist.Min;
                worklist.Remove(ordinal);
                var block = _graph.Blocks[ordinal];
                var inState = _inStates[ordinal];
                if (inState == null || ++visits[ordinal] > MaxVisitsPerBlock)
                {
                    continue;
                }

                Step(interpreter, block, inState, worklist);
            }
        }

        /// <summary>Evaluates a block from its in-state and hands the result to its successors and handlers (adding the changed ones to the worklist).</summary>
        private void Step(OperationInterpreter interpreter, BasicBlock block, FlowState inState, SortedSet<int>? worklist)
        {
            RecordExceptional(block, inState, worklist);
            var state = inState.Clone();
            var branchValue = interpreter.EvaluateBlock(block, state);
            RecordExceptional(block, state, worklist);
            foreach (var (successor, successorState) in Successors(block, state, branchValue))
            {
                if (Propagate(successor, successorState))
                {
                    worklist?.Add(successor.Ordinal);
                }
            }
        }

        /// <summary>
        /// Evaluates every reached block once in final mode (findings, returns, stores). After a fixpoint the in-states are
        /// stable; with <paramref name="propagate"/> (a forward-only graph) each block hands its state on as it goes.
        /// </summary>
        private void FinalPass(bool propagate)
        {
            var interpreter = new OperationInterpreter(this, final: true);
            foreach (var block in _graph.Blocks)
            {
                Settings.CancellationToken.ThrowIfCancellationRequested();
                var inState = _inStates[block.Ordinal];
                if (inState == null)
                {
                    continue;
                }

                if (block.Kind == BasicBlockKind.Exit)
                {
                    ExitState = inState.Clone();
                    continue;
                }

                if (propagate)
                {
                    Step(interpreter, block, inState, null);
                }
                else
                {
                    interpreter.EvaluateBlock(block, inState.Clone());
                }
            }

            interpreter.AnalyzeRemainingLambdas();
        }

        private bool Propagate(BasicBlock successor, FlowState state)
        {
            state = state.WithoutCapturesOutside(LiveCaptures(successor));
            var existing = _inStates[successor.Ordinal];
            if (existing == null)
            {
                _inStates[successor.Ordinal] = state.Clone();
                return true;
            }

            return existing.JoinWith(state);
        }

        /// <summary>The flow captures a block can read: those of the regions that enclose it.</summary>
        private HashSet<CaptureId> LiveCaptures(BasicBlock block)
        {
            var live = _liveCaptures[block.Ordinal];
            if (live == null)
            {
                live = new HashSet<CaptureId>();
                for (var region = block.EnclosingRegion; region != null; region = region.EnclosingRegion)
                {
                    live.UnionWith(region.CaptureIds);
                }

                _liveCaptures[block.Ordinal] = live;
            }

            return live;
        }

        /// <summary>Successors with the state each one receives; a check refines the state on the edge where it holds.</summary>
        private IEnumerable<(BasicBlock Block, FlowState State)> Successors(BasicBlock block, FlowState state, ContentValue branchValue)
        {
            var fallThrough = block.FallThroughSuccessor?.Destination;
            var conditional = block.ConditionalSuccessor?.Destination;
            if (block.ConditionKind == ControlFlowConditionKind.None)
            {
                if (fallThrough != null)
                {
                    yield return (fallThrough, state);
                }

                yield break;
            }

            // ConditionalSuccessor is taken when the branch value equals ConditionKind (WhenTrue / WhenFalse).
            var whenTrue = branchValue.Signals.WhenTrue;
            var whenFalse = branchValue.Signals.WhenFalse;
            var conditionalIsTrue = block.ConditionKind == ControlFlowConditionKind.WhenTrue;
            var userCheck = UserRoleChecks.Of(block.BranchValue);
            if (conditional != null)
            {
                yield return (conditional, OnUserBranch(Refine(state, conditionalIsTrue ? whenTrue : whenFalse), userCheck, conditionalIsTrue));
            }

            if (fallThrough != null)
            {
                yield return (fallThrough, OnUserBranch(Refine(state, conditionalIsTrue ? whenFalse : whenTrue), userCheck, !conditionalIsTrue));
            }
        }

        /// <summary>On the edge where a message is the user's (<see cref="UserRoleChecks"/>), it holds no generated content.</summary>
        private static FlowState OnUserBranch(FlowState state, (SlotKey Message, bool WhenTrue)? check, bool edgeIsTrue)
        {
            if (check is not { } userCheck || userCheck.WhenTrue != edgeIsTrue)
            {
                return state;
            }

            var narrowed = state.Clone();
            narrowed.Set(userCheck.Message, state.TryGet(userCheck.Message, out var message) ? message.OfKinds(OriginKind.UserInput) : ContentValue.Empty);
            return narrowed;
        }

        /// <summary>The state on a branch where a check established <paramref name="facts"/>.</summary>
        private static FlowState Refine(FlowState state, FactSet facts)
        {
            if (state.PathFacts.HasAll(facts))
            {
                return state;
            }

            var refined = state.Clone();
            refined.PathFacts |= facts;
            return refined;
        }

        /// <summary>
        /// Exceptions can leave a try block from any point, so a catch or finally handler starts from the join of
        /// every state seen inside the try region. Only this graph's regions count: the root of a lambda's or local
        /// function's graph is enclosed by the regions of the graph it is declared in (a handler lambda after a
        /// <c>using</c> declaration sits in a try), whose handlers are blocks of that other graph.
        /// </summary>
        private void RecordExceptional(BasicBlock block, FlowState state, SortedSet<int>? worklist)
        {
            for (var region = block.EnclosingRegion; region != null && region != _graph.Root; region = region.EnclosingRegion)
            {
                if (region.Kind != ControlFlowRegionKind.Try || region.EnclosingRegion == null)
                {
                    continue;
                }

                if (_exceptionalStates.TryGetValue(region, out var existing))
                {
                    if (!existing.JoinWith(state))
                    {
                        continue;
                    }
                }
                else
                {
                    existing = state.Clone();
                    _exceptionalStates[region] = existing;
                }

                foreach (var handler in region.EnclosingRegion.NestedRegions)
                {
                    if (handler == region)
                    {
                        continue;
                    }

                    var first = _graph.Blocks[handler.FirstBlockOrdinal];
                    if (Propagate(first, existing))
                    {
                        worklist?.Add(first.Ordinal);
                    }
                }
            }
        }
    }
}
