using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using DeepSynth.Analyzers.Resources;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace DeepSynth.Analyzers.Configuration
{
    /// <summary>An .editorconfig / .globalconfig option that is not used: its value cannot be read, or DeepSynth has no such option.</summary>
    internal sealed class InvalidOption : IEquatable<InvalidOption>
    {
        public InvalidOption(string key, string value, LocalizableString problem)
        {
            Key = key;
            Value = value;
            Problem = problem;
        }

        public string Key { get; }

        public string Value { get; }

        /// <summary>Why it is not used: what was expected, or that the key is unknown (with the closest known key).</summary>
        public LocalizableString Problem { get; }

        public bool Equals(InvalidOption? other) => other != null && Key == other.Key && Value == other.Value;

        public override bool Equals(object? obj) => Equals(obj as InvalidOption);

        public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Key) ^ StringComparer.Ordinal.GetHashCode(Value);
    }

    /// <summary>
    /// The engine's options, read from .editorconfig or .globalconfig:
    /// <list type="bullet">
    /// <item><c>deepsynth.max_call_depth</c>: how many calls deep summaries follow (1-16, default 8).</item>
    /// <item><c>deepsynth.identity_policies</c>: comma-separated authorization policy names that require real-name verification.</item>
    /// <item><c>deepsynth.authorize_counts_as_identity</c>: true when a plain [Authorize] means real-name verified in this service.</item>
    /// <item><c>deepsynth.analyze_generated_code</c>: true to analyse and report in generated code too (default false).</item>
    /// </list>
    /// </summary>
    internal sealed class FlowOptions
    {
        public const string Prefix = "deepsynth.";
        public const string MaxCallDepthKey = "deepsynth.max_call_depth";
        public const string IdentityPoliciesKey = "deepsynth.identity_policies";
        public const string AuthorizeCountsKey = "deepsynth.authorize_counts_as_identity";
        public const string AnalyzeGeneratedCodeKey = "deepsynth.analyze_generated_code";
        public const int DefaultMaxCallDepth = 8;
        public const int MaxAllowedCallDepth = 16;

        public static readonly ImmutableArray<string> Keys = ImmutableArray.Create(MaxCallDepthKey, IdentityPoliciesKey, AuthorizeCountsKey, AnalyzeGeneratedCodeKey);

        public static readonly FlowOptions Default = new FlowOptions(DefaultMaxCallDepth, ImmutableHashSet<string>.Empty, false, false, ImmutableArray<InvalidOption>.Empty);

        private FlowOptions(int maxCallDepth, ImmutableHashSet<string> identityPolicies, bool authorizeCountsAsIdentity, bool analyzeGeneratedCode, ImmutableArray<InvalidOption> invalid)
        {
            MaxCallDepth = maxCallDepth;
            IdentityPolicies = identityPolicies;
            AuthorizeCountsAsIdentity = authorizeCountsAsIdentity;
            AnalyzeGeneratedCode = analyzeGeneratedCode;
            Invalid = invalid;
        }

        public int MaxCallDepth { get; }

        public ImmutableHashSet<string> IdentityPolicies { get; }

        public bool AuthorizeCountsAsIdentity { get; }

        /// <summary>Analyse method bodies in generated code (by default they are skipped, like every analyzer does).</summary>
        public bool AnalyzeGeneratedCode { get; }

        /// <summary>Options that were not used, in key order (reported as DSYN904).</summary>
        public ImmutableArray<InvalidOption> Invalid { get; }

        public static FlowOptions Read(AnalyzerConfigOptions options, IEnumerable<string> extraIdentityPolicies)
        {
            // Trees with the same .editorconfig sections share one options object, in this compilation and the next (the
            // IDE makes one per keystroke): read each object once per set of configured policies.
            var policiesKey = string.Join(",", extraIdentityPolicies);
            var box = ReadBefore.GetValue(options, _ => new System.Runtime.CompilerServices.StrongBox<CachedRead?>());
            if (box.Value is { } cached && cached.PoliciesKey == policiesKey)
            {
                return cached.Options;
            }

            var read = ReadUncached(options, extraIdentityPolicies);
            box.Value = new CachedRead(policiesKey, read);
            return read;
        }

        private sealed record CachedRead(string PoliciesKey, FlowOptions Options);

        private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<AnalyzerConfigOptions, System.Runtime.CompilerServices.StrongBox<CachedRead?>> ReadBefore =
            new System.Runtime.CompilerServices.ConditionalWeakTable<AnalyzerConfigOptions, System.Runtime.CompilerServices.StrongBox<CachedRead?>>();

        private static FlowOptions ReadUncached(AnalyzerConfigOptions options, IEnumerable<string> extraIdentityPolicies)
        {
            var invalid = ImmutableArray.CreateBuilder<InvalidOption>();
            var depth = DefaultMaxCallDepth;
            if (options.TryGetValue(MaxCallDepthKey, out var depthText) &&
                (!int.TryParse(depthText.Trim(), out depth) || depth < 1 || depth > MaxAllowedCallDepth))
            {
                invalid.Add(new InvalidOption(MaxCallDepthKey, depthText, DiagnosticMessages.Get("Option_ExpectedInteger", "1", MaxAllowedCallDepth.ToString(System.Globalization.CultureInfo.InvariantCulture))));
                depth = DefaultMaxCallDepth;
            }

            var policies = ImmutableHashSet.CreateBuilder<string>();
            policies.UnionWith(extraIdentityPolicies);
            if (options.TryGetValue(IdentityPoliciesKey, out var policyText))
            {
                policies.UnionWith(policyText.Split(',').Select(p => p.Trim()).Where(p => p.Length > 0));
            }

            var authorizeCounts = ReadBoolean(options, AuthorizeCountsKey, invalid);
            var analyzeGenerated = ReadBoolean(options, AnalyzeGeneratedCodeKey, invalid);
            AddUnknownKeys(options, invalid);
            return new FlowOptions(depth, policies.ToImmutable(), authorizeCounts, analyzeGenerated, invalid.ToImmutable());
        }

        private static bool ReadBoolean(AnalyzerConfigOptions options, string key, ImmutableArray<InvalidOption>.Builder invalid)
        {
            if (!options.TryGetValue(key, out var text))
            {
                return false;
            }

            if (bool.TryParse(text.Trim(), out var value))
            {
                return value;
            }

            invalid.Add(new InvalidOption(key, text, DiagnosticMessages.Get("Option_ExpectedBoolean")));
            return false;
        }

        /// <summary>A misspelt option would silently do nothing, so every deepsynth.* key DeepSynth does not know is reported.</summary>
        private static void AddUnknownKeys(AnalyzerConfigOptions options, ImmutableArray<InvalidOption>.Builder invalid)
        {
            foreach (var key in options.Keys.Where(k => k.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase) && !Keys.Contains(k)).OrderBy(k => k, StringComparer.Ordinal))
            {
                options.TryGetValue(key, out var value);
                var closest = KeySuggestion.Closest(key, Keys);
                var problem = closest == null
                    ? DiagnosticMessages.Get("Option_UnknownKey", string.Join(", ", Keys))
                    : DiagnosticMessages.Get("Option_UnknownKeySuggestion", closest);
                invalid.Add(new InvalidOption(key, value ?? string.Empty, problem));
            }
        }
    }
}
