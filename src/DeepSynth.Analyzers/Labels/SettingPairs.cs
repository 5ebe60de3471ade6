using System;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace DeepSynth.Analyzers.Labels
{
    /// <summary>
    /// A key and a constant value written together in code: <c>settings["DeepSynth:Label:Text"] = "AI"</c>, a collection
    /// initializer <c>{ "DeepSynth:Label:Text", "AI" }</c>, <c>new KeyValuePair&lt;string, string?&gt;(...)</c>, or a call
    /// like <c>tags.Add("AIGC", json)</c>: the value is the constant argument right after the constant key.
    /// </summary>
    internal static class SettingPairs
    {
        /// <summary>The key (as matched) and the value's operation, when an argument list pairs one of the keys with a constant.</summary>
        public static (string Key, IOperation Value, string Text)? Find(IOperation operation, Func<string, string?> matchKey)
        {
            ImmutableArray<IArgumentOperation> arguments;
            IOperation? assignedValue = null;
            switch (operation)
            {
                case IInvocationOperation invocation:
                    arguments = invocation.Arguments;
                    break;
                case IObjectCreationOperation creation:
                    arguments = creation.Arguments;
                    break;
                case ISimpleAssignmentOperation { Target: IPropertyReferenceOperation { Property.IsIndexer: true } indexer } assignment:
                    arguments = indexer.Arguments;
                    assignedValue = assignment.Value;
                    break;
                default:
                    return null;
            }

            for (var i = 0; i < arguments.Length; i++)
            {
                if (arguments[i].Value.ConstantValue.Value is not string keyText || matchKey(keyText) is not { } key)
                {
                    continue;
                }

                var value = assignedValue ?? (i + 1 < arguments.Length ? arguments[i + 1].Value : null);
                if (value != null && ConstantText.TryGet(value, out var text))
                {
                    return (key, value, text);
                }

                return null;
            }

            return null;
        }

        /// <summary>
        /// A configuration key of the SDK's options (section "DeepSynth"), in ':' or environment-variable ('__') form,
        /// compared as .NET configuration compares keys (ignoring case). Returns the canonical key or null.
        /// </summary>
        public static Func<string, string?> ConfigurationKeys(params string[] keys) => text =>
        {
            var normalized = text.Replace("__", ":");
            return keys.FirstOrDefault(k => string.Equals(k, normalized, StringComparison.OrdinalIgnoreCase));
        };
    }
}
