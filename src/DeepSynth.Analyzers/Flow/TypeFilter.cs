using Microsoft.CodeAnalysis;
using DeepSynth.Analyzers.Infrastructure;

namespace DeepSynth.Analyzers.Flow
{
    /// <summary>
    /// Values of types that cannot hold content (numbers, booleans, enums, dates, ids, tokens) carry no pieces:
    /// publishing a token count or a timestamp is not publishing generated content.
    /// </summary>
    internal static class TypeFilter
    {
        /// <summary>What a boolean can tell besides its signals (a check's facts): whether it is a constant.</summary>
        public const ValueMarkers BooleanMarkers = ValueMarkers.FalseConstant | ValueMarkers.TrueConstant;

        public static ContentValue Apply(ITypeSymbol? type, ContentValue value)
        {
            if (value.IsEmpty || type == null || CanHoldContent(type))
            {
                return value;
            }

            // A check keeps what it tells when true or false; a notice is text, so it cannot be of such a type.
            return ContentValue.Marker(value.Markers & BooleanMarkers, new ValueSignals(value.Signals.WhenTrue, value.Signals.WhenFalse, FactSet.None));
        }

        public static bool CanHoldContent(ITypeSymbol type)
        {
            switch (type.SpecialType)
            {
                case SpecialType.System_Void:
                case SpecialType.System_Boolean:
                case SpecialType.System_SByte:
                case SpecialType.System_Byte:
                case SpecialType.System_Int16:
                case SpecialType.System_UInt16:
                case SpecialType.System_Int32:
                case SpecialType.System_UInt32:
                case SpecialType.System_Int64:
                case SpecialType.System_UInt64:
                case SpecialType.System_Single:
                case SpecialType.System_Double:
                case SpecialType.System_Decimal:
                case SpecialType.System_IntPtr:
                case SpecialType.System_UIntPtr:
                case SpecialType.System_DateTime:
                    return false;
            }

            if (type.TypeKind == TypeKind.Enum)
            {
                return false;
            }

            if (type is INamedTypeSymbol named)
            {
                if (named.IsGenericType && named.Name == "Nullable" && named.TypeArguments.Length == 1)
                {
                    return CanHoldContent(named.TypeArguments[0]);
                }

                var ns = named.ContainingNamespace?.FullName();
                if (ns == "System")
                {
                    switch (named.Name)
                    {
                        case "TimeSpan":
                        case "DateTimeOffset":
                        case "DateOnly":
                        case "TimeOnly":
                        case "Guid":
                        case "Type":
                            return false;
                    }
                }
                else if (ns == "System.Threading" && named.Name == "CancellationToken")
                {
                    return false;
                }
                else if (ns == "System.Threading.Tasks" && !named.IsGenericType && (named.Name == "Task" || named.Name == "ValueTask"))
                {
                    return false;
                }
            }

            return true;
        }
    }
}
