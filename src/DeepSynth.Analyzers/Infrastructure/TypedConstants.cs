using Microsoft.CodeAnalysis;

namespace DeepSynth.Analyzers.Infrastructure
{
    /// <summary>
    /// An attribute argument's value read safely: <see cref="TypedConstant.Value"/> throws on an array argument
    /// (<c>[Tags("a", "b")]</c>, a <c>params string[]</c> constructor), so every attribute the engine scans goes through here.
    /// </summary>
    internal static class TypedConstants
    {
        /// <summary>The value of a scalar argument; null for an array.</summary>
        public static object? Scalar(this TypedConstant constant) =>
            constant.Kind == TypedConstantKind.Array ? null : constant.Value;
    }
}
