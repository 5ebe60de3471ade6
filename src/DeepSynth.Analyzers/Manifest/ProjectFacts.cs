using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;

namespace DeepSynth.Analyzers.Manifest
{
    /// <summary>A call in the code that a project duty depends on, with a culture-neutral description of it.</summary>
    internal sealed class CodeFact
    {
        public CodeFact(Location location, string description, int value = 0)
        {
            Location = location;
            Description = description;
            Value = value;
        }

        public Location Location { get; }

        public string Description { get; }

        /// <summary>A number the fact carries (the days of a configured log retention).</summary>
        public int Value { get; }
    }

    /// <summary>
    /// What the code shows about the project duties, gathered by concurrent analyzer actions and read once at the end of
    /// the compilation: the routes it maps, the face and voice synthesis it calls, the log retention it configures.
    /// </summary>
    internal sealed class ProjectFacts
    {
        private readonly ConcurrentBag<CodeFact> _biometricCalls = new ConcurrentBag<CodeFact>();
        private readonly ConcurrentBag<CodeFact> _shortRetentions = new ConcurrentBag<CodeFact>();
        private int _generates;
        private int _hostsWorker;

        public MappedRoutes Routes { get; } = new MappedRoutes();

        /// <summary>Face or voice synthesis calls, in source order (so the finding lands on the same call every build).</summary>
        public IReadOnlyList<CodeFact> BiometricCalls => InSourceOrder(_biometricCalls);

        /// <summary>Audit log retentions configured below the legal minimum, in source order.</summary>
        public IReadOnlyList<CodeFact> ShortRetentions => InSourceOrder(_shortRetentions);

        /// <summary>
        /// Whether the code calls or reads a generation source. Referencing an AI SDK is not enough to be a generative
        /// service (a project may take the package for embeddings or transcription only): without a call and without a
        /// manifest there are no project duties to report.
        /// </summary>
        public bool Generates => Volatile.Read(ref _generates) != 0;

        public void MarkGenerates() => Volatile.Write(ref _generates, 1);

        /// <summary>Whether the project declares a hosted worker (a service that runs and sends without a request).</summary>
        public bool HostsWorker => Volatile.Read(ref _hostsWorker) != 0;

        public void MarkHostsWorker() => Volatile.Write(ref _hostsWorker, 1);

        public void AddBiometricCall(Location location, string description) => _biometricCalls.Add(new CodeFact(location, description));

        public void AddShortRetention(Location location, int days) => _shortRetentions.Add(new CodeFact(location, string.Empty, days));

        /// <summary>By file and position; calls of one chain (<c>a.SwapFace(x).CloneVoice(y)</c>) start alike, so the inner one first.</summary>
        private static IReadOnlyList<CodeFact> InSourceOrder(IEnumerable<CodeFact> facts) =>
            facts.OrderBy(f => f.Location.SourceTree?.FilePath, StringComparer.Ordinal).ThenBy(f => f.Location.SourceSpan.Start).ThenBy(f => f.Location.SourceSpan.End).ToList();
    }
}
