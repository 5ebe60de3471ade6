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
        private readonly System.Collections.Immutable.ImmutableHashSet<string> _generationCalls;
        private readonly HashSet<string> _marked = new HashSet<string>(StringComparer.Ordinal);
        private readonly System.Collections.Immutable.ImmutableHashSet<string> _voice;
        private readonly bool _editorRoles;
        private readonly bool _routes;

        public DutyCallNames(Compilation compilation, ApiCatalogue catalogue, BiometricSynthesis biometric, bool routes, System.Threading.CancellationToken cancellationToken)
        {
            _routes = routes;
            _generationCalls = catalogue.GenerationCallNames;

            // Members this project marks [GeneratedContentSource] or [BiometricEditor] are called by their own names
            // (listed per tree once, so a new compilation after an edit reads lists, not every body).
            foreach (var tree in compilation.SyntaxTrees)
            {
                foreach (var name in DeclaredBodies.MarkedSourceNames(tree, cancellationToken))
                {
                    _marked.Add(name);
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
            ((_routes && calledName.StartsWith("Map", StringComparison.Ordinal)) || _voice.Contains(calledName) || (_editorRoles && Generating(calledName)) ||
             (!generationKnown && Generating(calledName)));

        /// <summary>Whether reading a member of this name can be reading a generation source (an attributed or configured property).</summary>
        public bool MayGenerate(string name) => Generating(name);

        private bool Generating(string name) => _generationCalls.Contains(name) || _marked.Contains(name);
    }
}
