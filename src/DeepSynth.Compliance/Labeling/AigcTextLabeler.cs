using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;

namespace DeepSynth.Compliance.Labeling
{
    /// <summary>The explicit text label of GB 45438 §6. Stateless and thread-safe.</summary>
    public sealed class AigcTextLabeler : IAigcTextLabeler
    {
        private readonly TextLabelOptions _options;
        private readonly string _startBlock;
        private readonly string _endBlock;

        public AigcTextLabeler()
            : this(new TextLabelOptions())
        {
        }

        /// <exception cref="ComplianceConfigurationException">The options are invalid, e.g. the label text lacks an element.</exception>
        public AigcTextLabeler(TextLabelOptions options)
        {
            _options = options ?? throw new ArgumentNullException(nameof(options));
            ComplianceConfigurationException.ThrowIfAny(options.Validate());
            Notice = options.Format.Replace("{0}", LabelText.Parse(options.Text).Value);
            _startBlock = Notice + options.Separator;
            _endBlock = options.Separator + Notice;
        }

        /// <inheritdoc />
        [AigcLabeler]
        public string Notice { get; }

        /// <inheritdoc />
        [AigcLabeler]
        public string Label(string text)
        {
            if (text is null)
            {
                throw new ArgumentNullException(nameof(text));
            }

            var result = text;
            if (Has(LabelPosition.Start) && !result.StartsWith(_startBlock, StringComparison.Ordinal))
            {
                result = _startBlock + result;
            }

            if (Has(LabelPosition.End) && !result.EndsWith(_endBlock, StringComparison.Ordinal))
            {
                result += _endBlock;
            }

            return result;
        }

        /// <inheritdoc />
        [AigcLabeler]
        public IAsyncEnumerable<string> LabelStream(IAsyncEnumerable<string> tokens, CancellationToken cancellationToken = default)
        {
            if (tokens is null)
            {
                throw new ArgumentNullException(nameof(tokens));
            }

            return LabelStreamCore(tokens, cancellationToken);
        }

        /// <inheritdoc />
        [AigcLabeler]
        public string LabelJson(string json, string textPath)
        {
            if (json is null)
            {
                throw new ArgumentNullException(nameof(json));
            }

            if (string.IsNullOrEmpty(textPath))
            {
                throw new ArgumentException("Name the property that holds the generated text.", nameof(textPath));
            }

            JsonObject root;
            try
            {
                root = JsonNode.Parse(json) as JsonObject
                    ?? throw new ArgumentException("The JSON response must be an object to carry a label.", nameof(json));
            }
            catch (JsonException ex)
            {
                throw new ArgumentException("The response is not valid JSON: " + ex.Message, nameof(json), ex);
            }

            var (parent, key, index) = Navigate(root, textPath);
            if (parent is JsonObject holder && !holder.ContainsKey(key))
            {
                throw new ArgumentException($"The JSON response has no '{textPath}'.", nameof(textPath));
            }

            var current = (parent is JsonObject o ? o[key] : ((JsonArray)parent)[index]) as JsonValue;
            if (current is null || !current.TryGetValue<string>(out var text))
            {
                throw new ArgumentException($"The JSON property '{textPath}' is not a string.", nameof(textPath));
            }

            var labeled = JsonValue.Create(Label(text));
            if (parent is JsonObject obj)
            {
                obj[key] = labeled;
            }
            else
            {
                ((JsonArray)parent)[index] = labeled;
            }

            root[_options.JsonProperty] = Notice;
            return root.ToJsonString(new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        }

        private async IAsyncEnumerable<string> LabelStreamCore(IAsyncEnumerable<string> tokens, [EnumeratorCancellation] CancellationToken cancellationToken)
        {
            // The start label goes out before the first token is awaited, so a slow or cancelled model still
            // leaves the reader with a labeled stream.
            if (Has(LabelPosition.Start))
            {
                yield return _startBlock;
            }

            await foreach (var token in tokens.WithCancellation(cancellationToken).ConfigureAwait(false))
            {
                yield return token;
            }

            if (Has(LabelPosition.End))
            {
                yield return _endBlock;
            }
        }

        private bool Has(LabelPosition position) => (_options.Position & position) == position;

        private static (JsonNode Parent, string Key, int Index) Navigate(JsonObject root, string path)
        {
            var segments = path.Split('.');
            JsonNode node = root;
            for (var i = 0; i < segments.Length; i++)
            {
                var segment = segments[i];
                var last = i == segments.Length - 1;
                if (node is JsonObject obj)
                {
                    if (last)
                    {
                        return (obj, segment, -1);
                    }

                    node = obj[segment] ?? throw new ArgumentException($"The JSON response has no '{path}'.", nameof(path));
                }
                else if (node is JsonArray array && int.TryParse(segment, out var index) && index >= 0 && index < array.Count)
                {
                    if (last)
                    {
                        return (array, string.Empty, index);
                    }

                    node = array[index] ?? throw new ArgumentException($"The JSON response has no '{path}'.", nameof(path));
                }
                else
                {
                    throw new ArgumentException($"The JSON response has no '{path}'.", nameof(path));
                }
            }

            throw new ArgumentException($"The JSON response has no '{path}'.", nameof(path));
        }
    }
}
