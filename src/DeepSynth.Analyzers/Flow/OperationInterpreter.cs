using DeepSynth.Analyzers.Catalogue;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace DeepSynth.Analyzers.Flow
{
    /// <summary>
    /// Transfer functions: evaluates the operations of a basic block against the current <see cref="FlowState"/>,
    /// returning the abstract value of each expression and updating the state. In the final pass it also reports
    /// publish points and generation calls. Split into partial files by concern (core, calls, members).
    /// </summary>
    internal sealed partial class OperationInterpreter
    {
        private readonly MethodRun _run;
        private readonly bool _final;
        private readonly HashSet<IFlowAnonymousFunctionOperation> _analyzedLambdas = new HashSet<IFlowAnonymousFunctionOperation>();
        private readonly List<IFlowAnonymousFunctionOperation> _seenLambdas = new List<IFlowAnonymousFunctionOperation>();

        /// <summary>Flow captures of storage locations (the control-flow graph captures "draft" before "draft = draft with {...}").</summary>
        private readonly Dictionary<CaptureId, IOperation> _capturedReferences = new Dictionary<CaptureId, IOperation>();
        private FlowState _state = FlowState.Initial(FactSet.None);
        private ContentValue? _thisValue;

        /// <summary>
        /// Final pass: expressions of a content type (text, bytes, a text stream) whose value carries generated content, for
        /// the code fixes (which values to label, review and record: never a user's input or generation metadata).
        /// </summary>
        private readonly HashSet<SyntaxNode> _carriers = new HashSet<SyntaxNode>();

        /// <summary>Objects and lists that carried generated content (see <see cref="ContentCarriers.IsTextHolderType"/>), for the code fixes.</summary>
        private readonly HashSet<SyntaxNode> _holders = new HashSet<SyntaxNode>();

        public OperationInterpreter(MethodRun run, bool final)
        {
            _run = run;
            _final = final;
        }

        private FlowEngine Engine => _run.Engine;

        private RunSettings Settings => _run.Settings;

        /// <summary>Evaluates a block's operations and branch value into <paramref name="state"/>; returns the branch value.</summary>
        public ContentValue EvaluateBlock(BasicBlock block, FlowState state)
        {
            _state = state;
            foreach (var operation in block.Operations)
            {
                Evaluate(operation);
            }

            if (block.BranchValue == null)
            {
                return ContentValue.Empty;
            }

            var value = Evaluate(block.BranchValue);
            if (block.ConditionKind == ControlFlowConditionKind.None && block.FallThroughSuccessor?.Semantics == ControlFlowBranchSemantics.Return)
            {
                OnReturn(value, block.BranchValue);
            }

            return value;
        }

        /// <summary>Lambdas seen but never handed to a call (stored in a variable, a delegate constructor): analysed once so their publish points are not missed.</summary>
        public void AnalyzeRemainingLambdas()
        {
            if (!_final)
            {
                return;
            }

            foreach (var lambda in _seenLambdas)
            {
                if (!_analyzedLambdas.Contains(lambda))
                {
                    AnalyzeLambda(lambda, ContentValue.Empty, channelParameters: false);
                }
            }
        }

        private ContentValue Evaluate(IOperation? operation)
        {
            if (operation == null)
            {
                return ContentValue.Empty;
            }

            var value = TypeFilter.Apply(operation.Type, EvaluateCore(operation));
            if (_final && _carriers.Count + _holders.Count < ContentCarriers.MaxRecorded && value.HasPieces &&
                operation.Syntax is Microsoft.CodeAnalysis.CSharp.Syntax.ExpressionSyntax && value.Pieces.Any(p => p.Origin.Kind == OriginKind.Generation))
            {
                if (ContentCarriers.IsContentType(operation.Type))
                {
                    _carriers.Add(operation.Syntax);
                }
                else if (ContentCarriers.IsTextHolderType(operation.Type))
                {
                    _holders.Add(operation.Syntax);
                }
            }

            return value;
        }

        private ContentValue EvaluateCore(IOperation operation)
        {
            switch (operation)
            {
                case ILiteralOperation { ConstantValue: { HasValue: true, Value: bool constant } }:
                    return ContentValue.Marker(constant ? ValueMarkers.TrueConstant : ValueMarkers.FalseConstant);
                case ILiteralOperation:
                case IDefaultValueOperation:
                case ITypeOfOperation:
                case ISizeOfOperation:
                case INameOfOperation:
                case ICaughtExceptionOperation:
                case IStaticLocalInitializationSemaphoreOperation:
                    return ContentValue.Empty;
                case IInstanceReferenceOperation:
                    return ThisValue();
                case IFlowCaptureOperation capture:
                    if (IsStorageLocation(capture.Value))
                    {
                        _capturedReferences[capture.Id] = capture.Value;
                    }

                    var captured = Evaluate(capture.Value);
                    _state.Set(SlotKey.For(capture.Id), captured);
                    return captured;
                case IFlowCaptureReferenceOperation captureReference:
                    return ReadSlot(SlotKey.For(captureReference.Id));
                case ILocalReferenceOperation local:
                    return ReadSlot(SlotKey.For(local.Local));
                case IParameterReferenceOperation parameter:
                    // "bool raw" asks for output without the explicit label: reading it is a check for that path (DSYN009).
                    if (ApiCatalogue.UnlabeledRequestRole(parameter.Parameter.Name, parameter.Parameter.Type) is { Step: { } request })
                    {
                        return Check(request);
                    }

                    return ReadSlot(SlotKey.For(parameter.Parameter));
                case IFieldReferenceOperation field:
                    return ReadMember(field.Field, field.Instance);
                case IPropertyReferenceOperation property:
                    return ReadProperty(property);
                case IArrayElementReferenceOperation element:
                    foreach (var index in element.Indices)
                    {
                        Evaluate(index);
                    }

                    return Evaluate(element.ArrayReference).Element();
                case IInvocationOperation invocation:
                    return Invoke(invocation);
                case IObjectCreationOperation creation:
                    return Create(creation);
                case IAnonymousObjectCreationOperation anonymous:
                    return CreateAnonymous(anonymous);
                case ITupleOperation tuple:
                    return ContentValue.Object(tuple.Elements.Select((e, i) => new KeyValuePair<string, ContentValue>("Item" + (i + 1), Evaluate(e))).ToList(), 0, complete: true);
                case ISimpleAssignmentOperation assignment:
                    var assigned = Evaluate(assignment.Value);
                    Assign(assignment.Target, assigned);
                    return assigned;
                case ICompoundAssignmentOperation compound:
                    var increment = Evaluate(compound.Value);
                    var combined = Evaluate(compound.Target).Combine(increment);
                    Assign(compound.Target, combined);
                    return combined;
                case ICoalesceAssignmentOperation coalesce:
                    var fallback = Evaluate(coalesce.Value);
                    var merged = Evaluate(coalesce.Target).Join(fallback);
                    Assign(coalesce.Target, merged);
                    return merged;
                case IDeconstructionAssignmentOperation deconstruction:
                    var source = Evaluate(deconstruction.Value);
                    Deconstruct(deconstruction.Target, source);
                    return source;
                case IBinaryOperation binary:
                    var left = Evaluate(binary.LeftOperand);
                    var right = Evaluate(binary.RightOperand);
                    return binary.OperatorKind == BinaryOperatorKind.Add ? left.Combine(right) : ContentValue.Empty;
                case IUnaryOperation unary:
                    var operand = Evaluate(unary.Operand);
                    return unary.OperatorKind == UnaryOperatorKind.Not ? Negate(operand) : operand;
                case IConversionOperation conversion:
                    return Evaluate(conversion.Operand);
                case IAwaitOperation await:
                    return Evaluate(await.Operation);
                case IInterpolatedStringOperation interpolated:
                    return CombineAll(interpolated.Parts);
                case IInterpolatedStringHandlerCreationOperation handler:
                    // sb.AppendLine($"{f.Summary}") binds to a handler overload: the handler holds the holes' content.
                    return Evaluate(handler.Content);
                case IInterpolatedStringAppendOperation append:
                    return append.AppendCall is IInvocationOperation appendCall ? CombineAll(appendCall.Arguments.Select(a => a.Value)) : ContentValue.Empty;
                case IIsPatternOperation isPattern:
                    BindPattern(isPattern.Pattern, Evaluate(isPattern.Value));
                    return ContentValue.Empty;
                case IIsNullOperation isNull:
                    Evaluate(isNull.Operand);
                    return ContentValue.Empty;
                case IIsTypeOperation isType:
                    Evaluate(isType.ValueOperand);
                    return ContentValue.Empty;
                case IDelegateCreationOperation delegateCreation:
                    Evaluate(delegateCreation.Target);
                    return ContentValue.Empty;
                case IFlowAnonymousFunctionOperation lambda:
                    _seenLambdas.Add(lambda);
                    return ContentValue.Empty;
                case IReturnOperation { Kind: OperationKind.YieldReturn } yield:
                    var yielded = Evaluate(yield.ReturnedValue);
                    OnReturn(yielded, yield.ReturnedValue ?? yield);
                    return ContentValue.Empty;
                case IEventAssignmentOperation eventAssignment:
                    return AssignEventHandler(eventAssignment);
                case IWithOperation with:
                    return EvaluateWith(with);
                case IDeclarationExpressionOperation declaration:
                    return Evaluate(declaration.Expression);
                case IArrayCreationOperation array:
                    foreach (var size in array.DimensionSizes)
                    {
                        Evaluate(size);
                    }

                    return array.Initializer == null ? ContentValue.Empty : Elements(array.Initializer.ElementValues);
                case IArrayInitializerOperation initializer:
                    return Elements(initializer.ElementValues);
                case IArgumentOperation argument:
                    return Evaluate(argument.Value);
                case IThrowOperation @throw:
                    Evaluate(@throw.Exception);
                    return ContentValue.Empty;
                default:
                    return CombineAll(operation.ChildOperations);
            }
        }

        private static ContentValue CombineAll(ContentValue[] values)
        {
            var value = ContentValue.Empty;
            foreach (var item in values)
            {
                value = value.Combine(item);
            }

            return value;
        }

        private static bool IsStorageLocation(IOperation operation) =>
            operation is ILocalReferenceOperation || operation is IParameterReferenceOperation || operation is IFieldReferenceOperation ||
            operation is IPropertyReferenceOperation || operation is IArrayElementReferenceOperation;

        /// <summary>The storage location a captured reference stands for, when the capture is of one.</summary>
        private IOperation? CapturedLocation(IOperation operation) =>
            operation is IFlowCaptureReferenceOperation reference && _capturedReferences.TryGetValue(reference.Id, out var location) ? location : null;

        /// <summary>
        /// An array's or initializer's elements: their pieces, and the objects among them joined into the collection's
        /// element (<see cref="ContentValue.ElementMember"/>), so <c>new[] { card }</c> keeps each card's members.
        /// </summary>
        private ContentValue Elements(IEnumerable<IOperation> operations)
        {
            var pieces = ContentValue.Empty;
            ContentValue? element = null;
            foreach (var operation in operations)
            {
                var value = Evaluate(operation);
                pieces = pieces.Combine(value);
                if (value.HasObjectMembers)
                {
                    element = element == null ? value : element.Join(value);
                }
            }

            return element == null ? pieces : pieces.WithElement(element);
        }

        private ContentValue CombineAll(IEnumerable<IOperation> operations)
        {
            var value = ContentValue.Empty;
            foreach (var operation in operations)
            {
                value = value.Combine(Evaluate(operation));
            }

            return value;
        }

        /// <summary>"!check": the check's facts hold on the other branch; constants swap.</summary>
        private static ContentValue Negate(ContentValue value)
        {
            var markers = value.Markers & ~TypeFilter.BooleanMarkers;
            if (value.Has(ValueMarkers.FalseConstant))
            {
                markers |= ValueMarkers.TrueConstant;
            }

            if (value.Has(ValueMarkers.TrueConstant))
            {
                markers |= ValueMarkers.FalseConstant;
            }

            return ContentValue.Marker(markers, value.Signals.Negated);
        }

        /// <summary>Values are returned from the method (and yielded by iterators): published when this is an entry point's body.</summary>
        private void OnReturn(ContentValue value, IOperation returned)
        {
            if (Settings.IsEntryBody)
            {
                // In both passes: yielding a label notice changes the state of the stream that follows.
                Publish(returned.Syntax.GetLocation(), value, ContentValue.Empty, null);
            }

            if (_final)
            {
                _run.AddReturn(FoldPathFacts(value));
            }
        }
    }
}
