using System.Collections.Generic;
using Microsoft.CodeAnalysis.Text;

namespace DeepSynth.Analyzers.Configuration
{
    /// <summary>
    /// A JSON value with the span it was read from, so configuration errors can point at a line and column.
    /// (System.Text.Json is not used: analyzers must not bring dependencies into the compiler process.)
    /// </summary>
    internal abstract class JsonNode
    {
        protected JsonNode(TextSpan span) => Span = span;

        public TextSpan Span { get; }

        /// <summary>The JSON type name used in messages: object, array, string, number, boolean, null.</summary>
        public abstract string TypeName { get; }
    }

    internal sealed class JsonObject : JsonNode
    {
        public JsonObject(TextSpan span, IReadOnlyList<JsonProperty> properties, IReadOnlyList<JsonDuplicate>? duplicates = null)
            : base(span)
        {
            Properties = properties;
            Duplicates = duplicates ?? System.Array.Empty<JsonDuplicate>();
        }

        /// <summary>The properties in document order; of a key given twice, only the first (every reader sees the same value).</summary>
        public IReadOnlyList<JsonProperty> Properties { get; }

        /// <summary>Keys given again after their first occurrence (reported as contradictory settings, DSYN907).</summary>
        public IReadOnlyList<JsonDuplicate> Duplicates { get; }

        public override string TypeName => "object";

        public JsonProperty? Find(string name)
        {
            foreach (var property in Properties)
            {
                if (property.Name == name)
                {
                    return property;
                }
            }

            return null;
        }
    }

    internal sealed class JsonProperty
    {
        public JsonProperty(string name, TextSpan nameSpan, JsonNode value)
        {
            Name = name;
            NameSpan = nameSpan;
            Value = value;
        }

        public string Name { get; }

        public TextSpan NameSpan { get; }

        public JsonNode Value { get; }
    }

    /// <summary>A key given a second time in the same object, and the occurrence that counts.</summary>
    internal sealed class JsonDuplicate
    {
        public JsonDuplicate(JsonProperty duplicate, JsonProperty first)
        {
            Duplicate = duplicate;
            First = first;
        }

        public JsonProperty Duplicate { get; }

        public JsonProperty First { get; }
    }

    internal sealed class JsonArray : JsonNode
    {
        public JsonArray(TextSpan span, IReadOnlyList<JsonNode> items)
            : base(span) => Items = items;

        public IReadOnlyList<JsonNode> Items { get; }

        public override string TypeName => "array";
    }

    internal sealed class JsonString : JsonNode
    {
        public JsonString(TextSpan span, string value)
            : base(span) => Value = value;

        public string Value { get; }

        public override string TypeName => "string";
    }

    internal sealed class JsonNumber : JsonNode
    {
        public JsonNumber(TextSpan span, double value)
            : base(span) => Value = value;

        public double Value { get; }

        public override string TypeName => "number";
    }

    internal sealed class JsonBoolean : JsonNode
    {
        public JsonBoolean(TextSpan span, bool value)
            : base(span) => Value = value;

        public bool Value { get; }

        public override string TypeName => "boolean";
    }

    internal sealed class JsonNull : JsonNode
    {
        public JsonNull(TextSpan span)
            : base(span)
        {
        }

        public override string TypeName => "null";
    }
}
