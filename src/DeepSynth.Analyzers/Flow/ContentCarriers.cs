using System.Linq;
using DeepSynth.Analyzers.Catalogue;
using Microsoft.CodeAnalysis;
using DeepSynth.Analyzers.Infrastructure;

namespace DeepSynth.Analyzers.Flow
{
    /// <summary>
    /// Which results of a call the engine knows nothing about can carry what the call was given. Text goes into text,
    /// builders, bytes, streams, JSON trees, collections of those, AI SDK values and whatever a generic method returns
    /// (<c>Deserialize&lt;T&gt;</c>, <c>Adapt&lt;T&gt;</c>), and what a known publisher sends (a mail message built by a factory); a search, lookup or HTTP call that returns a record of its own
    /// (<c>SearchResult</c>, <c>HttpResponseMessage</c>, <c>bool</c>) does not return the text it was given.
    /// </summary>
    internal static class ContentCarriers
    {
        private const int MaxDepth = 3;

        /// <summary>At most this many content-carrying expressions are recorded per analysed function (for the code fixes).</summary>
        public const int MaxRecorded = 64;

        /// <summary>Types a code fix can label, review and record as they are: text, bytes, a stream of text.</summary>
        public static bool IsContentType(ITypeSymbol? type) => type switch
        {
            { SpecialType: SpecialType.System_String } => true,
            IArrayTypeSymbol { ElementType.SpecialType: SpecialType.System_Byte } => true,
            INamedTypeSymbol { Name: "IAsyncEnumerable", TypeArguments.Length: 1 } stream => stream.TypeArguments[0].SpecialType == SpecialType.System_String,
            _ => false,
        };

        /// <summary>
        /// Types whose values hold texts a code fix can review and record whole (the SDK's EnsureAllTextAllowedAsync,
        /// RecordAllTextAsync) but not label in place: an object of a type declared in source (a DTO, a record), a
        /// collection of strings or of such objects.
        /// </summary>
        public static bool IsTextHolderType(ITypeSymbol? type)
        {
            // A handler that returns the service's task ("=> drafts.DraftAsync(request)") publishes what it completes with.
            type = type == null ? null : UnwrapTask(type);
            if (type == null || type.SpecialType == SpecialType.System_String)
            {
                return false;
            }

            if (IsDeclaredInSource(type))
            {
                return true;
            }

            var element = ElementOf(type);
            return element != null && (element.SpecialType == SpecialType.System_String || IsDeclaredInSource(element));
        }

        /// <summary>The element type of an array or of a type that is or implements <c>IEnumerable&lt;T&gt;</c>, else null.</summary>
        public static ITypeSymbol? ElementOf(ITypeSymbol type)
        {
            if (type is IArrayTypeSymbol array)
            {
                return array.ElementType;
            }

            foreach (var candidate in type is INamedTypeSymbol { TypeKind: TypeKind.Interface } self ? type.AllInterfaces.Add(self) : type.AllInterfaces)
            {
                if (candidate.OriginalDefinition.SpecialType == SpecialType.System_Collections_Generic_IEnumerable_T)
                {
                    return candidate.TypeArguments[0];
                }
            }

            return null;
        }

        /// <summary>What a task completes with (<c>Task&lt;T&gt;</c>, <c>ValueTask&lt;T&gt;</c>: T), null for a plain task, else the type itself.</summary>
        public static ITypeSymbol? UnwrapTask(ITypeSymbol type)
        {
            if (type is INamedTypeSymbol { IsGenericType: true, TypeArguments.Length: 1 } named &&
                (named.Name == "Task" || named.Name == "ValueTask") && named.ContainingNamespace?.FullName() == "System.Threading.Tasks")
            {
                return named.TypeArguments[0];
            }

            if (type is INamedTypeSymbol { IsGenericType: false } plain && (plain.Name == "Task" || plain.Name == "ValueTask") &&
                plain.ContainingNamespace?.FullName() == "System.Threading.Tasks")
            {
                return null;
            }

            return type;
        }

        private static bool IsDeclaredInSource(ITypeSymbol type) =>
            (type.TypeKind == TypeKind.Class || type.TypeKind == TypeKind.Struct) && type.Locations.Any(l => l.IsInSource);

        public static bool ResultCanCarryArguments(IMethodSymbol method, ApiCatalogue catalogue)
        {
            if (method.ReturnsVoid)
            {
                return true;
            }

            // Deserialize<T>(json), Map<TDest>(source): the caller chose the type the content is read into.
            if (method.OriginalDefinition.ReturnType is ITypeParameterSymbol || ContainsMethodTypeParameter(method.OriginalDefinition.ReturnType))
            {
                return true;
            }

            return CanCarry(method.ReturnType, catalogue, 0) || ReturnsItsReceiver(method);
        }

        /// <summary>
        /// A fluent builder's step (<c>request.AddJsonBody(body)</c>, <c>request.WithHeader(...)</c>): it returns its own
        /// receiver's type, so what it was given goes into what it returns.
        /// </summary>
        private static bool ReturnsItsReceiver(IMethodSymbol method)
        {
            if (method.ReturnType is not INamedTypeSymbol { IsReferenceType: true } returned)
            {
                return false;
            }

            var receiver = method.IsExtensionMethod && method.Parameters.Length > 0 ? method.Parameters[0].Type
                : method.IsStatic ? null
                : method.ContainingType.IsExtensionBlock() ? method.ContainingType.ExtendedType()
                : method.ContainingType;
            return receiver != null && SymbolEqualityComparer.Default.Equals(returned.OriginalDefinition, receiver.OriginalDefinition);
        }

        private static bool CanCarry(ITypeSymbol type, ApiCatalogue catalogue, int depth)
        {
            if (depth > MaxDepth)
            {
                return true;
            }

            switch (type.SpecialType)
            {
                case SpecialType.System_String:
                case SpecialType.System_Object:
                case SpecialType.System_Char:
                case SpecialType.System_Byte:
                    return true;
            }

            switch (type)
            {
                case ITypeParameterSymbol:
                case IDynamicTypeSymbol:
                    return true;
                case IArrayTypeSymbol array:
                    return CanCarry(array.ElementType, catalogue, depth + 1);
                case INamedTypeSymbol named:
                    if (named.TypeKind == TypeKind.Error || IsTextLike(named) || catalogue.IsAiSdkType(named) || catalogue.IsAccumulator(named) && !named.IsGenericType ||
                        catalogue.IsPublishedContentType(named) || catalogue.IsMediaType(named))
                    {
                        return true;
                    }

                    // Task<T>, ValueTask<T>, IEnumerable<T>, IAsyncEnumerable<T>, ClientResult<T>, ActionResult<T>, Nullable<T>,
                    // KeyValuePair, tuples: carries what its type arguments can.
                    return named.IsGenericType && named.TypeArguments.Any(t => CanCarry(t, catalogue, depth + 1));
                default:
                    return false;
            }
        }

        /// <summary>Types that hold text or bytes (builders, streams, memory, JSON and HTML values): rows of the catalogue.</summary>
        private static bool IsTextLike(INamedTypeSymbol type)
        {
            var ns = type.ContainingNamespace?.FullName() ?? string.Empty;
            if (KnownApis.TextCarrierNamespaces.Contains(ns))
            {
                return true;
            }

            var name = type.MetadataName;
            return KnownApis.TextCarrierTypes.Contains(ns.Length == 0 ? name : ns + "." + name) ||
                KnownApis.TextCarrierSuffixes.Any(r => r.Namespace == ns && type.Name.EndsWith(r.Suffix, System.StringComparison.Ordinal));
        }

        /// <summary>
        /// A mapper's result: <c>mapper.ToDomain(dto)</c> returns an object of its own, but one whose text members are named
        /// like the argument's (<c>WeatherForecastDto.Summary</c> becomes <c>WeatherForecast.Summary</c>), so it carries the
        /// argument's text. A search taking a query string, or returning a record that shares no text member with what it
        /// was given, does not.
        /// </summary>
        public static bool IsMappingOf(ITypeSymbol result, ITypeSymbol argument)
        {
            if (result is not INamedTypeSymbol { TypeKind: TypeKind.Class or TypeKind.Struct } to ||
                argument is not INamedTypeSymbol { TypeKind: TypeKind.Class or TypeKind.Struct } from ||
                to.SpecialType != SpecialType.None || from.SpecialType != SpecialType.None || SymbolEqualityComparer.Default.Equals(to, from))
            {
                return false;
            }

            var textMembers = new System.Collections.Generic.HashSet<string>(TextProperties(from), System.StringComparer.OrdinalIgnoreCase);
            return textMembers.Count > 0 && TextProperties(to).Any(textMembers.Contains);
        }

        private static System.Collections.Generic.IEnumerable<string> TextProperties(INamedTypeSymbol type)
        {
            for (var t = type; t != null && t.SpecialType != SpecialType.System_Object; t = t.BaseType)
            {
                foreach (var property in t.GetMembers().OfType<IPropertySymbol>())
                {
                    if (!property.IsStatic && property.DeclaredAccessibility == Accessibility.Public && property.Type.SpecialType == SpecialType.System_String)
                    {
                        yield return property.Name;
                    }
                }
            }
        }

        private static bool ContainsMethodTypeParameter(ITypeSymbol type) =>
            type is ITypeParameterSymbol { TypeParameterKind: TypeParameterKind.Method } ||
            (type is INamedTypeSymbol { IsGenericType: true } named && named.TypeArguments.Any(ContainsMethodTypeParameter)) ||
            (type is IArrayTypeSymbol array && ContainsMethodTypeParameter(array.ElementType));
    }
}
