using System;
using System.Collections.Generic;
using DeepSynth.Analyzers.Catalogue;
using DeepSynth.Analyzers.Flow;
using Microsoft.CodeAnalysis;

namespace DeepSynth.Analyzers.Manifest
{
    /// <summary>
    /// The simple names of the calls and members the project-level duties look at: generation calls (the project is a
    /// generative service), <c>Map*</c> registrations (its routes) and face or voice synthesis. A call by any other name
    /// is not bound. Built once per compilation.
    /// </summary>
    internal sealed class DutyCallNames
    {
        private readonly HashSet<string> _generating;
        private readonly System.Collections.Immutable.ImmutableHashSet<string> _voice;
        private readonly bool _editorRoles;
        private readonly bool _routes;

        public DutyCallNames(Compilation compilation, ApiCatalogue catalogue, BiometricSynthesis biometric, bool routes, System.Threading.CancellationToken cancellationToken)
        {
            _routes = routes;
            _generating = new HashSet<string>(catalogue.GenerationCallNames, StringComparer.Ordinal);

            // Members this project marks [GeneratedContentSource] or [BiometricEditor] are called by their own names.
            foreach (var tree in compilation.SyntaxTrees)
            {
                foreach (var declared in DeclaredBodies.For(tree, cancellationToken))
                {
                    if (declared.MarkedAsSource && declared.Name != null)
                    {
                        _generating.Add(declared.Name);
                    }
                }
            }

            _voice = biometric.VoiceMemberNames;
            _editorRoles = biometric.MayHaveEditorRoles;
        }

        /// <summary>
        /// Whether a call of this name can register a route (when routes are collected), synthesise a face or voice, or (until the project is known to
        /// generate content) generate content.
        /// </summary>
        public bool MayMatter(string? calledName, bool generationKnown) =>
            calledName != null &&
            ((_routes && calledName.StartsWith("Map", StringComparison.Ordinal)) || _voice.Contains(calledName) || (_editorRoles && _generating.Contains(calledName)) ||
             (!generationKnown && _generating.Contains(calledName)));

        /// <summary>Whether reading a member of this name can be reading a generation source (an attributed or configured property).</summary>
        public bool MayGenerate(string name) => _generating.Contains(name);
    }
}
