using System.Collections.Concurrent;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace DeepSynth.Analyzers.Flow
{
    /// <summary>
    /// Data types: a DTO, a record, an entity, a model's reply deserialized into the app's own class. Their methods work on
    /// the object they are called on (<c>response.FirstText()</c> reads that response's <c>Output</c>), so a callee's read
    /// of its own members stands for the receiver's (<see cref="Origin.Receiver"/>). A service's methods read what any method
    /// stored into its members instead: a service is shared, a data object is not.
    /// </summary>
    internal sealed partial class FlowEngine
    {
        private readonly ConcurrentDictionary<INamedTypeSymbol, bool> _dataTypes = new ConcurrentDictionary<INamedTypeSymbol, bool>(SymbolEqualityComparer.Default);

        /// <summary>
        /// A class, struct or record declared here, deriving from object or from another such type, that holds no service:
        /// no instance field, property or constructor parameter of an interface type other than a collection, nor a delegate,
        /// nor a framework client or context.
        /// </summary>
        public bool IsDataType(INamedTypeSymbol type) => _dataTypes.GetOrAdd(type.OriginalDefinition, ComputeIsDataType);

        private bool ComputeIsDataType(INamedTypeSymbol type)
        {
            // The chain is walked without recursion into the dictionary: a base type's own members are checked here too.
            for (var current = type; current != null && current.SpecialType != SpecialType.System_Object && current.SpecialType != SpecialType.System_ValueType; current = current.BaseType)
            {
                if (current.IsStatic || !(current.TypeKind is TypeKind.Class or TypeKind.Struct) || !IsHere(current) || HoldsService(current))
                {
                    return false;
                }
            }

            return true;
        }

        private static bool HoldsService(INamedTypeSymbol type)
        {
            foreach (var member in type.GetMembers())
            {
                switch (member)
                {
                    case IFieldSymbol { IsStatic: false } field when IsServiceType(field.Type):
                    case IPropertySymbol { IsStatic: false } property when IsServiceType(property.Type):
                        return true;
                    case IMethodSymbol { MethodKind: MethodKind.Constructor, IsStatic: false } constructor when constructor.Parameters.Any(p => IsServiceType(p.Type)):
                        return true;
                }
            }

            return false;
        }

        private static bool IsServiceType(ITypeSymbol type)
        {
            if (type.TypeKind == TypeKind.Delegate)
            {
                return true;
            }

            if (type.TypeKind == TypeKind.Interface)
            {
                // IReadOnlyList<string>, IDictionary<string, object>: data; ILogger, IChatClient, IOptions<T>: services.
                return type.SpecialType != SpecialType.System_Collections_IEnumerable &&
                       !type.AllInterfaces.Any(i => i.SpecialType == SpecialType.System_Collections_IEnumerable);
            }

            var ns = type.ContainingNamespace?.ToDisplayString() ?? string.Empty;
            return type.TypeKind == TypeKind.Class &&
                   (ns.StartsWith("Microsoft.Extensions", System.StringComparison.Ordinal) || ns == "System.Net.Http" ||
                    ns.StartsWith("Microsoft.EntityFrameworkCore", System.StringComparison.Ordinal) ||
                    ns.StartsWith("Microsoft.AspNetCore", System.StringComparison.Ordinal));
        }
    }
}
