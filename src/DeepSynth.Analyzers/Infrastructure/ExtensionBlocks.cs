using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using Microsoft.CodeAnalysis;

namespace DeepSynth.Analyzers.Infrastructure
{
    /// <summary>
    /// C# 14 extension blocks (<c>static class RestClientExtensions { extension(IRestClient client) { ... } }</c>). A library
    /// built with them (RestSharp 114 for net10.0) is called through a member of the block: with the SDK's Roslyn 5 compiler
    /// <c>client.ExecuteAsync&lt;T&gt;(request)</c> binds to a non-static method whose containing type is the block, a
    /// nameless nested type of kind Extension, with the receiver as the call's instance. Catalogue rows name the static
    /// class, so matching asks for the class that declares the block. The Roslyn 4.8 API we compile against has no
    /// <c>TypeKind.Extension</c>, hence its value; older compilers bind the same call to the static implementation method.
    /// </summary>
    internal static class ExtensionBlocks
    {
        /// <summary>Roslyn's <c>TypeKind.Extension</c> (4.14 and later).</summary>
        private const TypeKind Extension = (TypeKind)14;

        /// <summary>Whether <paramref name="type"/> is an extension block (a nested type of kind Extension).</summary>
        public static bool IsExtensionBlock(this ITypeSymbol? type) => type != null && type.TypeKind == Extension && type.ContainingType != null;

        /// <summary>The type a member is declared in, counting a member of an extension block as the static class's.</summary>
        public static INamedTypeSymbol? DeclaringType(this ISymbol member)
        {
            var type = member.ContainingType;
            return type.IsExtensionBlock() ? type!.ContainingType : type;
        }

        /// <summary>
        /// The type an extension block extends (<c>IRestClient</c> of <c>extension(IRestClient client)</c>), read through
        /// Roslyn's <c>INamedTypeSymbol.ExtensionParameter</c>, which the compiler hosting us has whenever blocks exist.
        /// </summary>
        public static ITypeSymbol? ExtendedType(this ITypeSymbol? block) =>
            block.IsExtensionBlock() && ExtensionParameter?.GetValue(block) is IParameterSymbol parameter ? parameter.Type : null;

        private static readonly PropertyInfo? ExtensionParameter = typeof(INamedTypeSymbol).GetProperty("ExtensionParameter");

        /// <summary>A type's members of a name, with those of its extension blocks (both forms of one extension method).</summary>
        public static IEnumerable<ISymbol> MembersWithExtensionBlocks(this INamedTypeSymbol type, string name)
        {
            var members = type.GetMembers(name);
            if (!type.IsStatic)
            {
                return members;
            }

            return members.Concat(type.GetTypeMembers().Where(IsExtensionBlock).SelectMany(block => block.GetMembers(name)));
        }
    }
}
