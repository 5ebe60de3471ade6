using System;
using System.Globalization;
using System.Linq;
using DeepSynth.Analyzers.Resources;
using Microsoft.CodeAnalysis;

namespace DeepSynth.Analyzers.Manifest
{
    /// <summary>
    /// A resource text whose arguments may themselves be localizable (a detail with a note inside), formatted in the
    /// culture the host asks for: <see cref="LocalizableResourceString"/> only takes string arguments.
    /// </summary>
    internal sealed class LocalizedText : LocalizableString
    {
        private readonly string _name;
        private readonly object[] _arguments;

        public LocalizedText(string name, params object[] arguments)
        {
            _name = name;
            _arguments = arguments;
        }

        protected override string GetText(IFormatProvider? formatProvider)
        {
            // Without a culture the resource manager falls back to the UI culture, as LocalizableResourceString does.
            var culture = formatProvider as CultureInfo;
            var format = DiagnosticMessages.ResourceManager.GetString(_name, culture) ?? _name;
            var arguments = _arguments.Select(a => a is LocalizableString text ? text.ToString(formatProvider) : a).ToArray();
            return string.Format(formatProvider, format, arguments);
        }

        protected override bool AreEqual(object? other) =>
            other is LocalizedText text && text._name == _name && text._arguments.SequenceEqual(_arguments);

        protected override int GetHash() => _name.GetHashCode();
    }
}
