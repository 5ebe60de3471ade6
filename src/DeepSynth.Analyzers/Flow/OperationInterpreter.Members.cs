using System;
using System.Collections.Generic;
using System.Linq;
using DeepSynth.Analyzers.Catalogue;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;
using DeepSynth.Analyzers.Infrastructure;

namespace DeepSynth.Analyzers.Flow
{
    /// <summary>Reads and writes of locals, fields and properties; objects, patterns and deconstruction.</summary>
    internal sealed partial class OperationInterpreter
    {
        private ContentValue ReadSlot(SlotKey key) => _state.Get(key);

        private ContentValue ReadProperty(IPropertyReferenceOperation reference)
        {
            var property = reference.Property;
            foreach (var argument in reference.Arguments)
            {
                Evaluate(argument);
            }

            var role = Engine.Catalogue.GetRole(property);
            var received = Engine.Catalogue.MessageBusMessageType(property) is { } messageType ? ReceivedMessages(messageType) : ContentValue.Empty;
            switch (role.Kind)
            {
                case ApiRoleKind.GenerationSource:
                    Evaluate(reference.Instance);
                    return Generate(reference, role, new[] { ContentValue.Empty });
                case ApiRoleKind.ComplianceStep when StepProperty(role.Step!, property) is { } stepValue:
                    Evaluate(reference.Instance);
                    return stepValue;
                case ApiRoleKind.Channel:
                    Evaluate(reference.Instance);
                    return ContentValue.Marker(ValueMarkers.ResponseChannel);
                case ApiRoleKind.UserInput:
                    Evaluate(reference.Instance);
                    // Surfaces hook (issue 14): a bound property is one input however often it is read (ApiRole.InputLocation).
                    return ContentValue.Of(Origin.UserInput(role.InputLocation ?? reference.Syntax.GetLocation(), role.Description)).Combine(received);
            }

            if (received.HasPieces)
            {
                Evaluate(reference.Instance);
                return received;
            }

            if (!reference.Arguments.IsEmpty)
            {
                // cards[0], answers[id]: one element, with the elements' members where they are known.
                var receiver = Evaluate(reference.Instance).Element();

                // An indexer declared here whose getter computes its value (answers[question]): what the getter returns.
                if (Engine.IsComputedProperty(property) && property.GetMethod is { } indexer)
                {
                    var arguments = EvaluateArguments(reference.Arguments, indexer.Parameters.Length, out _, out _);
                    if (ApplySummary(indexer, arguments) is { } computed)
                    {
                        return receiver.Combine(computed);
                    }
                }

                return receiver;
            }

            if (Engine.IsComputedProperty(property) && (reference.Instance == null || reference.Instance is IInstanceReferenceOperation) &&
                property.GetMethod is { } getter)
            {
                var computed = ApplySummary(getter, new[] { ContentValue.Empty });
                if (computed != null)
                {
                    return computed;
                }
            }

            return ReadMember(property, reference.Instance);
        }

        private ContentValue ReadMember(ISymbol member, IOperation? instance)
        {
            if (member is IFieldSymbol { CorrespondingTupleField: { } element })
            {
                // mail.Body of a (string Subject, string Body) is its Item2, the name a tuple's value keeps.
                member = element;
            }

            if (instance == null || instance is IInstanceReferenceOperation)
            {
                if (_state.TryGet(SlotKey.For(member), out var local))
                {
                    return local;
                }

                return WithBoundInput(member, ReadStore(member)).Combine(ReadOwnMember(member));
            }

            var receiver = Evaluate(instance);
            if (TrackedKey(instance) is { } key && key.Depth < ContentValue.MaxMemberDepth && _state.TryGet(key.Member(member.Name), out var tracked))
            {
                return tracked;
            }

            var derived = Derive(receiver, member);
            if (Engine.IsSharedState(member) || Engine.IsContainerStore(member) || (IsUnknownObject(receiver) && Engine.IsStorable(member)))
            {
                // A service's state written by another method (cache.LastAnswer = ...): any instance, since services are shared.
                derived = derived.Combine(ReadStore(member));
            }

            return WithBoundInput(member, derived);
        }

        /// <summary>
        /// A member a data type's method reads of its own object (<c>Output</c> in <c>response.FirstText()</c>): that member
        /// of the receiver, which each call site puts in (<see cref="Origin.Receiver"/>). Nothing for services, whose
        /// members hold what any method stored into them (<see cref="ReadStore"/>).
        /// </summary>
        private ContentValue ReadOwnMember(ISymbol member)
        {
            if (member.IsStatic || !(member is IPropertySymbol or IFieldSymbol) || ThisValue() is not { HasPieces: true } self ||
                Engine.IsGenerationMetadata(member) || Engine.IsStoreKey(member) ||
                !TypeFilter.CanHoldContent(member is IPropertySymbol property ? property.Type : ((IFieldSymbol)member).Type))
            {
                return ContentValue.Empty;
            }

            return self.Map(p => ContentValue.Of(new Piece(p.Origin.ReadThrough(member), p.Facts)));
        }

        /// <summary>
        /// <c>this</c> in a method of a data type run as a callee: the receiver (<see cref="Origin.Receiver"/>). Empty for
        /// services, entry points and static code.
        /// </summary>
        private ContentValue ThisValue()
        {
            if (_thisValue == null)
            {
                var method = _run.Method;
                _thisValue = !Settings.IsEntryBody && !method.IsStatic && method.MethodKind != MethodKind.Constructor &&
                             method.ContainingType is { } type && Engine.IsDataType(type)
                    ? ContentValue.Of(Origin.Receiver(method.Locations.FirstOrDefault() ?? Location.None))
                    : ContentValue.Empty;
            }

            return _thisValue;
        }

        /// <summary>
        /// What every writer stored into <paramref name="store"/> (a member, a keyed cache, the bus), one level deeper.
        /// Out of depth it is not known, so the summary is marked truncated and must not stand for deeper ones.
        /// </summary>
        private ContentValue ReadStore(ISymbol store)
        {
            if (Settings.CallDepth <= 0)
            {
                Settings.Collector.Truncated |= Engine.MayBeStoredWithGeneratedContent(store, Settings.CancellationToken);
                return ContentValue.Empty;
            }

            var stored = Engine.ReadStoredMember(store, Settings.CallDepth - 1, Settings.CancellationToken, out var exact);
            Settings.Collector.Truncated |= !exact;
            return stored;
        }

        /// <summary>
        /// The message a consumer or requester receives (<c>context.Message</c> of a <c>ConsumeContext&lt;T&gt;</c>): what any
        /// method handed the bus in a message of that type, member by member (see <see cref="KnownApis.MessageBusSends"/>).
        /// </summary>
        private ContentValue ReceivedMessages(ITypeSymbol messageType)
        {
            if (Engine.Catalogue.MessageBusStore is not { } bus)
            {
                return ContentValue.Empty;
            }

            var stored = ReadStore(bus);
            var prefix = messageType.OriginalDefinition.FullName() + ".";
            return stored.Map(p => p.Origin.IsStoredCopy && p.Origin.Member!.StartsWith(prefix, StringComparison.Ordinal)
                ? ContentValue.Of(new Piece(p.Origin.RenamedStore(p.Origin.Member.Substring(prefix.Length)), p.Facts))
                : ContentValue.Empty);
        }

        /// <summary>
        /// A component member the user types into (<c>@bind="Prompt"</c>) is user input, besides what is stored there,
        /// wherever this method has not assigned it itself (see <see cref="BoundInputs"/>).
        /// </summary>
        private ContentValue WithBoundInput(ISymbol member, ContentValue value)
        {
            var inputs = Engine.BoundInputsOf(Settings.CancellationToken);
            return !inputs.IsEmpty && inputs.BindingOf(member) is { } binding
                ? value.Combine(ContentValue.Of(Origin.UserInput(binding, member.Name)))
                : value;
        }

        /// <summary>
        /// An object the engine did not see being built or handed in: read back from a store, a query, a cache, a
        /// deserializer (what it was read through may be user input: a query by the user's id). Its members hold what was
        /// stored into them anywhere.
        /// </summary>
        private static bool IsUnknownObject(ContentValue receiver) =>
            receiver.Members == null && !receiver.Pieces.Any(p => p.Origin.Kind != OriginKind.UserInput);

        /// <summary>
        /// The id, model or token usage of a model's response read into the app's own type (a JSON reply deserialized from
        /// an HTTP call, a Refit result): it describes the generation, like the SDKs' metadata members.
        /// </summary>
        private static bool IsResponseEnvelope(ContentValue receiver, ISymbol member) =>
            KnownApis.ResponseEnvelopeMembers.Contains(member.Name) &&
            receiver.Pieces.All(p => p.Origin.Kind == OriginKind.Generation && !p.Origin.IsStoredCopy);

        /// <summary>The value of <c>receiver.member</c> when nothing more precise is known.</summary>
        /// <param name="receiver">The value of the object read from.</param>
        /// <param name="member">The member read.</param>
        /// <param name="keepStoredCopies">
        /// For a callee's read of its parameter's member (<c>note.Text</c> in a mapper): a read-back object's member stays the
        /// stored copy, so the finding where the mapped object is published still names the stored member to label.
        /// </param>
        private ContentValue Derive(ContentValue receiver, ISymbol member, bool keepStoredCopies = false)
        {
            if (!receiver.HasPieces)
            {
                return ContentValue.Empty;
            }

            if (member.Name == "Value" && member.ContainingType?.OriginalDefinition.SpecialType == SpecialType.System_Nullable_T)
            {
                // file.Value of a (BinaryData Content, string Type)? is the tuple itself, with its members.
                return receiver;
            }

            if (receiver.TryGetMember(member.Name) is { } known)
            {
                return known;
            }

            if (member.Name == "Current" && receiver.TryGetMember(ContentValue.ElementMember) != null)
            {
                // foreach (var card in cards): the enumerator's Current is one element, with the elements' members.
                return receiver.Element();
            }

            if (receiver.HasObjectMembers && receiver.Has(ValueMarkers.CompleteMembers) && !Engine.IsComputedMember(member))
            {
                // Every write to the object's members was seen: nothing was written into this one.
                return ContentValue.Empty;
            }

            if (Engine.IsGenerationMetadata(member) || Engine.IsStoreKey(member) || IsResponseEnvelope(receiver, member))
            {
                return ContentValue.Empty;
            }

            // job.Teaser = text on an object whose other writes were not all seen: the text is in Teaser, so reading
            // job.Department of the same object reads none of it (a computed member may read any of them). Content in
            // every listed member is the object's whole content that a merge of two paths put there, not one member's.
            var members = receiver.HasObjectMembers && !Engine.IsComputedMember(member) ? receiver.Members : null;
            var derived = ContentValue.Empty;
            bool? wholeText = null;
            foreach (var piece in receiver.Pieces)
            {
                if (members != null && !piece.Origin.IsStoredCopy && IsHeldInSomeMembers(members, piece.Origin))
                {
                    continue;
                }

                if (piece.Origin.IsStoredCopy)
                {
                    if (member.ContainingType is { } owner && !Engine.IsHere(owner))
                    {
                        // A library object around the stored ones (a dictionary's Values, a task's Result): still those objects.
                        derived = derived.Combine(ContentValue.Of(piece));
                        continue;
                    }

                    // A read-back object holds each stored generation in one member: only that member yields it.
                    // Without case: a row Dapper reads back maps its columns to members so (@body is Body).
                    if (string.Equals(piece.Origin.Member, member.Name, StringComparison.OrdinalIgnoreCase))
                    {
                        derived = derived.Combine(ContentValue.Of(keepStoredCopies ? piece : new Piece(piece.Origin.Parent!, piece.Facts)));
                    }

                    continue;
                }

                // A part of a user input or of a parameter (its callers' arguments) is that part only: "request.Message",
                // "note.Title" in a mapper, so the note's other texts do not come with it.
                var origin = piece.Origin.Kind == OriginKind.UserInput && !(wholeText ??= Engine.IsWholeText(member)) ? piece.Origin.WithMember(member.Name)
                    : piece.Origin.Kind == OriginKind.Parameter && !(wholeText ??= Engine.IsWholeText(member)) ? piece.Origin.ReadThrough(member)
                    : piece.Origin;
                derived = derived.Combine(ContentValue.Of(new Piece(origin, piece.Facts)));
            }

            return derived;
        }

        /// <summary>
        /// Whether listed members hold the origin: the one member of one, or some but not all of several. Asked per piece on
        /// every member read, so it counts in place (at most <see cref="ContentValue.MaxMembers"/> members) instead of
        /// building a set per read.
        /// </summary>
        private static bool IsHeldInSomeMembers(System.Collections.Immutable.ImmutableDictionary<string, ContentValue> members, Origin origin)
        {
            // A collection's element is not a member of the collection (ContentValue.ElementMember).
            var count = members.ContainsKey(ContentValue.ElementMember) ? members.Count - 1 : members.Count;
            var holding = 0;
            foreach (var member in members)
            {
                if (member.Key == ContentValue.ElementMember)
                {
                    continue;
                }

                foreach (var piece in member.Value.Pieces)
                {
                    if (piece.Origin.Equals(origin))
                    {
                        holding++;
                        break;
                    }
                }
            }

            return holding > 0 && (count == 1 || holding < count);
        }

        /// <summary>The tracked location an operation denotes, when it denotes one.</summary>
        internal static SlotKey? TrackedKey(IOperation operation)
        {
            operation = Unwrap(operation);
            switch (operation)
            {
                case ILocalReferenceOperation local:
                    return SlotKey.For(local.Local);
                case IParameterReferenceOperation parameter:
                    return SlotKey.For(parameter.Parameter);
                case IFlowCaptureReferenceOperation capture:
                    return SlotKey.For(capture.Id);
                case IDeclarationExpressionOperation declaration:
                    return TrackedKey(declaration.Expression);
                case IFieldReferenceOperation field:
                    return MemberKey(field.Field, field.Instance);
                case IPropertyReferenceOperation property when property.Arguments.IsEmpty:
                    return MemberKey(property.Property, property.Instance);
                default:
                    return null;
            }
        }

        private static SlotKey? MemberKey(ISymbol member, IOperation? instance)
        {
            if (instance == null || instance is IInstanceReferenceOperation)
            {
                return SlotKey.For(member);
            }

            if (TrackedKey(instance) is { } key && key.Depth < ContentValue.MaxMemberDepth)
            {
                return key.Member(member.Name);
            }

            return null;
        }

        private void Assign(IOperation target, ContentValue value)
        {
            if (CapturedLocation(target) is { } location)
            {
                // "draft = draft with { ... }": the graph captured the location being assigned.
                target = location;
            }

            switch (target)
            {
                case ILocalReferenceOperation local:
                    _state.Set(SlotKey.For(local.Local), value);
                    return;
                case IParameterReferenceOperation parameter:
                    _state.Set(SlotKey.For(parameter.Parameter), value);
                    return;
                case IDeclarationExpressionOperation declaration:
                    Assign(declaration.Expression, value);
                    return;
                case ITupleOperation tuple:
                    Deconstruct(tuple, value);
                    return;
                case IFieldReferenceOperation field:
                    AssignMember(field.Field, field.Instance, value);
                    return;
                case IPropertyReferenceOperation property when property.Arguments.IsEmpty:
                    AssignMember(property.Property, property.Instance, value);
                    return;
                case IPropertyReferenceOperation indexer:
                    foreach (var argument in indexer.Arguments)
                    {
                        Evaluate(argument);
                    }

                    if (IsUnreadViewState(indexer.Instance, indexer.Arguments.Length == 1 ? indexer.Arguments[0].Value.ConstantValue.Value as string : null))
                    {
                        return;
                    }

                    AddToContainer(indexer.Instance, value);
                    return;
                case IArrayElementReferenceOperation element:
                    foreach (var index in element.Indices)
                    {
                        Evaluate(index);
                    }

                    AddToContainer(element.ArrayReference, value);
                    return;
                case IDynamicMemberReferenceOperation dynamicMember:
                    // ViewBag.Answer = text: the dynamic object holds what is assigned to it.
                    if (IsUnreadViewState(dynamicMember.Instance, dynamicMember.MemberName))
                    {
                        return;
                    }

                    AddToContainer(dynamicMember.Instance, value);
                    return;
                case IDynamicIndexerAccessOperation dynamicIndexer:
                    AddToContainer(dynamicIndexer.Operation, value);
                    return;
            }
        }

        /// <summary>ViewBag.Key / ViewData["Key"] / TempData["Key"] of a controller or page that no compiled view reads.</summary>
        private bool IsUnreadViewState(IOperation? container, string? key) =>
            key != null && container is IPropertyReferenceOperation { Property: var property } &&
            KnownApis.ViewStateMembers.Contains(property.Name) &&
            property.ContainingType?.ContainingNamespace?.FullName().StartsWith(KnownApis.ViewStateNamespace, System.StringComparison.Ordinal) == true &&
            !Engine.ViewStateReadsOf(Settings.CancellationToken).MayBeRead(key);

        private void AddToContainer(IOperation? container, ContentValue value)
        {
            if (container != null && TrackedKey(container) is { } key)
            {
                _state.Add(key, value);
                if (key.IsMemberPath)
                {
                    _state.Add(key.RootKey, value);
                }
            }

            // _drafts[draft.Id] = draft: the dictionary a member holds is read by other methods, like one added to.
            if (container != null && Engine.StoreMemberOf(container) is { } store)
            {
                RecordStore(store, value);
            }
        }

        private void AssignMember(ISymbol member, IOperation? instance, ContentValue value)
        {
            if (instance != null && Engine.Catalogue.IsPublishingResultType(instance.Type) && IsResultContentMember(member.Name))
            {
                // new ContentResult { Content = text } is lowered to an assignment on the new object: the creation publishes.
                Publish(instance.Syntax.GetLocation(), value, ContentValue.Empty, null);
                return;
            }

            if (instance == null || instance is IInstanceReferenceOperation)
            {
                _state.Set(SlotKey.For(member), value);
                RecordStore(member, value);
                return;
            }

            Evaluate(instance);
            if (TrackedKey(instance) is { } key && key.Depth < ContentValue.MaxMemberDepth)
            {
                _state.Set(key.Member(member.Name), value);
                if (key.IsMemberPath)
                {
                    _state.Add(key, value);
                }
                else
                {
                    // The object knows its member (so a later read of another member does not see this content).
                    _state.Replace(key, _state.Get(key).WithMember(member.Name, value));
                }
            }

            if (Engine.IsSharedState(member) || Engine.IsStorable(member))
            {
                RecordStore(member, value);
            }
        }

        /// <summary>
        /// Records, for other methods' reads, what this method stores into a member: generated content, and parameters
        /// (the callers' arguments: a setter-like method <c>Save(answer)</c> stores what each caller passes).
        /// </summary>
        private void RecordStore(ISymbol member, ContentValue value)
        {
            if (_final)
            {
                var stored = FoldPathFacts(MemberwiseCopy(value)).OfKinds(OriginKind.Generation, OriginKind.Parameter);
                if (stored.HasPieces)
                {
                    Settings.Collector.AddFieldWrite(member, stored);
                }
            }
        }

        /// <summary>
        /// An object stored whole (<c>_drafts[draft.Id] = draft</c>, <c>_last = reply</c>) keeps which member each
        /// generation went into: a store holds only pieces, so each member's generations become copies held in that member
        /// (<see cref="Origin.StoredIn"/>), as for an entity read back from a database, and reading <c>MatterId</c> of what
        /// is read back yields nothing of the <c>Text</c>. Content not in any member stays whole.
        /// </summary>
        private static ContentValue MemberwiseCopy(ContentValue value)
        {
            if (value.Members == null || value.Members.Count == 0)
            {
                return value;
            }

            var inMembers = new HashSet<Origin>();
            var copy = ContentValue.Empty;
            foreach (var member in value.Members)
            {
                if (member.Key == ContentValue.ElementMember)
                {
                    // A list of records stored: each element keeps which member its generations are in.
                    foreach (var piece in member.Value.Pieces)
                    {
                        inMembers.Add(piece.Origin);
                    }

                    copy = copy.Combine(MemberwiseCopy(member.Value));
                    continue;
                }

                foreach (var piece in member.Value.Pieces)
                {
                    inMembers.Add(piece.Origin);
                    copy = copy.Combine(ContentValue.Of(new Piece(piece.Origin.StoredIn(member.Key), piece.Facts)));
                }
            }

            foreach (var piece in value.Pieces)
            {
                if (!inMembers.Contains(piece.Origin))
                {
                    copy = copy.Combine(ContentValue.Of(piece));
                }
            }

            return copy;
        }

        private static bool IsResultContentMember(string name) =>
            name == "Content" || name == "Value" || name == "FileContents" || name == "FileStream" || name == "ViewData" || name == "Model";

        private ContentValue Create(IObjectCreationOperation creation)
        {
            var constructor = creation.Constructor;
            var arguments = EvaluateArguments(creation.Arguments, constructor?.Parameters.Length ?? 0, out var lambdas, out _);
            var lambdaValue = AnalyzeArgumentLambdas(lambdas, ContentValue.Empty);
            var members = new List<KeyValuePair<string, ContentValue>>();
            var complete = false;
            if (constructor != null && constructor.ContainingType.IsRecord)
            {
                for (var i = 0; i < constructor.Parameters.Length && i < arguments.Length; i++)
                {
                    members.Add(new KeyValuePair<string, ContentValue>(constructor.Parameters[i].Name, arguments[i]));
                }

                complete = Engine.IsPositionalRecordConstructor(constructor);
            }
            else if (constructor != null && ConstructedMembers(constructor, arguments) is { } constructed)
            {
                members.AddRange(constructed);
                complete = true;
            }

            ContentValue? element = null;
            if (creation.Initializer != null)
            {
                var collection = creation.Type != null && Engine.Catalogue.IsAccumulator(creation.Type);
                foreach (var initializer in creation.Initializer.Initializers)
                {
                    if (initializer is ISimpleAssignmentOperation { Target: IMemberReferenceOperation memberTarget } assignment)
                    {
                        members.Add(new KeyValuePair<string, ContentValue>(memberTarget.Member.Name, Evaluate(assignment.Value)));
                    }
                    else if (collection && initializer is IInvocationOperation { Arguments.Length: 1 } add)
                    {
                        // new List<JobCard> { card }: what is added, whose members the list's element keeps.
                        var added = Evaluate(add.Arguments[0].Value);
                        members.Add(new KeyValuePair<string, ContentValue>("$" + members.Count, added.PiecesOnly()));
                        if (added.HasObjectMembers)
                        {
                            element = element == null ? added : element.Join(added);
                        }
                    }
                    else
                    {
                        members.Add(new KeyValuePair<string, ContentValue>("$" + members.Count, Evaluate(initializer)));
                    }
                }
            }

            if (element != null)
            {
                members.Add(new KeyValuePair<string, ContentValue>(ContentValue.ElementMember, element));
            }

            var all = CombineAll(arguments).Combine(lambdaValue);

            if (Engine.Catalogue.IsPublishingResultType(creation.Type))
            {
                var content = all;
                foreach (var member in members)
                {
                    content = content.Combine(member.Value);
                }

                Publish(creation.Syntax.GetLocation(), content, ContentValue.Empty, null);
                return ContentValue.Empty;
            }

            if (members.Count > 0 || complete)
            {
                return ContentValue.Object(members, 0, complete).WithPiecesOf(all);
            }

            return all;
        }

        /// <summary>
        /// The members a constructor of a type declared here leaves in the new object, from its summary (parameters replaced
        /// by the arguments); an implicit constructor writes none. Null when it cannot be told (library types, constructors
        /// chained to another one with arguments, the depth bound).
        /// </summary>
        private List<KeyValuePair<string, ContentValue>>? ConstructedMembers(IMethodSymbol constructor, ContentValue[] arguments)
        {
            if (!Engine.IsHere(constructor.ContainingType) || constructor.ContainingType.TypeKind != TypeKind.Class)
            {
                return null;
            }

            if (constructor.IsImplicitlyDeclared)
            {
                return Engine.HasOnlyDefaultBase(constructor.ContainingType) ? new List<KeyValuePair<string, ContentValue>>() : null;
            }

            if (!Engine.IsSelfContainedConstructor(constructor) || Settings.CallDepth <= 0)
            {
                return null;
            }

            var summary = Engine.GetCallSummary(constructor, Settings.CallDepth - 1, Settings.CancellationToken, out var exact);
            Settings.Collector.Truncated |= !exact;
            if (summary == null || !exact || !summary.ReturnsNormally)
            {
                return null;
            }

            return summary.InstanceWrites.Select(m => new KeyValuePair<string, ContentValue>(m.Key.Name, Instantiate(m.Value, arguments))).ToList();
        }

        private ContentValue CreateAnonymous(IAnonymousObjectCreationOperation creation)
        {
            var members = new List<KeyValuePair<string, ContentValue>>();
            foreach (var initializer in creation.Initializers)
            {
                if (initializer is ISimpleAssignmentOperation { Target: IPropertyReferenceOperation property } assignment)
                {
                    members.Add(new KeyValuePair<string, ContentValue>(property.Property.Name, Evaluate(assignment.Value)));
                }
                else
                {
                    members.Add(new KeyValuePair<string, ContentValue>("$" + members.Count, Evaluate(initializer)));
                }
            }

            return ContentValue.Object(members, 0, complete: true);
        }

        private ContentValue EvaluateWith(IWithOperation with)
        {
            var operand = Evaluate(with.Operand);
            var members = new Dictionary<string, ContentValue>();
            if (operand.Members != null)
            {
                foreach (var member in operand.Members)
                {
                    members[member.Key] = member.Value;
                }
            }

            foreach (var initializer in with.Initializer.Initializers)
            {
                if (initializer is ISimpleAssignmentOperation { Target: IMemberReferenceOperation target } assignment)
                {
                    members[target.Member.Name] = Evaluate(assignment.Value);
                }
            }

            var result = ContentValue.Object(members, 0, complete: operand.Has(ValueMarkers.CompleteMembers));
            if (operand.Members != null)
            {
                return result;
            }

            // An object read back from a store holds each stored generation in one member: a member the copy sets anew
            // ("draft with { Text = label.Label(draft.Text) }") no longer holds what the store held there.
            var overwritten = with.Initializer.Initializers.OfType<ISimpleAssignmentOperation>()
                .Select(a => (a.Target as IMemberReferenceOperation)?.Member.Name).Where(n => n != null).ToList();
            return result.Combine(overwritten.Count == 0 ? operand : operand.Map(
                piece => piece.Origin.IsStoredCopy && overwritten.Contains(piece.Origin.Member) ? ContentValue.Empty : ContentValue.Of(piece), ValueMarkers.ResponseChannel | TypeFilter.BooleanMarkers | ValueMarkers.CompleteMembers));
        }

        private void Deconstruct(IOperation target, ContentValue source)
        {
            if (target is IDeclarationExpressionOperation declaration)
            {
                target = declaration.Expression;
            }

            if (target is not ITupleOperation tuple)
            {
                Assign(target, source.PiecesOnly());
                return;
            }

            for (var i = 0; i < tuple.Elements.Length; i++)
            {
                var element = source.TryGetMember("Item" + (i + 1)) ?? source.PiecesOnly();
                Assign(tuple.Elements[i], element);
            }
        }

        private void BindPattern(IPatternOperation pattern, ContentValue value)
        {
            switch (pattern)
            {
                case IDeclarationPatternOperation declaration:
                    Declare(declaration.DeclaredSymbol, value);
                    return;
                case IRecursivePatternOperation recursive:
                    Declare(recursive.DeclaredSymbol, value);
                    foreach (var subpattern in recursive.PropertySubpatterns)
                    {
                        var member = subpattern.Member is IMemberReferenceOperation reference ? reference.Member : null;
                        BindPattern(subpattern.Pattern, member == null ? value.PiecesOnly() : Derive(value, member));
                    }

                    foreach (var subpattern in recursive.DeconstructionSubpatterns)
                    {
                        BindPattern(subpattern, value.PiecesOnly());
                    }

                    return;
                case INegatedPatternOperation negated:
                    BindPattern(negated.Pattern, value);
                    return;
                case IBinaryPatternOperation binary:
                    BindPattern(binary.LeftPattern, value);
                    BindPattern(binary.RightPattern, value);
                    return;
                case IListPatternOperation list:
                    Declare(list.DeclaredSymbol, value);
                    foreach (var element in list.Patterns)
                    {
                        BindPattern(element, value.PiecesOnly());
                    }

                    return;
                case ISlicePatternOperation slice when slice.Pattern != null:
                    BindPattern(slice.Pattern, value.PiecesOnly());
                    return;
            }
        }

        private void Declare(ISymbol? symbol, ContentValue value)
        {
            if (symbol is ILocalSymbol local)
            {
                _state.Set(SlotKey.For(local), value);
            }
        }

        private ContentValue AssignEventHandler(IEventAssignmentOperation assignment)
        {
            if (assignment.EventReference is IEventReferenceOperation reference)
            {
                Evaluate(reference.Instance);
            }

            AnalyzeEventHandler(assignment);
            return ContentValue.Empty;
        }

        private ContentValue? ApplySummary(IMethodSymbol method, ContentValue[] arguments)
        {
            if (Settings.CallDepth <= 0 || !Engine.HasBodyOrImplementations(method))
            {
                return null;
            }

            var summary = Engine.GetCallSummary(method, Settings.CallDepth - 1, Settings.CancellationToken, out var exact);
            if (!exact)
            {
                Settings.Collector.Truncated = true;
            }

            return summary == null ? null : Instantiate(summary.Return, arguments);
        }
    }
}
