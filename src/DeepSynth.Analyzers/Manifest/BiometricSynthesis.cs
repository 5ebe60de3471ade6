using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using DeepSynth.Analyzers.Catalogue;
using DeepSynth.Analyzers.Flow;
using Microsoft.CodeAnalysis;

namespace DeepSynth.Analyzers.Manifest
{
    /// <summary>
    /// Calls that generate or edit a face or a voice (DSP Art. 15(1)): biometric editors of the catalogue (its rows,
    /// <c>[BiometricEditor]</c>, deepsynth.json), the speech-synthesis calls of the built-in catalogue (every audio
    /// generation API there is text-to-speech) and <see cref="KnownApis.SpeechSynthesis"/>. Resolved once per compilation.
    /// </summary>
    internal sealed class BiometricSynthesis
    {

        private readonly ApiCatalogue _catalogue;
        private readonly Dictionary<INamedTypeSymbol, ImmutableHashSet<string>> _voiceApis = new Dictionary<INamedTypeSymbol, ImmutableHashSet<string>>(SymbolEqualityComparer.Default);
        private readonly ImmutableHashSet<string> _voiceMemberNames;
        private readonly bool _mayUseEditorAttribute;

        public BiometricSynthesis(Compilation compilation, ApiCatalogue catalogue)
        {
            _catalogue = catalogue;
            var apis = KnownApis.GenerationSources.Where(s => s.Media == MediaKind.Audio).Concat(KnownApis.SpeechSynthesis).ToList();
            foreach (var api in apis)
            {
                if (TypeResolver.For(compilation).Resolve(api.TypeName) is { } type)
                {
                    _voiceApis[type] = _voiceApis.TryGetValue(type, out var members) ? members.Union(api.Members) : api.Members;
                }
            }

            _voiceMemberNames = apis.SelectMany(a => a.Members).ToImmutableHashSet();

            // Most compilations have no biometric editor: then no call needs its role looked up.
            _mayUseEditorAttribute = catalogue.HasBiometricEditors;
        }

        /// <summary>The names of the speech-synthesis calls (any other call is biometric only by an editor role).</summary>
        public ImmutableHashSet<string> VoiceMemberNames => _voiceMemberNames;

        /// <summary>Whether some call can have a biometric-editor role here (catalogue rows, the attribute, deepsynth.json).</summary>
        public bool MayHaveEditorRoles => _mayUseEditorAttribute;

        /// <summary>True when calling the method synthesises or edits a face or voice.</summary>
        public bool IsBiometric(IMethodSymbol method)
        {
            if (_mayUseEditorAttribute && _catalogue.GetRole(method).Kind == ApiRoleKind.BiometricEditor)
            {
                return true;
            }

            if (!_voiceMemberNames.Contains(method.Name))
            {
                return false;
            }

            var type = method.ContainingType;
            return type != null && SelfAndAncestors(type).Any(t => _voiceApis.TryGetValue(t.OriginalDefinition, out var members) && members.Contains(method.Name));
        }

        private static IEnumerable<INamedTypeSymbol> SelfAndAncestors(INamedTypeSymbol type)
        {
            for (var t = type; t != null; t = t.BaseType)
            {
                yield return t;
            }

            foreach (var i in type.AllInterfaces)
            {
                yield return i;
            }
        }
    }
}
