using System.Collections.Immutable;
using DeepSynth.TestSupport;
using Microsoft.CodeAnalysis;

namespace DeepSynth.CodeFixes.Tests.Mutation.Mutators;

/// <summary>
/// The same code compiled without some of its references, as in a project whose package restore failed or whose package
/// was removed: half the time a whole package (OpenAI, ASP.NET Core, every package at once...), otherwise one assembly
/// drawn from all references, framework included.
/// </summary>
public sealed class DropReferences : Mutator
{
    private static readonly Lazy<HashSet<string>> Framework = new(() =>
        new HashSet<string>(Basic.Reference.Assemblies.Net100.References.All.Select(NameOf), StringComparer.OrdinalIgnoreCase));

    /// <summary>Packages, by the file names of their assemblies.</summary>
    private static readonly (string Package, Func<string, bool> Contains)[] Packages =
    [
        ("OpenAI", n => n is "OpenAI" or "System.ClientModel"),
        ("Microsoft.Extensions.AI", n => n.StartsWith("Microsoft.Extensions.AI", StringComparison.Ordinal)),
        ("Microsoft.SemanticKernel", n => n.StartsWith("Microsoft.SemanticKernel", StringComparison.Ordinal)),
        ("Azure.AI.OpenAI", n => n is "Azure.AI.OpenAI" or "Azure.Core"),
        ("Telegram.Bot", n => n.StartsWith("Telegram.Bot", StringComparison.Ordinal)),
        ("ASP.NET Core", n => n.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal)),
        ("DeepSynth.Compliance", n => n == "DeepSynth.Compliance"),
        ("every package (framework only)", n => !Framework.Value.Contains(n)),
    ];

    public override MutatedSource? Mutate(string text, Random random)
    {
        var all = TestReferences.All;
        if (random.Next(2) == 0)
        {
            var (package, contains) = Packages[random.Next(Packages.Length)];
            var removed = all.Where(r => contains(NameOf(r))).ToImmutableArray();
            return new MutatedSource($"without package {package} ({removed.Length} assemblies)", text, removed);
        }

        var single = all[random.Next(all.Length)];
        return new MutatedSource($"without reference {NameOf(single)}", text, ImmutableArray.Create(single));
    }

    private static string NameOf(MetadataReference reference) =>
        Path.GetFileNameWithoutExtension((reference as PortableExecutableReference)?.FilePath ?? reference.Display ?? string.Empty);
}
