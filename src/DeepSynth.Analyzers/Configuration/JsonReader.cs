using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis.Text;

namespace DeepSynth.Analyzers.Configuration
{
    /// <summary>A JSON syntax error and where it is.</summary>
    internal sealed class JsonSyntaxException : Exception
    {
        public JsonSyntaxException(string message, int position)
            : base(message) => Position = position;

        public int Position { get; }
    }

    /// <summary>
    /// Reads JSON (RFC 8259, plus // and /* */ comments as editors allow in configuration files) into
    /// <see cref="JsonNode"/>s that remember their spans. Depth is bounded so hostile input cannot overflow the stack.
    /// </summary>
    internal sealed class JsonReader
    {
        private const int MaxDepth = 64;

        /// <summary>RFC 8259 numbers: no leading zeros, no '+', digits on both sides of the point.</summary>
        private static readonly Regex NumberSyntax = new Regex(@"^-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?$", RegexOptions.CultureInvariant);
        private readonly string _text;
        private int _position;

        private JsonReader(string text) => _text = text;

        public static JsonNode Parse(string text)
        {
            var reader = new JsonReader(text);
            reader.SkipTrivia();
            var node = reader.ReadValue(0);
            reader.SkipTrivia();
            if (reader._position < text.Length)
            {
                throw new JsonSyntaxException("unexpected text after the end of the document", reader._position);
            }

            return node;
        }

        private JsonNode ReadValue(int depth)
        {
            if (depth > MaxDepth)
            {
                throw new JsonSyntaxException("nesting is too deep", _position);
            }

            if (_position >= _text.Length)
            {
                throw new JsonSyntaxException("unexpected end of the document", _position);
            }

            var c = _text[_position];
            switch (c)
            {
                case '{':
                    return ReadObject(depth);
                case '[':
                    return ReadArray(depth);
                case '"':
                    var start = _position;
                    var value = ReadString();
                    return new JsonString(TextSpan.FromBounds(start, _position), value);
                case 't':
                    return ReadLiteral("true", s => new JsonBoolean(s, true));
                case 'f':
                    return ReadLiteral("false", s => new JsonBoolean(s, false));
                case 'n':
                    return ReadLiteral("null", s => new JsonNull(s));
                default:
                    if (c == '-' || (c >= '0' && c <= '9'))
                    {
                        return ReadNumber();
                    }

                    throw new JsonSyntaxException("unexpected character '" + c + "'", _position);
            }
        }

        private JsonObject ReadObject(int depth)
        {
            var start = _position++;
            var properties = new List<JsonProperty>();
            var duplicates = new List<JsonDuplicate>();
            var byName = new Dictionary<string, JsonProperty>(StringComparer.Ordinal);
            SkipTrivia();
            if (Peek() == '}')
            {
                _position++;
                return new JsonObject(TextSpan.FromBounds(start, _position), properties);
            }

            while (true)
            {
                SkipTrivia();
                if (Peek() != '"')
                {
                    throw new JsonSyntaxException("expected a property name in double quotes", _position);
                }

                var nameStart = _position;
                var name = ReadString();
                var nameSpan = TextSpan.FromBounds(nameStart, _position);
                SkipTrivia();
                Expect(':');
                SkipTrivia();
                var value = ReadValue(depth + 1);
                var property = new JsonProperty(name, nameSpan, value);
                if (!byName.TryGetValue(name, out var first))
                {
                    byName.Add(name, property);
                    properties.Add(property);
                }
                else
                {
                    duplicates.Add(new JsonDuplicate(property, first));
                }

                SkipTrivia();
                var next = Peek();
                _position++;
                if (next == '}')
                {
                    return new JsonObject(TextSpan.FromBounds(start, _position), properties, duplicates);
                }

                if (next != ',')
                {
                    throw new JsonSyntaxException("expected ',' or '}'", _position - 1);
                }
            }
        }

        private JsonArray ReadArray(int depth)
        {
            var start = _position++;
            var items = new List<JsonNode>();
            SkipTrivia();
            if (Peek() == ']')
            {
                _position++;
                return new JsonArray(TextSpan.FromBounds(start, _position), items);
            }

            while (true)
            {
                SkipTrivia();
                items.Add(ReadValue(depth + 1));
                SkipTrivia();
                var next = Peek();
                _position++;
                if (next == ']')
                {
                    return new JsonArray(TextSpan.FromBounds(start, _position), items);
                }

                if (next != ',')
                {
                    throw new JsonSyntaxException("expected ',' or ']'", _position - 1);
                }
            }
        }

        private string ReadString()
        {
            var start = _position;
            _position++;
            var builder = new StringBuilder();
            while (true)
            {
                if (_position >= _text.Length)
                {
                    throw new JsonSyntaxException("unterminated string", start);
                }

                var c = _text[_position++];
                if (c == '"')
                {
                    return builder.ToString();
                }

                if (c < ' ')
                {
                    throw new JsonSyntaxException("control character in string", _position - 1);
                }

                if (c != '\\')
                {
                    builder.Append(c);
                    continue;
                }

                if (_position >= _text.Length)
                {
                    throw new JsonSyntaxException("unterminated escape sequence", _position);
                }

                var escape = _text[_position++];
                switch (escape)
                {
                    case '"': builder.Append('"'); break;
                    case '\\': builder.Append('\\'); break;
                    case '/': builder.Append('/'); break;
                    case 'b': builder.Append('\b'); break;
                    case 'f': builder.Append('\f'); break;
                    case 'n': builder.Append('\n'); break;
                    case 'r': builder.Append('\r'); break;
                    case 't': builder.Append('\t'); break;
                    case 'u':
                        if (_position + 4 > _text.Length || !IsHex(_text.Substring(_position, 4)) ||
                            !int.TryParse(_text.Substring(_position, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var code))
                        {
                            throw new JsonSyntaxException("invalid \\u escape", _position - 2);
                        }

                        builder.Append((char)code);
                        _position += 4;
                        break;
                    default:
                        throw new JsonSyntaxException("invalid escape sequence '\\" + escape + "'", _position - 2);
                }
            }
        }

        private JsonNumber ReadNumber()
        {
            var start = _position;
            if (Peek() == '-')
            {
                _position++;
            }

            while (_position < _text.Length && "0123456789.eE+-".IndexOf(_text[_position]) >= 0)
            {
                _position++;
            }

            var text = _text.Substring(start, _position - start);
            if (!NumberSyntax.IsMatch(text) || !double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
            {
                throw new JsonSyntaxException("invalid number '" + text + "'", start);
            }

            return new JsonNumber(TextSpan.FromBounds(start, _position), value);
        }

        private JsonNode ReadLiteral(string literal, Func<TextSpan, JsonNode> create)
        {
            if (string.CompareOrdinal(_text, _position, literal, 0, literal.Length) != 0)
            {
                throw new JsonSyntaxException("unexpected token", _position);
            }

            var start = _position;
            _position += literal.Length;
            return create(TextSpan.FromBounds(start, _position));
        }

        private static bool IsHex(string digits)
        {
            foreach (var c in digits)
            {
                if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F')))
                {
                    return false;
                }
            }

            return true;
        }

        private char Peek() => _position < _text.Length ? _text[_position] : '\0';

        private void Expect(char c)
        {
            if (Peek() != c)
            {
                throw new JsonSyntaxException("expected '" + c + "'", _position);
            }

            _position++;
        }

        private void SkipTrivia()
        {
            while (_position < _text.Length)
            {
                var c = _text[_position];
                if (c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\uFEFF')
                {
                    _position++;
                }
                else if (c == '/' && _position + 1 < _text.Length && _text[_position + 1] == '/')
                {
                    while (_position < _text.Length && _text[_position] != '\n')
                    {
                        _position++;
                    }
                }
                else if (c == '/' && _position + 1 < _text.Length && _text[_position + 1] == '*')
                {
                    var end = _text.IndexOf("*/", _position + 2, StringComparison.Ordinal);
                    if (end < 0)
                    {
                        throw new JsonSyntaxException("unterminated comment", _position);
                    }

                    _position = end + 2;
                }
                else
                {
                    return;
                }
            }
        }
    }
}
