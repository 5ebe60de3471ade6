using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis.Diagnostics;

namespace DeepSynth.Analyzers.Configuration
{
    /// <summary>An .editorconfig / .globalconfig option whose value could not be read.</summary>
    internal sealed class InvalidOption
    {
        public InvalidOption(string key, string value, string expected)
        {
            Key = key;
            Value = value;
            Expected = expected;
        }

        public string Key { get; }

        public string Value { get; }

        public string Expected { get; }
    }

    /// <summary>
    /// The engine's options, read from .editorconfig or .globalconfig:
    /// <list type="bullet">
    /// <item><c>deepsynth.max_call_depth</c>: how many calls deep summaries follow (1-16, default 5).</item>
    /// <item><c>deepsynth.identity_policies</c>: comma-separated authorization policy names that require real-name verification.</item>
    /// <item><c>deepsynth.authorize_counts_as_identity</c>: true when a plain [Authorize] means real-name verified in this service.</item>
    /// </list>
    /// </summary>
    internal sealed class FlowOptions
    {
        public const string MaxCallDepthKey = "deepsynth.max_call_depth";
        public const string IdentityPoliciesKey = "deepsynth.identity_policies";
        public const string AuthorizeCountsKey = "deepsynth.authorize_counts_as_identity";
        public const int DefaultMaxCallDepth = 5;
        public const int MaxAllowedCallDepth = 16;

        public static readonly FlowOptions Default = new FlowOptions(DefaultMaxCallDepth, ImmutableHashSet<string>.Empty, false, ImmutableArray<InvalidOption>.Empty);

        private FlowOptions(int maxCallDepth, ImmutableHashSet<string> identityPolicies, bool authorizeCountsAsIdentity, ImmutableArray<InvalidOption> invalid)
        {
            MaxCallDepth = maxCallDepth;
            IdentityPolicies = identityPolicies;
            AuthorizeCountsAsIdentity = authorizeCountsAsIdentity;
            Invalid = invalid;
        }

        public int MaxCallDepth { get; }

        public ImmutableHashSet<string> IdentityPolicies { get; }

        public bool AuthorizeCountsAsIdentity { get; }

        public ImmutableArray<InvalidOption> Invalid { get; }

        public static FlowOptions Read(AnalyzerConfigOptions options, IEnumerable<string> extraIdentityPolicies)
        {
            var invalid = ImmutableArray.CreateBuilder<InvalidOption>();
            var depth = DefaultMaxCallDepth;
            if (options.TryGetValue(MaxCallDepthKey, out var depthText))
            {
                if (!int.TryParse(depthText.Trim(), out depth) || depth < 1 || depth > MaxAllowedCallDepth)
                {
                    invalid.Add(new InvalidOption(MaxCallDepthKey, depthText, "an integer from 1 to " + MaxAllowedCallDepth));
                    depth = DefaultMaxCallDepth;
                }
            }

            var policies = ImmutableHashSet.CreateBuilder<string>();
            policies.UnionWith(extraIdentityPolicies);
            if (options.TryGetValue(IdentityPoliciesKey, out var policyText))
            {
                policies.UnionWith(policyText.Split(',').Select(p => p.Trim()).Where(p => p.Length > 0));
            }

            var authorizeCounts = false;
            if (options.TryGetValue(AuthorizeCountsKey, out var authorizeText))
            {
                if (!bool.TryParse(authorizeText.Trim(), out authorizeCounts))
                {
                    invalid.Add(new InvalidOption(AuthorizeCountsKey, authorizeText, "true or false"));
                    authorizeCounts = false;
                }
            }

            return new FlowOptions(depth, policies.ToImmutable(), authorizeCounts, invalid.ToImmutable());
        }
    }
}
