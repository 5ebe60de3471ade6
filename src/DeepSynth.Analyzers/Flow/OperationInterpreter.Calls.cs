using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using DeepSynth.Analyzers.Catalogue;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;
using DeepSynth.Analyzers.Infrastructure;

namespace DeepSynth.Analyzers.Flow
{
    /// <summary>Calls: generation, compliance steps, publishing, summaries of callees, default propagation.</summary>
    internal sealed partial class OperationInterpreter
    {
        /// <summary>Lambdas and local functions nested deeper than this are not followed.</summary>
        private const int MaxInlineDepth = 4;

        private ContentValue Invoke(IInvocationOperation invocation)
        {
            var target = invocation.TargetMethod;
            var receiver = invocation.Instance == null ? ContentValue.Empty : Evaluate(invocation.Instance);
            var arguments = EvaluateArguments(invocation.Arguments, target.Parameters.Length, out var lambdas, out var methodGroups);
            var role = Engine.Catalogue.GetRole(target);
            if (role.GuardedCall != GuardedCallKind.None)
            {
                // A face or voice edit: the duties of the call are checked here; its result flows on like any call's.
                EmitGuardedCall(invocation.Syntax.GetLocation(), role.GuardedCall, role.Description, FactSet.None, null, null);
            }

            switch (role.Kind)
            {
                case ApiRoleKind.GenerationSource:
                    AnalyzeArgumentLambdas(lambdas, ContentValue.Empty);
                    return Generate(invocation, role, WithoutSelectors(target, arguments));
                case ApiRoleKind.Publisher:
                    var published = ContentOf(arguments, role.ContentParameters);
                    if (HandToChildComponent(invocation, published))
                    {
                        AnalyzeArgumentLambdas(lambdas, ContentValue.Empty);
                        return ContentValue.Empty;
                    }

                    if (role.PublishesViewState)
                    {
                        published = published.Combine(ViewState(target));
                    }

                    if (Engine.FileStore is { } files && Engine.PublicFiles.ServesStoredFile(invocation, Settings.CancellationToken))
                    {
                        // Results.File(path): a file served by a computed path, whatever the app wrote outside the web root.
                        published = published.Combine(ReadStore(files));
                    }

                    Publish(RazorGeneratedCode.ReportableLocation(invocation.Syntax), published, ContentValue.Empty, null);
                    AnalyzeArgumentLambdas(lambdas, ContentValue.Empty, channelParameters: IsChannelCallback(target));
                    return ContentValue.Empty;
                case ApiRoleKind.ComplianceStep:
                    return ApplyStep(invocation, target, role, receiver, arguments);
                case ApiRoleKind.Channel:
                    return ContentValue.Marker(ValueMarkers.ResponseChannel);
                case ApiRoleKind.UserInput:
                    return ContentValue.Of(Origin.UserInput(invocation.Syntax.GetLocation(), role.Description));
                case ApiRoleKind.HandlerRegistration:
                    AnalyzeHandlers(invocation, role, lambdas, methodGroups);
                    return receiver.PiecesOnly();
            }

            if (role.IsNone && Engine.Catalogue.IsModelFunctionFactory(target))
            {
                // A tool: the model calls it later with arguments it writes, inside this request. Lambdas and local
                // functions run here; a method group's declaration is analysed as model-called (see ModelFunctions).
                RunModelFunctions(lambdas, methodGroups);
                return ContentValue.Empty;
            }

            if (role.IsNone && LabelRemovalStep(invocation) is { } removal)
            {
                return ApplyStep(invocation, target, removal, receiver, arguments);
            }

            if (role.IsNone && (!receiver.IsEmpty || arguments.Any(a => !a.IsEmpty)))
            {
                // A file written under the web root is served as is: the write publishes what goes into it.
                var fileContent = Engine.PublicFiles.ContentOf(invocation, Settings.CancellationToken);
                if (!fileContent.IsDefault)
                {
                    var written = fileContent.Contains(-1) ? receiver : ContentValue.Empty;
                    written = written.Combine(ContentOf(arguments, fileContent.Where(o => o >= 0).ToImmutableArray()));
                    Publish(invocation.Syntax.GetLocation(), written, ContentValue.Empty, null);
                    return ContentValue.Empty;
                }

                // Elsewhere, at a computed path, the file system keeps it for the request that reads it back and serves it.
                var storedContent = Engine.PublicFiles.StoredContentOf(invocation, Settings.CancellationToken);
                if (!storedContent.IsDefault && Engine.FileStore is { } files)
                {
                    var kept = storedContent.Contains(-1) ? receiver : ContentValue.Empty;
                    RecordStore(files, kept.Combine(ContentOf(arguments, storedContent.Where(o => o >= 0).ToImmutableArray())));
                }
            }

            if (role.IsNone && KnownApis.MemberSelectorWrites.Contains(target.Name) && !Engine.IsHere(target))
            {
                SelectorWrite(invocation, arguments);
            }

            if (role.IsNone && Engine.HttpModels.EndpointOf(invocation, Settings.CancellationToken) is { } endpoint)
            {
                // A model called over plain HTTP: the response is generated content; what the request carries is its input.
                AnalyzeArgumentLambdas(lambdas, ContentValue.Empty);
                var described = new ApiRole(ApiRoleKind.GenerationSource, endpoint.Media, ImmutableArray<int>.Empty, EntryKind.None, "HTTP " + endpoint.Path.Trim('/', ':'));
                return Generate(invocation, described, arguments.Append(receiver).ToArray());
            }

            if (role.IsNone && Engine.HttpModels.IsMessagingSend(invocation))
            {
                // An SMS or push gateway called over HTTP: the request body reaches people; the gateway's answer is no content.
                AnalyzeArgumentLambdas(lambdas, ContentValue.Empty);
                Publish(RazorGeneratedCode.ReportableLocation(invocation.Syntax), MessageBody(invocation, arguments).WithoutMembers(), ContentValue.Empty, null);
                return ContentValue.Empty;
            }

            if (role.IsNone && (Engine.Catalogue.IsModelApiFollowUp(target) || Engine.HttpModels.IsModelClientFollowUp(invocation)) &&
                FollowedGeneration(arguments.Append(receiver)) is { HasPieces: true } followed)
            {
                // A model API's task query handed a generation's result (the task id of an image job): its output.
                AnalyzeArgumentLambdas(lambdas, ContentValue.Empty);
                return followed;
            }

            if (target.MethodKind == MethodKind.LocalFunction)
            {
                var inlined = InlineLocalFunction(target, arguments);
                if (inlined != null)
                {
                    return inlined;
                }
            }

            var linq = target.DeclaringType() is { } linqType && KnownApis.LinqOperatorTypes.Contains(linqType.FullName());
            if (linq && KnownApis.LinqGroupings.Contains(target.Name) && lambdas.Count is 1 or 2 && methodGroups.Count == 0 && YieldsGroupings(target))
            {
                return Group(lambdas, SourceOf(receiver, arguments));
            }

            var lambdaValue = AnalyzeArgumentLambdas(lambdas, SourceOf(receiver, arguments), IsChannelCallback(target));
            ForgetCompleteness(invocation, receiver);
            var summarized = ApplyHandlers(invocation, arguments) ?? ApplySummary(invocation, target, arguments, receiver);
            if (summarized != null)
            {
                // A generic repository summarised once for its type parameter: the entity is known only here.
                return target.OriginalDefinition.ReturnType is { } declared && MentionsTypeParameter(declared, 0) ? WithReadBack(invocation, summarized, arguments) : summarized;
            }

            if (PublishToChannel(invocation, receiver, arguments))
            {
                return ContentValue.Empty;
            }

            var result = linq && ((lambdas.Count > 0 && KnownApis.LinqProjections.Contains(target.Name)) || (lambdas.Count > 1 && KnownApis.LinqKeyedProjections.Contains(target.Name)))
                ? ProjectedElements(target, lambdas, lambdaValue) // messages.Select(m => m.Id): only what the selector returns
                : DefaultResult(invocation, receiver, arguments);
            if (linq && KnownApis.LinqElementOperators.Contains(target.Name))
            {
                // cards.First(): one element, with the elements' members.
                result = result.Element();
            }

            if (methodGroups.Count > 0)
            {
                // list.Select(labeler.Label): the method group is applied to the elements.
                result = ApplyMethodGroups(invocation, methodGroups, result);
            }

            Accumulate(invocation, arguments);
            var cached = KeyedCache(invocation, arguments, lambdaValue);
            AssignOutArguments(invocation.Arguments, (invocation.Instance != null || target.IsExtensionMethod ? ReceiverValue(invocation, receiver, arguments) : result).Combine(cached));
            result = result.WithPiecesOf(lambdaValue).WithPiecesOf(cached);
            return linq ? result : WithReadBack(invocation, result, arguments);
        }

        /// <summary>
        /// What a projection's elements are: <c>Select(j =&gt; new JobCard(j.Id, j.Title, j.Teaser))</c> makes elements whose
        /// members hold what the selector put there (the result's pieces are added by the caller).
        /// </summary>
        private static ContentValue ProjectedElements(IMethodSymbol target, List<IFlowAnonymousFunctionOperation> lambdas, ContentValue selected) =>
            target.Name == "Select" && lambdas.Count == 1 && selected.HasObjectMembers
                ? ContentValue.Empty.WithElement(selected)
                : ContentValue.Empty;

        /// <summary>The generations (and, in a summary, the parameters) a call was handed, as content of their own.</summary>
        private static ContentValue FollowedGeneration(IEnumerable<ContentValue> values)
        {
            var followed = ContentValue.Empty;
            foreach (var value in values)
            {
                followed = followed.Combine(value.OfKinds(OriginKind.Generation, OriginKind.Parameter).PiecesOnly());
            }

            return followed;
        }

        /// <summary>What an HTTP send carries besides its URL: the body, the request message, or (Flurl) the receiver chain's body.</summary>
        private static ContentValue MessageBody(IInvocationOperation invocation, ContentValue[] arguments) =>
            ArgumentsExcept(invocation, arguments, argument =>
                argument.Parameter!.Name is { } name && KnownApis.HttpSendUrlParameters.Contains(name) && argument.Value.Type?.SpecialType == SpecialType.System_String);

        /// <summary>The arguments' content, without an extension method's receiver and those <paramref name="skip"/> names.</summary>
        private static ContentValue ArgumentsExcept(IInvocationOperation invocation, ContentValue[] arguments, System.Func<IArgumentOperation, bool> skip)
        {
            var value = ContentValue.Empty;
            foreach (var argument in invocation.Arguments)
            {
                var ordinal = argument.Parameter?.Ordinal ?? -1;
                if (ordinal < 0 || ordinal >= arguments.Length || (ordinal == 0 && invocation.TargetMethod.IsExtensionMethod) || skip(argument))
                {
                    continue;
                }

                value = value.Combine(arguments[ordinal]);
            }

            return value;
        }

        /// <summary>
        /// <c>Update.Set(d =&gt; d.Body, body)</c>: the value goes into the member the selector names, for every read of an
        /// entity of that type (see <see cref="KnownApis.MemberSelectorWrites"/>). The builder a chained call extends
        /// (<c>update.Set(...)</c>) holds earlier values, not this one.
        /// </summary>
        private void SelectorWrite(IInvocationOperation invocation, ContentValue[] arguments)
        {
            if (!(Engine.Models.GetModel(invocation.Syntax.SyntaxTree) is { } model))
            {
                return;
            }

            foreach (var selector in invocation.Arguments)
            {
                if (selector.Syntax is Microsoft.CodeAnalysis.CSharp.Syntax.ArgumentSyntax argument &&
                    FlowEngine.SelectedMember(argument.Expression, model, null, Settings.CancellationToken) is { } member)
                {
                    var value = Engine.IsStorable(member) ? ArgumentsExcept(invocation, arguments, a => ReferenceEquals(a, selector)) : ContentValue.Empty;
                    if (value.HasPieces)
                    {
                        RecordStore(member, value);
                    }

                    return;
                }
            }
        }

        /// <summary>
        /// A keyed cache (<see cref="KnownApis.KeyedCacheTypes"/>): a write stores its value (the arguments after the key,
        /// or what a GetOrCreate factory returns) for every read of that cache type; a read returns what any method stored.
        /// </summary>
        private ContentValue KeyedCache(IInvocationOperation invocation, ContentValue[] arguments, ContentValue factoryValue)
        {
            var written = Engine.KeyedCacheWrite(invocation);
            if (written != null && Engine.IsMessageBus(written))
            {
                RecordStore(written, SentMessage(invocation, arguments));
                return ContentValue.Empty;
            }

            if (written != null)
            {
                var stored = factoryValue;
                var objectStore = Engine.Catalogue.IsObjectStore(written);
                for (var i = invocation.TargetMethod.IsExtensionMethod && invocation.Instance == null ? 2 : objectStore ? 0 : 1; i < arguments.Length; i++)
                {
                    if (objectStore && i < invocation.TargetMethod.Parameters.Length && invocation.TargetMethod.Parameters[i].Type.SpecialType == SpecialType.System_String)
                    {
                        continue; // a blob's or object's name
                    }

                    // Each object keeps which member its generations are in (a Dapper parameter's Body is a row's Body).
                    stored = stored.Combine(MemberwiseCopy(arguments[i]));
                }

                if (Engine.Catalogue.IsSqlConnection(written))
                {
                    if (CommandParameters(invocation) is { } parameters)
                    {
                        stored = stored.Combine(MemberwiseCopy(Evaluate(parameters)));
                    }

                    stored = FlowEngine.InTable(stored, Engine.WrittenTable(invocation, Settings.CancellationToken));
                }
                else
                {
                    // A cache's keys are told apart by their constant prefix ("push:" and "faq:" in one cache).
                    stored = FlowEngine.UnderKey(stored, Engine.KeyPrefix(invocation, Settings.CancellationToken));
                }

                RecordStore(written, stored);
            }

            if (Engine.KeyedCacheRead(invocation, Settings.CancellationToken) is not { } read)
            {
                return ContentValue.Empty;
            }

            var cached = ReadStore(read);
            if (Settings.CallDepth > 0 && Engine.Catalogue.IsSqlConnection(read))
            {
                // A database: the columns the query reads, not everything any command wrote.
                cached = Engine.SqlRowsOf(invocation, cached, Settings.CallDepth - 1, Settings.CancellationToken, out var rowsExact);
                Settings.Collector.Truncated |= !rowsExact;
            }
            else
            {
                cached = FlowEngine.ReadUnderKey(cached, Engine.KeyPrefix(invocation, Settings.CancellationToken));
            }

            return cached;
        }

        /// <summary>
        /// The result of a library call that returns entities declared here (<c>db.Messages.ToListAsync()</c>,
        /// <c>container.ReadItemAsync&lt;Message&gt;(...)</c>, a deserializer), when nothing more is known of it: objects
        /// read back from a store hold in each member what any method stored there (<see cref="FlowEngine.ReadBackOf"/>).
        /// </summary>
        private ContentValue WithReadBack(IInvocationOperation invocation, ContentValue result, ContentValue[] arguments)
        {
            if (invocation.Type is not { } type || result.Members != null || Engine.StoredEntitiesIn(type, Settings.CancellationToken).IsEmpty ||
                result.Pieces.Any(p => p.Origin.Kind == OriginKind.Generation) || PassesKnownObjectThrough(invocation, arguments))
            {
                return result;
            }

            if (Settings.CallDepth <= 0)
            {
                Settings.Collector.Truncated = true;
                return result;
            }

            var readBack = Engine.ReadBackOf(type, Settings.CallDepth - 1, Settings.CancellationToken, out var exact);
            Settings.Collector.Truncated |= !exact;
            return result.WithPiecesOf(readBack);
        }

        /// <summary>
        /// A message handed to the bus (<c>bus.Publish(new ListingTranslated(id, title))</c>): its members' content, each kept
        /// under the message type's name (<c>ListingTranslated.Title</c>), so a consumer of another type reads none of it.
        /// </summary>
        private ContentValue SentMessage(IInvocationOperation invocation, ContentValue[] arguments)
        {
            foreach (var argument in invocation.Arguments)
            {
                if (argument.Parameter is { } parameter && parameter.Ordinal < arguments.Length && !(parameter.IsThis || (invocation.TargetMethod.IsExtensionMethod && invocation.Instance == null && parameter.Ordinal == 0)) &&
                    (parameter.Name == "message" || parameter.OriginalDefinition.Type is ITypeParameterSymbol) && Unwrap(argument.Value).Type is { } messageType)
                {
                    return FlowEngine.InTable(MemberwiseCopy(arguments[parameter.Ordinal]), messageType.OriginalDefinition.FullName());
                }
            }

            return ContentValue.Empty;
        }

        /// <summary>
        /// The parameter object of a command built in the call (<c>ExecuteAsync(new CommandDefinition(sql, new { id, body }))</c>),
        /// when it is an anonymous object of plain reads (evaluating it again cannot repeat a call; a control-flow capture,
        /// which a named argument such as <c>cancellationToken: ct</c> makes of the members, reads the value already taken).
        /// </summary>
        private IOperation? CommandParameters(IInvocationOperation invocation)
        {
            foreach (var argument in invocation.Arguments)
            {
                // Awaited with a using declaration, the command is a control-flow capture: read it as written.
                if (Engine.Models.Written(argument.Value, Settings.CancellationToken) is IObjectCreationOperation creation &&
                    Engine.Models.Written(creation.Arguments.FirstOrDefault(a => a.Parameter?.Name == "parameters")?.Value, Settings.CancellationToken) is IAnonymousObjectCreationOperation anonymous &&
                    anonymous.Initializers.All(i => i is ISimpleAssignmentOperation { Value: var v } && Unwrap(v) is ILocalReferenceOperation or IParameterReferenceOperation or IFieldReferenceOperation or IPropertyReferenceOperation or ILiteralOperation or IFlowCaptureReferenceOperation))
                {
                    return anonymous;
                }
            }

            return null;
        }

        /// <summary>
        /// <c>Task.FromResult(reply)</c>: a generic call handed an object whose members the engine saw written returns that
        /// object, not one read back from a store.
        /// </summary>
        private static bool PassesKnownObjectThrough(IInvocationOperation invocation, ContentValue[] arguments) =>
            invocation.TargetMethod.OriginalDefinition.Parameters.Any(p => p.Type is ITypeParameterSymbol && p.Ordinal < arguments.Length && arguments[p.Ordinal].Members != null);

        private static bool MentionsTypeParameter(ITypeSymbol type, int depth) =>
            type is ITypeParameterSymbol ||
            (depth < 3 && type is INamedTypeSymbol { IsGenericType: true } named && named.TypeArguments.Any(a => MentionsTypeParameter(a, depth + 1))) ||
            (depth < 3 && type is IArrayTypeSymbol array && MentionsTypeParameter(array.ElementType, depth + 1));

        /// <summary>
        /// The result of a call the engine knows nothing about: what the receiver and the arguments hold. A lookup in a
        /// collection (TryGetValue, GetValueOrDefault, LINQ) returns its elements, not the key; an argument named like an
        /// identifier (id, documentId, key) selects content rather than carrying it.
        /// </summary>
        private ContentValue DefaultResult(IInvocationOperation invocation, ContentValue receiver, ContentValue[] arguments)
        {
            var target = invocation.TargetMethod;
            var receiverOperation = RouteConventions.ReceiverOf(invocation);
            var isCollection = receiverOperation != null && Engine.Catalogue.IsAccumulator(receiverOperation.Type) && !KnownApis.MutatorMethods.Contains(target.Name);
            // The receiver keeps its members (task.ConfigureAwait(false), dto.Clone()); arguments add their pieces.
            var result = receiver;
            var carriesArguments = ContentCarriers.ResultCanCarryArguments(target, Engine.Catalogue);
            foreach (var parameter in target.Parameters)
            {
                if (parameter.Ordinal >= arguments.Length)
                {
                    continue;
                }

                var isThis = target.IsExtensionMethod && parameter.Ordinal == 0 && invocation.Instance == null;
                if (isThis)
                {
                    result = result.IsEmpty ? arguments[0] : result.WithPiecesOf(arguments[0]);
                }
                else if (carriesArguments && (isCollection ? IsSequence(parameter.Type) : !IsIdentifier(parameter)))
                {
                    // Task.FromResult(snapshot): the result is the argument itself, whose members stand.
                    result = result.IsEmpty && WrapsArgument(target.ReturnType, parameter.Type) ? arguments[parameter.Ordinal] : result.WithPiecesOf(arguments[parameter.Ordinal]);
                }
                else if (!carriesArguments && invocation.Arguments.FirstOrDefault(a => a.Parameter?.Ordinal == parameter.Ordinal)?.Value is { } given &&
                    given.Type is { } givenType && ContentCarriers.IsMappingOf(target.ReturnType, givenType))
                {
                    result = result.WithPiecesOf(arguments[parameter.Ordinal]);
                }
            }

            return result;
        }

        /// <summary>
        /// A method of the object's own type may write its members, which this method does not see: after such a call the
        /// object is no longer known to hold nothing in the members it did not list.
        /// </summary>
        private void ForgetCompleteness(IInvocationOperation invocation, ContentValue receiver)
        {
            if (receiver.Has(ValueMarkers.CompleteMembers) && !invocation.TargetMethod.IsStatic && invocation.Instance != null &&
                TrackedKey(invocation.Instance) is { } key)
            {
                _state.Replace(key, receiver.WithMarkers(receiver.Markers & ~ValueMarkers.CompleteMembers));
            }
        }

        private ContentValue ReceiverValue(IInvocationOperation invocation, ContentValue receiver, ContentValue[] arguments) =>
            invocation.Instance != null ? receiver.PiecesOnly() : arguments.Length > 0 ? arguments[0].PiecesOnly() : ContentValue.Empty;

        /// <summary>Whether a call's result is only its argument wrapped (a <c>Task&lt;T&gt;</c> or <c>ValueTask&lt;T&gt;</c> of a <c>T</c>).</summary>
        private static bool WrapsArgument(ITypeSymbol returned, ITypeSymbol parameter) =>
            returned is INamedTypeSymbol { TypeArguments.Length: 1 } wrapper && KnownApis.AwaitableWrappers.Contains(wrapper.OriginalDefinition.FullName()) &&
            parameter.TypeKind != TypeKind.TypeParameter && SymbolEqualityComparer.Default.Equals(wrapper.TypeArguments[0], parameter);

        private static bool IsSequence(ITypeSymbol type) =>
            type.SpecialType != SpecialType.System_String && type.AllInterfaces.Any(i => i.SpecialType == SpecialType.System_Collections_IEnumerable);

        private static bool IsIdentifier(IParameterSymbol parameter)
        {
            if (parameter.Type.SpecialType != SpecialType.System_String && TypeFilter.CanHoldContent(parameter.Type))
            {
                return false;
            }

            var name = parameter.Name;
            return name == "id" || name == "key" || name == "ids" || name == "keys" ||
                   name.EndsWith("Id", System.StringComparison.Ordinal) || name.EndsWith("Key", System.StringComparison.Ordinal) ||
                   name.EndsWith("Ids", System.StringComparison.Ordinal) || name.EndsWith("Keys", System.StringComparison.Ordinal);
        }

        /// <summary>Applies method groups passed to a call (Select(labeler.Label), ForEach(Send)) to what the call works on.</summary>
        private ContentValue ApplyMethodGroups(IInvocationOperation invocation, List<IMethodReferenceOperation> methodGroups, ContentValue input)
        {
            var value = input;
            foreach (var methodGroup in methodGroups)
            {
                var method = methodGroup.Method;
                var role = Engine.Catalogue.GetRole(method);
                switch (role.Kind)
                {
                    case ApiRoleKind.ComplianceStep:
                        value = ApplyStepTo(role.Step!, value);
                        break;
                    case ApiRoleKind.Publisher:
                        Publish(RazorGeneratedCode.ReportableLocation(invocation.Syntax), value.WithoutMembers(), ContentValue.Empty, null);
                        value = ContentValue.Empty;
                        break;
                    case ApiRoleKind.GenerationSource:
                        value = Generate(invocation, role, new[] { value });
                        break;
                    default:
                        if (Settings.CallDepth > 0 && Engine.HasBodyOrImplementations(method))
                        {
                            var summary = Engine.GetCallSummary(method, Settings.CallDepth - 1, Settings.CancellationToken, out var exact);
                            Settings.Collector.Truncated |= !exact;
                            if (summary != null)
                            {
                                var arguments = Enumerable.Repeat(value, System.Math.Max(method.Parameters.Length, 1)).ToArray();
                                foreach (var publish in summary.Publishes)
                                {
                                    Publish(RazorGeneratedCode.ReportableLocation(invocation.Syntax), Instantiate(OnlyKind(publish.Value, OriginKind.Parameter), arguments), OnlyKind(publish.Value, OriginKind.Generation), publish);
                                }

                                value = Instantiate(summary.Return, arguments);
                            }
                        }

                        break;
                }
            }

            return value;
        }

        private ContentValue[] EvaluateArguments(
            ImmutableArray<IArgumentOperation> arguments,
            int parameterCount,
            out List<IFlowAnonymousFunctionOperation> lambdas,
            out List<IMethodReferenceOperation> methodGroups)
        {
            var values = new ContentValue[System.Math.Max(parameterCount, 1)];
            for (var i = 0; i < values.Length; i++)
            {
                values[i] = ContentValue.Empty;
            }

            lambdas = new List<IFlowAnonymousFunctionOperation>();
            methodGroups = new List<IMethodReferenceOperation>();
            foreach (var argument in arguments)
            {
                var operation = Unwrap(argument.Value);
                if (operation is IDelegateCreationOperation { Target: IFlowAnonymousFunctionOperation lambda })
                {
                    lambdas.Add(lambda);
                    continue;
                }

                if (operation is IFlowAnonymousFunctionOperation quoted)
                {
                    // An expression tree (IQueryable's Select, Where): the query runs the lambda on the rows all the same.
                    lambdas.Add(quoted);
                    continue;
                }

                if (operation is IDelegateCreationOperation { Target: IMethodReferenceOperation methodGroup })
                {
                    methodGroups.Add(methodGroup);
                    continue;
                }

                var value = Evaluate(argument.Value);
                var ordinal = argument.Parameter?.Ordinal ?? values.Length - 1;
                ordinal = System.Math.Min(ordinal, values.Length - 1);
                // One argument keeps its members (new { productId, body } handed to a store); a params array's are combined.
                values[ordinal] = values[ordinal].IsEmpty ? value : values[ordinal].Combine(value).WithMarkersOf(values[ordinal]).WithMarkersOf(value);
            }

            return values;
        }

        private static IOperation Unwrap(IOperation operation)
        {
            while (operation is IConversionOperation conversion)
            {
                operation = conversion.Operand;
            }

            return operation;
        }

        private static ContentValue ContentOf(ContentValue[] arguments, ImmutableArray<int> ordinals)
        {
            var content = ContentValue.Empty;
            if (ordinals.IsEmpty)
            {
                foreach (var argument in arguments)
                {
                    content = content.Combine(argument);
                }

                return content;
            }

            foreach (var ordinal in ordinals)
            {
                if (ordinal >= 0 && ordinal < arguments.Length)
                {
                    content = content.Combine(arguments[ordinal]);
                }
            }

            return content;
        }

        /// <summary>What the controller or page put in ViewData, ViewBag and TempData, which a view renders.</summary>
        private ContentValue ViewState(IMethodSymbol view)
        {
            var state = ContentValue.Empty;
            foreach (var name in KnownApis.ViewStateMembers)
            {
                for (var type = view.ContainingType; type != null; type = type.BaseType)
                {
                    if (type.GetMembers(name).FirstOrDefault() is IPropertySymbol property)
                    {
                        state = state.Combine(ReadMember(property, null));
                        break;
                    }
                }
            }

            return state;
        }

        private ContentValue Generate(IOperation call, ApiRole role, ContentValue[] arguments)
        {
            var origin = Origin.Generation(call.Syntax.GetLocation(), role.Description, role.Media);
            EmitGeneration(call.Syntax.GetLocation(), CombineAll(arguments), role.Description, null, null);
            _state.ForgetStepsFor(origin);
            return ContentValue.Of(origin);
        }

        /// <summary>
        /// A generation call's arguments without those of an AI SDK's value types: a voice, an image size, a role
        /// (<c>new GeneratedSpeechVoice(voice)</c>) chooses how content is made and says nothing in it, so a user's choice
        /// of voice is no input to review. The SDKs' content types are classes and strings.
        /// </summary>
        private ContentValue[] WithoutSelectors(IMethodSymbol target, ContentValue[] arguments)
        {
            ContentValue[]? kept = null;
            for (var i = 0; i < arguments.Length && i < target.Parameters.Length; i++)
            {
                if (!arguments[i].IsEmpty && target.Parameters[i].Type is INamedTypeSymbol { IsValueType: true } type &&
                    type.SpecialType == SpecialType.None && Engine.Catalogue.IsAiSdkType(type))
                {
                    (kept ??= (ContentValue[])arguments.Clone())[i] = ContentValue.Empty;
                }
            }

            return kept ?? arguments;
        }

        /// <summary>True when the method returns something other than nothing, a plain task or a boolean.</summary>
        private static bool ReturnsContent(IMethodSymbol method)
        {
            var type = ContentCarriers.UnwrapTask(method.ReturnType);
            return type != null && !method.ReturnsVoid && type.SpecialType != SpecialType.System_Boolean && TypeFilter.CanHoldContent(type);
        }

        /// <summary>A reviewer or auditor that hands back what it was given (its return type is its first parameter's type).</summary>
        private static bool ReturnsFirstArgument(IMethodSymbol method)
        {
            if (method.Parameters.Length == 0)
            {
                return false;
            }

            var returned = ContentCarriers.UnwrapTask(method.ReturnType);
            return returned != null && SymbolEqualityComparer.Default.Equals(returned.OriginalDefinition, method.Parameters[0].Type.OriginalDefinition);
        }

        /// <summary>
        /// A render-tree call that sets a child component's parameter (declared here) stores the content for the child's
        /// render instead of publishing it (see <see cref="ComponentParameters"/>).
        /// </summary>
        private bool HandToChildComponent(IInvocationOperation invocation, ContentValue published)
        {
            if (!KnownApis.ComponentParameterMethods.Contains(invocation.TargetMethod.Name) || !RazorGeneratedCode.IsRazorOutput(invocation.Syntax.SyntaxTree) ||
                Engine.ComponentParametersOf(Settings.CancellationToken).TargetOf(invocation.Syntax) is not { } parameter)
            {
                return false;
            }

            RecordStore(parameter, published);
            return true;
        }

        private static bool IsChannelCallback(IMethodSymbol target) => KnownApis.ChannelCallbacks.Any(callback => callback.Names(target));

        /// <summary>Handlers registered as endpoints (MapPost, Use, StartReceiving) are entry points of their own.</summary>
        private void AnalyzeHandlers(IInvocationOperation invocation, ApiRole role, List<IFlowAnonymousFunctionOperation> lambdas, List<IMethodReferenceOperation> methodGroups)
        {
            if (!_final)
            {
                return;
            }

            foreach (var lambda in lambdas)
            {
                _analyzedLambdas.Add(lambda);
                var entry = Engine.EntryPoints.ForHandlerDelegate(lambda.Symbol, role.EntryKind, invocation.Syntax, Settings.CancellationToken);
                var graph = _run.Graph.GetAnonymousFunctionControlFlowGraph(lambda);
                RunEntry(graph, lambda.Symbol, entry);
            }

            foreach (var methodGroup in methodGroups)
            {
                if (methodGroup.Method.MethodKind == MethodKind.LocalFunction && FindLocalFunctionGraph(methodGroup.Method) is { } graph)
                {
                    var entry = Engine.EntryPoints.ForHandlerDelegate(methodGroup.Method, role.EntryKind, invocation.Syntax, Settings.CancellationToken);
                    RunEntry(graph, methodGroup.Method, entry);
                }
            }
        }

        private void RunEntry(ControlFlowGraph graph, IMethodSymbol handler, EntryContext entry)
        {
            if (Settings.InlineDepth >= MaxInlineDepth)
            {
                return;
            }

            var initial = FlowState.Initial(entry.EstablishedFacts);
            foreach (var slot in _state.Slots)
            {
                initial.Replace(slot.Key, slot.Value);
            }

            Engine.SeedEntryParameters(initial, handler, entry);
            var nested = new MethodRun(Engine, graph, handler, Settings.Nested(isEntryBody: true, entry), initial);
            nested.Run();
        }

        private void AnalyzeEventHandler(IEventAssignmentOperation assignment)
        {
            if (Unwrap(assignment.HandlerValue) is not IDelegateCreationOperation { Target: IFlowAnonymousFunctionOperation lambda })
            {
                return;
            }

            var @event = assignment.EventReference is IEventReferenceOperation reference ? reference.Event : null;
            var isBotEvent = @event != null && KnownApis.BotEvents.Any(e => e.Member == @event.Name && IsOrDerives(@event.ContainingType, e.TypeName));
            if (!isBotEvent)
            {
                AnalyzeLambda(lambda, ContentValue.Empty, channelParameters: false);
                return;
            }

            _analyzedLambdas.Add(lambda);
            if (_final)
            {
                RunEntry(_run.Graph.GetAnonymousFunctionControlFlowGraph(lambda), lambda.Symbol, new EntryContext(EntryKind.BotHandler, IdentityMetadata.None));
            }
        }

        private static bool IsOrDerives(INamedTypeSymbol? type, string name)
        {
            for (var t = type; t != null; t = t.BaseType)
            {
                if (t.FullName() == name)
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>
        /// What a call works on: the receiver and the arguments combined; one object alone keeps its members (a sequence of
        /// groups keeps the groups' key for the lambdas that read it).
        /// </summary>
        private static ContentValue SourceOf(ContentValue receiver, ContentValue[] arguments)
        {
            var source = receiver;
            foreach (var argument in arguments)
            {
                source = source.IsEmpty ? argument : argument.IsEmpty ? source : source.Combine(argument);
            }

            return source;
        }

        /// <summary>Whether a grouping operator returns the groups themselves (not what a result selector makes of them).</summary>
        private static bool YieldsGroupings(IMethodSymbol target) =>
            target.ReturnType is INamedTypeSymbol returned &&
            (IsGrouping(returned) || returned.AllInterfaces.Any(i => i.TypeArguments.Length == 1 && i.TypeArguments[0] is INamedTypeSymbol element && IsGrouping(element)));

        private static bool IsGrouping(ITypeSymbol type) =>
            type is INamedTypeSymbol { Arity: 2, MetadataName: KnownApis.GroupingTypeName } named && named.ContainingNamespace.FullName() == KnownApis.GroupingNamespace;

        /// <summary>
        /// <c>GroupBy(keySelector[, elementSelector])</c>: the groups hold the source's elements (or what the element selector
        /// returns), and their <see cref="KnownApis.GroupingKey"/> only what the key selector returns.
        /// </summary>
        private ContentValue Group(List<IFlowAnonymousFunctionOperation> lambdas, ContentValue source)
        {
            var key = AnalyzeLambda(lambdas[0], source, channelParameters: false);
            var elements = lambdas.Count == 2 ? AnalyzeLambda(lambdas[1], source, channelParameters: false) : source.PiecesOnly();
            return elements.PiecesOnly().WithMember(KnownApis.GroupingKey, key);
        }

        /// <summary>Lambdas handed to an ordinary call run where they are created; their results flow into the call's result.</summary>
        private ContentValue AnalyzeArgumentLambdas(List<IFlowAnonymousFunctionOperation> lambdas, ContentValue parameterValue, bool channelParameters = false)
        {
            var value = ContentValue.Empty;
            foreach (var lambda in lambdas)
            {
                // One lambda's result keeps its members (a selector's new JobCard(...): see ProjectedElements).
                var result = AnalyzeLambda(lambda, parameterValue, channelParameters);
                value = value.IsEmpty ? result : value.Combine(result);
            }

            return value;
        }

        private void RunModelFunctions(List<IFlowAnonymousFunctionOperation> lambdas, List<IMethodReferenceOperation> methodGroups)
        {
            foreach (var lambda in lambdas)
            {
                AnalyzeLambda(lambda, ContentValue.Empty, channelParameters: false, modelWritten: true);
            }

            foreach (var methodGroup in methodGroups)
            {
                if (methodGroup.Method.MethodKind == MethodKind.LocalFunction && Settings.InlineDepth < MaxInlineDepth &&
                    FindLocalFunctionGraph(methodGroup.Method) is { } graph)
                {
                    var initial = _state.Clone();
                    foreach (var parameter in methodGroup.Method.Parameters)
                    {
                        initial.Set(SlotKey.For(parameter), Engine.ModelWrittenArgument(parameter) ?? ContentValue.Empty);
                    }

                    new MethodRun(Engine, graph, methodGroup.Method, NestedSettings(isEntryBody: false), initial).Run();
                }
            }
        }

        private ContentValue AnalyzeLambda(IFlowAnonymousFunctionOperation lambda, ContentValue parameterValue, bool channelParameters, bool modelWritten = false)
        {
            _analyzedLambdas.Add(lambda);
            if (Settings.InlineDepth >= MaxInlineDepth)
            {
                return ContentValue.Empty;
            }

            var graph = _run.Graph.GetAnonymousFunctionControlFlowGraph(lambda);
            var initial = _state.Clone();
            foreach (var parameter in lambda.Symbol.Parameters)
            {
                initial.Set(SlotKey.For(parameter),
                    modelWritten ? Engine.ModelWrittenArgument(parameter) ?? ContentValue.Empty :
                    channelParameters ? ContentValue.Marker(ValueMarkers.ResponseChannel) :
                    IsGrouping(parameter.Type) ? parameterValue : parameterValue.Element());
            }

            var nested = new MethodRun(Engine, graph, lambda.Symbol, NestedSettings(isEntryBody: false), initial);
            nested.Run();
            KeepAddedToCapturedContainers(lambda, graph, nested.ExitState);
            return nested.ReturnValue;
        }

        /// <summary>
        /// What a lambda that runs here added to a container of the enclosing function ("Task.Run(async () =>
        /// channel.Writer.WriteAsync(update.Text))", "items.ForEach(i => sb.Append(i))") is in that container after the call:
        /// the hub method that returns channel.Reader, the handler that returns sb.ToString() publish it. Only containers
        /// (collections, builders, writers, channels): a captured local the lambda assigns anew is not followed.
        /// </summary>
        private void KeepAddedToCapturedContainers(IFlowAnonymousFunctionOperation lambda, ControlFlowGraph graph, FlowState? exit)
        {
            if (exit == null)
            {
                return;
            }

            // The lambda's graph is bound already: its receivers are read from the operations, no syntax is bound again.
            HashSet<ILocalSymbol>? seen = null;
            foreach (var block in graph.Blocks)
            {
                foreach (var operation in block.Operations.Concat(block.BranchValue == null ? Enumerable.Empty<IOperation>() : new[] { block.BranchValue }))
                {
                    foreach (var reference in operation.DescendantsAndSelf().OfType<ILocalReferenceOperation>())
                    {
                        // Only a receiver ("channel.Writer...", "sb.Append"): what adds to a container names it so.
                        if ((reference.Parent is IInvocationOperation || reference.Parent is IMemberReferenceOperation || reference.Parent is IFlowCaptureOperation) &&
                            !SymbolEqualityComparer.Default.Equals(reference.Local.ContainingSymbol, lambda.Symbol) &&
                            (seen ??= new HashSet<ILocalSymbol>(SymbolEqualityComparer.Default)).Add(reference.Local) &&
                            Engine.Catalogue.IsContainer(reference.Local.Type) && exit.Get(SlotKey.For(reference.Local)) is { HasPieces: true } after)
                        {
                            _state.Add(SlotKey.For(reference.Local), after);
                        }
                    }
                }
            }
        }

        /// <summary>Runs a local function at its call with the caller's state (context-sensitive, bounded).</summary>
        private ContentValue? InlineLocalFunction(IMethodSymbol localFunction, ContentValue[] arguments)
        {
            if (Settings.InlineDepth >= MaxInlineDepth || FindLocalFunctionGraph(localFunction) is not { } graph)
            {
                return null;
            }

            var initial = _state.Clone();
            for (var i = 0; i < localFunction.Parameters.Length && i < arguments.Length; i++)
            {
                initial.Set(SlotKey.For(localFunction.Parameters[i]), arguments[i]);
            }

            var nested = new MethodRun(Engine, graph, localFunction, NestedSettings(isEntryBody: false), initial);
            nested.Run();
            if (nested.ExitState != null)
            {
                _state.CopyFrom(nested.ExitState);
            }

            return nested.ReturnValue;
        }

        private RunSettings NestedSettings(bool isEntryBody)
        {
            var nested = Settings.Nested(isEntryBody);
            return _final ? nested : new RunSettings(nested.Entry, isEntryBody, nested.CallDepth, nested.InlineDepth, null, new SummaryCollector(), nested.CancellationToken);
        }

        private ControlFlowGraph? FindLocalFunctionGraph(IMethodSymbol localFunction)
        {
            for (var graph = _run.Graph; graph != null; graph = graph.Parent)
            {
                if (graph.LocalFunctions.Contains(localFunction, SymbolEqualityComparer.Default))
                {
                    return graph.GetLocalFunctionControlFlowGraph(localFunction);
                }
            }

            return null;
        }

        /// <summary>Applies the callee's summary: what it publishes and generates from our arguments, then its effects and its result.</summary>
        /// <summary>
        /// A mediator call runs the handlers of its request inside this request: each is summarised as the callee, with the
        /// call's arguments (the request first); the results join. Null when the call is not a dispatch or no handler is known.
        /// </summary>
        private ContentValue? ApplyHandlers(IInvocationOperation invocation, ContentValue[] arguments)
        {
            ContentValue? joined = null;
            foreach (var handler in Engine.HandlersOf(invocation, Settings.CancellationToken))
            {
                if (ApplySummary(invocation, handler, arguments) is { } result)
                {
                    joined = joined == null ? result : joined.Join(result);
                }
            }

            return joined;
        }

        /// <summary>
        /// The arguments as a store keeps them: an object with the members its generations went into
        /// (<see cref="MemberwiseCopy"/>), whether built in the argument (<c>Store(new Push(sku, text, model))</c>) or held
        /// in a local, whose argument value, pieces only, no longer tells them.
        /// </summary>
        private ContentValue[] StoredArguments(IInvocationOperation invocation, ContentValue[] arguments)
        {
            var stored = arguments.ToArray();
            for (var i = 0; i < stored.Length; i++)
            {
                if (stored[i].Members is { Count: > 0 })
                {
                    stored[i] = MemberwiseCopy(stored[i]);
                }
            }

            foreach (var argument in invocation.Arguments)
            {
                if (argument.Parameter is { } parameter && parameter.Ordinal < stored.Length && TrackedKey(argument.Value) is { } key &&
                    _state.TryGet(key, out var value) && value.Members != null)
                {
                    stored[parameter.Ordinal] = MemberwiseCopy(value);
                }
            }

            return stored;
        }

        private ContentValue? ApplySummary(IInvocationOperation invocation, IMethodSymbol target, ContentValue[] arguments, ContentValue? receiver = null)
        {
            if (!Engine.HasBodyOrImplementations(target))
            {
                return null;
            }

            if (Settings.CallDepth <= 0)
            {
                Settings.Collector.Truncated = true;
                return null;
            }

            var summary = Engine.GetCallSummary(target, Settings.CallDepth - 1, Settings.CancellationToken, out var exact);
            if (!exact)
            {
                Settings.Collector.Truncated = true;
            }

            if (summary == null)
            {
                return null;
            }

            var location = invocation.Syntax.GetLocation();
            foreach (var publish in summary.Publishes)
            {
                var fromArguments = Instantiate(OnlyKind(publish.Value, OriginKind.Parameter), arguments, receiver);
                Publish(location, fromArguments, OnlyKind(publish.Value, OriginKind.Generation), publish);
            }

            foreach (var generation in summary.Generations)
            {
                EmitGeneration(location, Instantiate(generation.Inputs, arguments, receiver), generation.Generator, generation.Generator, generation.InnerCall);
            }

            foreach (var call in summary.GuardedCalls)
            {
                EmitGuardedCall(location, call.Kind, call.Callee, call.PathFacts, target.Name, call.InnerCall);
            }

            for (var i = 0; i < arguments.Length; i++)
            {
                var effects = summary.FactsOn(i);
                EstablishAll(effects & Engine.Facts.OriginFacts, arguments[i]);
                if (i < summary.ParameterContents.Length && summary.ParameterContents[i].HasPieces &&
                    invocation.Arguments.FirstOrDefault(a => a.Parameter?.Ordinal == i) is { } receiving)
                {
                    // The callee added content to the object we passed (a channel writer, a list, a builder).
                    AddToContainer(receiving.Value, summary.ParameterContents[i]);
                }

                var inPlace = effects & Engine.Facts.ValueFacts;
                if (!inPlace.IsEmpty &&
                    invocation.Arguments.FirstOrDefault(a => a.Parameter?.Ordinal == i) is { } argument &&
                    TrackedKey(argument.Value) is { } key)
                {
                    _state.ApplyFacts(key, inPlace, Engine.Facts.ClearedBy(inPlace));
                }
            }

            ContentValue[]? storedArguments = null;
            foreach (var write in summary.FieldWrites)
            {
                // The callee stored its parameters (history.Remember(answer)): what we passed is stored there, each
                // object with the members its generations went into (store.SaveDraft(draft)).
                storedArguments ??= StoredArguments(invocation, arguments);
                var passed = Instantiate(OnlyKind(write.Value, OriginKind.Parameter), storedArguments, receiver);
                if (passed.HasPieces)
                {
                    RecordStore(write.Key, passed);
                }
            }

            EmitCalleeSteps(location, target, summary, arguments);
            _state.PathFacts |= summary.PathFacts;
            ApplyInstanceWrites(invocation, summary, arguments, receiver);

            foreach (var piece in summary.Return.Pieces)
            {
                if (piece.Origin.Kind == OriginKind.Generation)
                {
                    _state.ForgetStepsFor(piece.Origin);
                }
            }

            return Instantiate(summary.Return, arguments, receiver);
        }

        /// <summary>
        /// A callee whose result is a copy its steps made of a parameter (a helper that re-encodes the image it is given):
        /// the call is the step for this method's content.
        /// </summary>
        private void EmitCalleeSteps(Location location, IMethodSymbol target, MethodSummary summary, ContentValue[] arguments)
        {
            if (!_final || Engine.Facts.UndoingFacts.IsEmpty)
            {
                return;
            }

            foreach (var piece in summary.Return.Pieces)
            {
                var undoing = piece.Facts & Engine.Facts.UndoingFacts;
                var ordinal = piece.Origin.ParameterOrdinal;
                if (piece.Origin.Kind != OriginKind.Parameter || undoing.IsEmpty || ordinal < 0 || ordinal >= arguments.Length)
                {
                    continue;
                }

                foreach (var index in undoing.Indexes())
                {
                    if (Engine.Facts[index] is { } fact)
                    {
                        EmitStep(location, fact, arguments[ordinal], target.ContainingType?.Name + "." + target.Name, target.Name);
                    }
                }
            }
        }

        private void EmitStep(Location at, Fact fact, ContentValue content, string step, string? via)
        {
            if (!_final || !content.HasPieces)
            {
                return;
            }

            var origins = content.Pieces.Select(p => p.Origin).Where(o => o.Kind != OriginKind.UserInput).ToImmutableArray();
            if (!origins.IsEmpty)
            {
                Settings.Sink?.OnStep(new StepEvent(at, fact, origins, step, via));
            }
        }

        /// <summary>What the callee wrote into the members of the object it was called on, written into that object here.</summary>
        private void ApplyInstanceWrites(IInvocationOperation invocation, MethodSummary summary, ContentValue[] arguments, ContentValue? receiver)
        {
            if (summary.InstanceWrites.IsEmpty || invocation.TargetMethod.IsStatic)
            {
                return;
            }

            var onThis = invocation.Instance == null || invocation.Instance is IInstanceReferenceOperation;
            var key = onThis ? (SlotKey?)null : TrackedKey(invocation.Instance!);
            foreach (var write in summary.InstanceWrites)
            {
                // The callee may have written the member on some paths only: what it held before may still be there.
                var written = Instantiate(write.Value, arguments, receiver);
                if (onThis)
                {
                    var member = SlotKey.For(write.Key);
                    _state.Set(member, _state.TryGet(member, out var before) ? before.Join(written) : written);
                }
                else if (key is { } objectKey && objectKey.Depth < ContentValue.MaxMemberDepth)
                {
                    var member = objectKey.Member(write.Key.Name);
                    var value = _state.TryGet(member, out var before) ? before.Join(written) : written;
                    _state.Set(member, value);
                    if (!objectKey.IsMemberPath)
                    {
                        _state.Replace(objectKey, _state.Get(objectKey).WithMember(write.Key.Name, value));
                    }
                }
            }
        }

        private static ContentValue OnlyKind(ContentValue value, OriginKind kind) => value.OfKinds(kind);

        /// <summary>Replaces parameter pieces of a callee's value by the arguments, adding the facts the callee gave them.</summary>
        /// <param name="value">The callee's value.</param>
        /// <param name="arguments">What the call passed, by parameter ordinal.</param>
        /// <param name="receiver">The object the call was made on, for a data type's method (<see cref="Origin.Receiver"/>).</param>
        private ContentValue Instantiate(ContentValue value, ContentValue[] arguments, ContentValue? receiver = null) =>
            value.Map(
                piece =>
                {
                    if (piece.Origin.Kind != OriginKind.Parameter)
                    {
                        return ContentValue.Of(piece);
                    }

                    var ordinal = piece.Origin.ParameterOrdinal;
                    var passed = ordinal == Origin.ReceiverOrdinal ? receiver : ordinal >= 0 && ordinal < arguments.Length ? arguments[ordinal] : null;
                    if (passed == null)
                    {
                        return ContentValue.Empty;
                    }

                    if (piece.Origin.ReadMember is { } read)
                    {
                        // The callee read a member of the parameter: that member of this argument.
                        return Derive(passed, read, keepStoredCopies: true).PiecesOnly().WithFacts(piece.Facts, Engine.Facts.ClearedBy(piece.Facts));
                    }

                    var argument = passed.PiecesOnly().WithFacts(piece.Facts, Engine.Facts.ClearedBy(piece.Facts));
                    // A parameter the callee stored in a member: the argument's generations are held in that member.
                    return piece.Origin.Member is { } member ? argument.Map(p => ContentValue.Of(new Piece(p.Origin.StoredIn(member), p.Facts))) : argument;
                },
                ~ValueMarkers.ResponseChannel);

        /// <summary>Content handed to a channel (the response body, a writer on it, a client proxy) is published.</summary>
        private bool PublishToChannel(IInvocationOperation invocation, ContentValue receiver, ContentValue[] arguments)
        {
            if (KnownApis.ChannelLifetimeMethods.Contains(invocation.TargetMethod.Name))
            {
                return false;
            }

            var channel = false;
            var content = ContentValue.Empty;
            if (invocation.Instance != null)
            {
                if (IsChannel(invocation.Instance, receiver))
                {
                    channel = true;
                }
                else
                {
                    content = content.Combine(receiver);
                }
            }

            foreach (var argument in invocation.Arguments)
            {
                var ordinal = argument.Parameter?.Ordinal ?? -1;
                var value = ordinal >= 0 && ordinal < arguments.Length ? arguments[ordinal] : ContentValue.Empty;
                if (IsChannel(argument.Value, value))
                {
                    channel = true;
                }
                else
                {
                    content = content.Combine(value);
                }
            }

            if (!channel || (!content.HasPieces && content.Signals.Notice.IsEmpty))
            {
                return false;
            }

            Publish(RazorGeneratedCode.ReportableLocation(invocation.Syntax), content.WithoutMembers(), ContentValue.Empty, null);
            return true;
        }

        private bool IsChannel(IOperation operation, ContentValue value) =>
            value.Has(ValueMarkers.ResponseChannel) || Engine.Catalogue.IsChannelType(Unwrap(operation).Type);

        /// <summary>Adding content to a collection, builder, writer or stream adds it to that object.</summary>
        private void Accumulate(IInvocationOperation invocation, ContentValue[] arguments)
        {
            if (!KnownApis.MutatorMethods.Contains(invocation.TargetMethod.Name))
            {
                return;
            }

            var receiver = RouteConventions.ReceiverOf(invocation);

            // sb.Append("• ").AppendLine(line): a fluent call returns the builder it was called on.
            while (receiver is IInvocationOperation chained && KnownApis.MutatorMethods.Contains(chained.TargetMethod.Name) && Engine.Catalogue.IsAccumulator(chained.Type))
            {
                receiver = RouteConventions.ReceiverOf(chained);
            }

            if (receiver == null || !Engine.Catalogue.IsAccumulator(receiver.Type) || TrackedKey(receiver) is not { } key)
            {
                return;
            }

            var added = ContentValue.Empty;
            var skipFirst = invocation.Instance == null;
            for (var i = skipFirst ? 1 : 0; i < arguments.Length; i++)
            {
                // One object added (db.Letters.Add(letter)) keeps its members, so a store records which member held what.
                added = added.IsEmpty ? arguments[i] : added.Combine(arguments[i]);
            }

            if (!added.HasPieces)
            {
                return;
            }

            // _history.Add(answer), _feed.Writer.WriteAsync(answer): the container a member holds is read by other methods.
            if ((Engine.StoreMemberOf(receiver) ?? Engine.StoreAliasOf(receiver, Settings.CancellationToken)) is { } store)
            {
                RecordStore(store, added);
            }

            // The container itself holds the content; one object added (cards.Add(card), rows.Insert(0, row): several
            // non-empty arguments were combined above, without members) is joined into its element, with its members.
            var content = added.PiecesOnly();
            var element = added.HasObjectMembers ? added : null;
            AddTo(key, content, element);

            // sb.AppendLine($"{x}"): the CFG captures the builder local, then appends through the capture; the content
            // belongs to the local the capture stands for.
            if (CapturedLocation(receiver) is { } location && TrackedKey(location) is { } locationKey)
            {
                AddTo(locationKey, content, element);
            }
        }

        /// <summary>
        /// Adds content to a container and to the object that holds it, in that member: db.Reminders.Add(reminder) does
        /// not put the reminder into db.Customers.
        /// </summary>
        private void AddTo(SlotKey key, ContentValue content, ContentValue? element = null)
        {
            _state.Add(key, content);
            if (element != null)
            {
                _state.Replace(key, _state.Get(key).WithElement(element));
            }

            if (key.IsMemberPath)
            {
                _state.Add(key.RootKey, HeldIn(content, key.FirstMember!));
            }
        }

        private static ContentValue HeldIn(ContentValue content, string member) =>
            content.Map(piece => ContentValue.Of(new Piece(piece.Origin.StoredIn(member), piece.Facts)));

        private void AssignOutArguments(ImmutableArray<IArgumentOperation> arguments, ContentValue value)
        {
            foreach (var argument in arguments)
            {
                if (argument.Parameter != null && (argument.Parameter.RefKind == RefKind.Out || argument.Parameter.RefKind == RefKind.Ref))
                {
                    Assign(argument.Value, value.PiecesOnly());
                }
            }
        }

        /// <summary>Reports content at a publish point and records what the callers must answer for.</summary>
        private void Publish(Location at, ContentValue content, ContentValue publishedByCallee, DeferredPublish? via)
        {
            var pathFacts = _state.PathFacts | (via?.PathFacts ?? FactSet.None);
            if (_final)
            {
                var inEntry = Settings.Entry.IsEntry;

                // Path duties are the entry point's: code that is not one hands the content to its callers with the path
                // facts it has, the other facts already judged here.
                var deferToCallers = !inEntry && !pathFacts.HasAll(Engine.Facts.EntryPathFacts);
                var pieces = ImmutableArray.CreateBuilder<PublishedPiece>();
                var deferred = ContentValue.Empty;
                foreach (var piece in content.Pieces)
                {
                    if (piece.Origin.Kind == OriginKind.UserInput)
                    {
                        // Only duties about user input that reaches people look at it (a platform's uploads, DSYN012).
                        pieces.Add(new PublishedPiece(piece.Origin, _state.FactsOf(piece), checkValueFacts: true));
                    }
                    else if (piece.Origin.Kind == OriginKind.Generation)
                    {
                        pieces.Add(new PublishedPiece(piece.Origin, _state.FactsOf(piece), checkValueFacts: true));
                        if (deferToCallers)
                        {
                            deferred = deferred.Combine(ContentValue.Of(new Piece(piece.Origin, Engine.Facts.PieceFacts)));
                        }
                    }
                    else if (piece.Origin.Kind == OriginKind.Parameter)
                    {
                        deferred = deferred.Combine(FoldPathFacts(ContentValue.Of(piece)));
                    }
                }

                foreach (var piece in publishedByCallee.Pieces)
                {
                    pieces.Add(new PublishedPiece(piece.Origin, Engine.Facts.PieceFacts, checkValueFacts: false));
                    if (deferToCallers)
                    {
                        deferred = deferred.Combine(ContentValue.Of(piece));
                    }
                }

                if (pieces.Count > 0)
                {
                    Settings.Sink?.OnPublish(new PublishEvent(at, pieces.ToImmutable(), pathFacts, inEntry, Settings.Entry.Identity.AuthorizeOnly, via?.Publisher, via?.InnerPoint, SpansNear(_carriers, at), SpansNear(_holders, at)));
                }

                if (deferred.HasPieces)
                {
                    Settings.Collector.Publishes.Add(new DeferredPublish(via?.InnerPoint ?? at, via?.Publisher ?? _run.Method.Name, deferred, pathFacts));
                }
            }

            // A notice published here establishes its facts for what this path publishes next.
            _state.PathFacts |= content.Signals.Notice;
        }

        /// <summary>The content-carrying expressions seen so far in the publish point's file, in source order.</summary>
        private static ImmutableArray<Microsoft.CodeAnalysis.Text.TextSpan> SpansNear(HashSet<SyntaxNode> expressions, Location at) =>
            expressions.Where(n => n.SyntaxTree == at.SourceTree).Select(n => n.Span).OrderBy(s => s.Start).ThenBy(s => s.Length).ToImmutableArray();

        /// <summary>
        /// Reports a guarded call (a face or voice edit) with the path facts that hold here; code that is not an entry point
        /// also hands it to its callers, whose path facts at the call count too (consent checked before calling a helper).
        /// </summary>
        private void EmitGuardedCall(Location at, GuardedCallKind kind, string callee, FactSet calleeFacts, string? via, Location? viaPoint)
        {
            if (!_final)
            {
                return;
            }

            var pathFacts = _state.PathFacts | calleeFacts;
            var inEntry = Settings.Entry.IsEntry;
            Settings.Sink?.OnGuardedCall(new GuardedCallEvent(at, kind, callee, pathFacts, inEntry, via, viaPoint));
            if (!inEntry && !pathFacts.HasAll(Engine.Facts.EntryPathFacts))
            {
                Settings.Collector.GuardedCalls.Add(new DeferredGuardedCall(viaPoint ?? at, kind, callee, pathFacts));
            }
        }

        /// <summary>
        /// Reports content reaching a generation call without every fact the generation duties need (user input), and
        /// records parameters that do for the callers.
        /// </summary>
        private void EmitGeneration(Location at, ContentValue inputs, string generator, string? via, Location? viaPoint)
        {
            if (!_final)
            {
                return;
            }

            var lacking = ImmutableArray.CreateBuilder<PublishedPiece>();
            var parameters = ContentValue.Empty;
            foreach (var piece in inputs.Pieces)
            {
                var facts = _state.FactsOf(piece);
                if (facts.HasAll(Engine.Facts.GenerationFacts))
                {
                    continue;
                }

                if (piece.Origin.Kind == OriginKind.UserInput)
                {
                    lacking.Add(new PublishedPiece(piece.Origin, facts, checkValueFacts: true));
                }
                else if (piece.Origin.Kind == OriginKind.Parameter)
                {
                    parameters = parameters.Combine(ContentValue.Of(piece.With(facts)));
                }
            }

            if (lacking.Count > 0)
            {
                Settings.Sink?.OnGeneration(new GenerationEvent(at, lacking.ToImmutable(), via, viaPoint));
            }

            if (parameters.HasPieces)
            {
                Settings.Collector.Generations.Add(new DeferredGeneration(viaPoint ?? at, generator, parameters));
            }
        }
    }
}
