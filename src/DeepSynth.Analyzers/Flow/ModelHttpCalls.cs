using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Threading;
using DeepSynth.Analyzers.Catalogue;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace DeepSynth.Analyzers.Flow
{
    /// <summary>
    /// Model calls made over plain HTTP (<see cref="KnownApis.ModelEndpoints"/>): an <c>HttpClient</c> send whose URL, read
    /// from the constant text that builds it (a literal, an interpolation, a local's or field's initializer, a
    /// <c>Uri</c> or <c>HttpRequestMessage</c> built in the same method), calls a model route. A URL that comes from a
    /// parameter or from configuration cannot be read, and the call is not taken for a model call: bounded and cheap,
    /// never a guess.
    /// </summary>
    internal sealed class ModelHttpCalls
    {
        private const int MaxDepth = 4;

        private readonly SemanticModelCache _models;
        private readonly ApiCatalogue _catalogue;

        public ModelHttpCalls(SemanticModelCache models, ApiCatalogue catalogue)
        {
            _models = models;
            _catalogue = catalogue;
        }

        /// <summary>The model route the call sends to, or null when it is not (or cannot be seen to be) a model call.</summary>
        public ModelEndpoint? EndpointOf(IInvocationOperation invocation, CancellationToken cancellationToken)
        {
            if (!_catalogue.IsHttpSend(invocation.TargetMethod))
            {
                return null;
            }

            string? context = null;
            foreach (var argument in invocation.Arguments)
            {
                var name = argument.Parameter?.Name;
                if (name == null || !KnownApis.HttpSendUrlParameters.Contains(name))
                {
                    continue;
                }

                foreach (var text in Texts(argument.Value, 0, cancellationToken))
                {
                    var url = "/" + text.ToLowerInvariant();
                    context ??= SenderContext(invocation.Syntax);
                    var endpoint = _catalogue.ModelEndpoints.FirstOrDefault(e => e.Matches(url, context));
                    if (endpoint != null)
                    {
                        return endpoint;
                    }
                }
            }

            return null;
        }

        /// <summary>
        /// Whether an HTTP send that is not a model call is made by a model API's own client: a class whose code names a
        /// model route (a typed DashScope client's <c>GetFromJsonAsync($"api/v1/tasks/{taskId}")</c> next to its
        /// <c>image-synthesis</c> post). Handed a generation's result (a task id), it returns that generation's output.
        /// </summary>
        public bool IsModelClientFollowUp(IInvocationOperation invocation)
        {
            if (!_catalogue.IsHttpSend(invocation.TargetMethod) || invocation.Syntax.FirstAncestorOrSelf<TypeDeclarationSyntax>() is not { } type)
            {
                return false;
            }

            return _modelClientTypes.GetValue(type, t => new System.Runtime.CompilerServices.StrongBox<bool>(NamesModelRoute(t.ToString()))).Value;
        }

        private readonly System.Runtime.CompilerServices.ConditionalWeakTable<TypeDeclarationSyntax, System.Runtime.CompilerServices.StrongBox<bool>> _modelClientTypes =
            new System.Runtime.CompilerServices.ConditionalWeakTable<TypeDeclarationSyntax, System.Runtime.CompilerServices.StrongBox<bool>>();

        private bool NamesModelRoute(string text) =>
            // A path shared with other services (Anthropic's v1/messages is an SMS gateway's too) does not make a model client.
            _catalogue.ModelEndpoints.Any(e => e.HostHints.IsEmpty && text.IndexOf(e.Path.Trim('/'), System.StringComparison.OrdinalIgnoreCase) >= 0);

        /// <summary>
        /// Whether an HTTP send (not to a model route) is made by a class that sends messages to people: its name or an
        /// interface it implements has a word of <see cref="KnownApis.MessagingSenderWords"/> (<c>SmsGateway</c>,
        /// <c>ISmsSender</c>, <c>WebPushNotifier</c>).
        /// </summary>
        public bool IsMessagingSend(IInvocationOperation invocation)
        {
            if (!_catalogue.IsHttpSend(invocation.TargetMethod) || !(_models.GetModel(invocation.Syntax.SyntaxTree)?.GetEnclosingSymbol(invocation.Syntax.SpanStart) is { } enclosing) ||
                !(enclosing.ContainingType is { } type))
            {
                return false;
            }

            return _messagingTypes.GetOrAdd(type, t => HasMessagingWord(t.Name) || t.AllInterfaces.Any(i => HasMessagingWord(i.Name)));
        }

        private readonly System.Collections.Concurrent.ConcurrentDictionary<INamedTypeSymbol, bool> _messagingTypes =
            new System.Collections.Concurrent.ConcurrentDictionary<INamedTypeSymbol, bool>(SymbolEqualityComparer.Default);

        private static bool HasMessagingWord(string name)
        {
            var start = 0;
            for (var i = 1; i <= name.Length; i++)
            {
                // PascalCase words: "GatewaySmsSender" is Gateway, Sms, Sender; "ISmsSender" is I, Sms, Sender.
                if (i == name.Length || (char.IsUpper(name[i]) && (char.IsLower(name[i - 1]) || (i + 1 < name.Length && char.IsLower(name[i + 1])))))
                {
                    if (KnownApis.MessagingSenderWords.Contains(name.Substring(start, i - start)))
                    {
                        return true;
                    }

                    start = i;
                }
            }

            return false;
        }

        /// <summary>The names of the code that sends a request, lower case: its class, its method and its file.</summary>
        private static string SenderContext(SyntaxNode call)
        {
            var type = call.FirstAncestorOrSelf<BaseTypeDeclarationSyntax>()?.Identifier.ValueText;
            var method = call.FirstAncestorOrSelf<MethodDeclarationSyntax>()?.Identifier.ValueText;
            return (type + " " + method + " " + System.IO.Path.GetFileName(call.SyntaxTree.FilePath)).ToLowerInvariant();
        }

        /// <summary>The constant texts an expression is built from (each part, and the parts joined).</summary>
        private IEnumerable<string> Texts(IOperation? operation, int depth, CancellationToken cancellationToken)
        {
            if (operation == null || depth > MaxDepth)
            {
                yield break;
            }

            // A control-flow graph's captures (an argument of a call that is awaited) read as the source has them.
            operation = _models.Written(operation, cancellationToken)!;

            if (operation.ConstantValue is { HasValue: true, Value: string constant })
            {
                yield return constant;
                yield break;
            }

            switch (operation)
            {
                case IInterpolatedStringOperation interpolated:
                    var joined = new StringBuilder();
                    foreach (var part in interpolated.Parts)
                    {
                        if (part is IInterpolatedStringTextOperation text && text.Text.ConstantValue.Value is string literal)
                        {
                            joined.Append(literal);
                        }
                        else if (part is IInterpolationOperation interpolation)
                        {
                            // $"{baseUrl}/api/chat": the known value of the hole joins the text around it.
                            var inner = Texts(interpolation.Expression, depth + 1, cancellationToken).ToList();
                            foreach (var piece in inner)
                            {
                                yield return piece;
                            }

                            joined.Append(inner.Count > 0 ? inner[inner.Count - 1] : "{}");
                        }
                    }

                    yield return joined.ToString();
                    break;
                case IBinaryOperation binary:
                    foreach (var text in Texts(binary.LeftOperand, depth + 1, cancellationToken).Concat(Texts(binary.RightOperand, depth + 1, cancellationToken)))
                    {
                        yield return text;
                    }

                    break;
                case IObjectCreationOperation creation:
                    foreach (var text in creation.Arguments.SelectMany(a => Texts(a.Value, depth + 1, cancellationToken)))
                    {
                        yield return text;
                    }

                    foreach (var initializer in creation.Initializer?.Initializers ?? Enumerable.Empty<IOperation>())
                    {
                        if (initializer is ISimpleAssignmentOperation { Target: IPropertyReferenceOperation { Property.Name: "RequestUri" } } assignment)
                        {
                            foreach (var text in Texts(assignment.Value, depth + 1, cancellationToken))
                            {
                                yield return text;
                            }
                        }
                    }

                    break;
                case IInvocationOperation call:
                    // Path.Combine, string.Format, url.TrimEnd('/'), new Uri(base, path): the parts of the URL.
                    foreach (var text in call.Arguments.Select(a => a.Value).Prepend(call.Instance).SelectMany(o => Texts(o, depth + 1, cancellationToken)))
                    {
                        yield return text;
                    }

                    break;
                case ILocalReferenceOperation local:
                    foreach (var text in Initializers(local.Local, cancellationToken).SelectMany(o => Texts(o, depth + 1, cancellationToken)))
                    {
                        yield return text;
                    }

                    break;
                case IFieldReferenceOperation field:
                    foreach (var text in Initializers(field.Field, cancellationToken).SelectMany(o => Texts(o, depth + 1, cancellationToken)))
                    {
                        yield return text;
                    }

                    break;
                case IPropertyReferenceOperation property when property.Property.IsReadOnly || property.Property.SetMethod?.IsInitOnly == true:
                    foreach (var text in Initializers(property.Property, cancellationToken).SelectMany(o => Texts(o, depth + 1, cancellationToken)))
                    {
                        yield return text;
                    }

                    break;
            }
        }

        private IEnumerable<IOperation> Initializers(ISymbol symbol, CancellationToken cancellationToken) => Initializers(symbol, _models, cancellationToken);

        /// <summary>The initializer of a local, field or property declared in source (what it is declared with).</summary>
        internal static IEnumerable<IOperation> Initializers(ISymbol symbol, SemanticModelCache models, CancellationToken cancellationToken)
        {
            foreach (var reference in symbol.DeclaringSyntaxReferences)
            {
                var syntax = reference.GetSyntax(cancellationToken);
                var value = syntax switch
                {
                    VariableDeclaratorSyntax declarator => declarator.Initializer?.Value,
                    PropertyDeclarationSyntax declaration => declaration.Initializer?.Value ?? declaration.ExpressionBody?.Expression,
                    _ => null,
                };
                if (value != null && models.GetModel(value.SyntaxTree)?.GetOperation(value, cancellationToken) is { } operation)
                {
                    yield return operation;
                }
            }
        }
    }
}
