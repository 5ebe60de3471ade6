using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace DeepSynth.Analyzers.Catalogue
{
    /// <summary>A catalogue row the project's version of its package does not define (DSYN909).</summary>
    internal sealed class MissingRow
    {
        public MissingRow(string row, IAssemblySymbol package)
        {
            Row = row;
            Package = package;
        }

        /// <summary>The type, or "Type.{Member, ...}" when the type is there and none of the row's members are.</summary>
        public string Row { get; }

        public IAssemblySymbol Package { get; }
    }

    /// <summary>
    /// Finds catalogue rows that a referenced package should define and does not: the package was renamed or reshaped in
    /// the version the project uses (Telegram.Bot 22 renamed its send methods). Those calls are then invisible to the
    /// engine; a compliance tool must say so instead of reporting nothing. Two cases only, so that an older or newer
    /// version lacking a client nobody calls stays quiet: a row whose type is present but has none of the row's members,
    /// and a package of which no row (older-version rows aside) resolves at all.
    /// </summary>
    internal static class CatalogueCoverage
    {
        public static ImmutableArray<MissingRow> Find(TypeResolver types)
        {
            var packages = types.Assemblies.Skip(1).Where(a => !IsFramework(a.Identity.Name)).ToList();
            if (packages.Count == 0)
            {
                return ImmutableArray<MissingRow>.Empty;
            }

            var missing = ImmutableArray.CreateBuilder<MissingRow>();
            var byPackage = new Dictionary<IAssemblySymbol, (bool AnyResolved, List<string> Missing)>(SymbolEqualityComparer.Default);
            foreach (var row in KnownApis.MemberRows)
            {
                var package = PackageOf(row.TypeName, packages);
                if (package == null)
                {
                    continue;
                }

                if (!byPackage.TryGetValue(package, out var state))
                {
                    state = (false, new List<string>());
                }

                var resolved = types.ResolveAll(row.TypeName);
                if (!resolved.IsEmpty)
                {
                    state.AnyResolved = true;
                    if (!resolved.Any(t => row.Members.Any(m => HasMember(t, m))))
                    {
                        missing.Add(new MissingRow(row.TypeName + ".{" + Shortened(row.Members) + "}", package));
                    }
                }
                else if (!KnownApis.OlderVersionRows.Contains(row.TypeName))
                {
                    state.Missing.Add(row.TypeName);
                }

                byPackage[package] = state;
            }

            foreach (var entry in byPackage)
            {
                if (!entry.Value.AnyResolved)
                {
                    missing.AddRange(entry.Value.Missing.Distinct().Select(r => new MissingRow(r, entry.Key)));
                }
            }

            return missing.ToImmutable();
        }

        private static string Shortened(IReadOnlyCollection<string> members)
        {
            var sorted = members.OrderBy(m => m, StringComparer.Ordinal).ToList();
            return sorted.Count <= 4 ? string.Join(", ", sorted) : string.Join(", ", sorted.Take(3)) + ", ... " + (sorted.Count - 3) + " more";
        }

        /// <summary>The referenced assembly whose name is the longest namespace prefix of the row's type (its package).</summary>
        private static IAssemblySymbol? PackageOf(string typeName, List<IAssemblySymbol> packages)
        {
            IAssemblySymbol? best = null;
            foreach (var assembly in packages)
            {
                var name = assembly.Identity.Name;
                if (typeName.StartsWith(name + ".", StringComparison.Ordinal) && (best == null || name.Length > best.Identity.Name.Length))
                {
                    best = assembly;
                }
            }

            return best;
        }

        private static bool HasMember(INamedTypeSymbol type, string member)
        {
            for (var t = type; t != null; t = t.BaseType)
            {
                if (!t.GetMembers(member).IsEmpty)
                {
                    return true;
                }
            }

            return type.AllInterfaces.Any(i => !i.GetMembers(member).IsEmpty);
        }

        // The shared frameworks ship as one set of reference assemblies; a type missing there is a platform version, not drift.
        private static bool IsFramework(string name) =>
            name == "mscorlib" || name == "netstandard" || name.StartsWith("System", StringComparison.Ordinal) ||
            name.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal) || name.StartsWith("Microsoft.Extensions.", StringComparison.Ordinal) &&
            !name.StartsWith("Microsoft.Extensions.AI", StringComparison.Ordinal) || name.StartsWith("Microsoft.Win32", StringComparison.Ordinal) ||
            name.StartsWith("Microsoft.VisualBasic", StringComparison.Ordinal) || name.StartsWith("Microsoft.CSharp", StringComparison.Ordinal);
    }
}
