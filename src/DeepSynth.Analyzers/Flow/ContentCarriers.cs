using System.Linq;
using DeepSynth.Analyzers.Catalogue;
using Microsoft.CodeAnalysis;

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

            return CanCarry(method.ReturnType, catalogue, 0);
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

        /// <summary>Types that hold text or bytes: builders, streams, memory, JSON and HTML values.</summary>
        private static bool IsTextLike(INamedTypeSymbol type)
        {
            var ns = type.ContainingNamespace?.ToDisplayString() ?? string.Empty;
            switch (ns)
            {
                case "System.Text":
                    return type.Name == "StringBuilder";
                case "System.IO":
                    return type.Name.EndsWith("Stream", System.StringComparison.Ordinal) || type.Name.EndsWith("Reader", System.StringComparison.Ordinal) || type.Name.EndsWith("Writer", System.StringComparison.Ordinal);
                case "System":
                    return type.Name == "Memory" || type.Name == "ReadOnlyMemory" || type.Name == "BinaryData" || type.Name == "Uri" || type.Name == "FormattableString";
                case "System.Text.Json":
                case "System.Text.Json.Nodes":
                case "Newtonsoft.Json.Linq":
                case "Microsoft.AspNetCore.Html":
                case "Microsoft.AspNetCore.Components":
                    return true;
                case "System.Net.Http":
                    return type.Name.EndsWith("Content", System.StringComparison.Ordinal);
                default:
                    return false;
            }
        }

        private static bool ContainsMethodTypeParameter(ITypeSymbol type) =>
            type is ITypeParameterSymbol { TypeParameterKind: TypeParameterKind.Method } ||
            (type is INamedTypeSymbol { IsGenericType: true } named && named.TypeArguments.Any(ContainsMethodTypeParameter)) ||
            (type is IArrayTypeSymbol array && ContainsMethodTypeParameter(array.ElementType));
    }
}
