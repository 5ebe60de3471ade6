using System.Globalization;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace DeepSynth.TestSupport.Concurrency;

/// <summary>
/// Says which copy a diagnostic belongs to and renders it as the original would look: the copy's locations mapped back
/// to the original file, its file names and namespace in messages and properties replaced by the original's. A diagnostic
/// of a copy and one of the original then render the same exactly when the analyzer treated both alike.
/// </summary>
internal sealed class CopyShapes
{
    /// <summary>The group of diagnostics that are not in any copied file (additional files, no location, shared files).</summary>
    public const int Shared = -1;

    private readonly Dictionary<string, RenamedCopy> _copies;
    private readonly Dictionary<string, SourceText> _originals;

    public CopyShapes(IEnumerable<RenamedCopy> copies, IReadOnlyDictionary<string, SourceText> originals)
    {
        _copies = copies.ToDictionary(c => c.Path, StringComparer.Ordinal);
        _originals = _copies.Values.Select(c => c.OriginalPath).Distinct().ToDictionary(p => p, p => originals[p], StringComparer.Ordinal);
    }

    /// <summary>0 for a copied original file, the copy's index for a copy, <see cref="Shared"/> for anything else.</summary>
    public int CopyOf(Location location)
    {
        if (!location.IsInSource)
        {
            return Shared;
        }

        var path = location.SourceTree!.FilePath;
        return _copies.TryGetValue(path, out var copy) ? copy.Index : _originals.ContainsKey(path) ? 0 : Shared;
    }

    /// <summary>The diagnostic as it would read in the original, for one that belongs to copy <paramref name="copy"/> (0: the original).</summary>
    public string Render(Diagnostic diagnostic, int copy)
    {
        var additional = string.Join(", ", diagnostic.AdditionalLocations.Select(l => Where(l, copy)));
        var properties = string.Join(", ", diagnostic.Properties.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => p.Key + "=" + Unrename(p.Value ?? "null", copy)));
        return $"{diagnostic.Id} {diagnostic.Severity} at {Where(diagnostic.Location, copy)} also [{additional}] \"{Unrename(diagnostic.GetMessage(CultureInfo.InvariantCulture), copy)}\" {{{properties}}}";
    }

    private string Where(Location location, int copy)
    {
        if (!location.IsInSource)
        {
            return location.Kind == LocationKind.None ? "nowhere" : location.GetLineSpan().ToString();
        }

        var path = location.SourceTree!.FilePath;
        var span = location.SourceSpan;
        var inCopy = CopyOf(location);
        if (inCopy == Shared)
        {
            return location.GetLineSpan().ToString();
        }

        var original = path;
        if (_copies.TryGetValue(path, out var renamed))
        {
            var mapped = renamed.ToOriginal(span);
            if (mapped == null)
            {
                return $"{path}: text the copy inserted at {span}";
            }

            original = renamed.OriginalPath;
            span = mapped.Value;
        }

        var lines = _originals[original].Lines.GetLinePositionSpan(span);
        var where = new FileLinePositionSpan(original, lines).ToString();
        return inCopy == copy ? where : $"{where} in copy {inCopy}";
    }

    private string Unrename(string text, int copy)
    {
        if (copy <= 0)
        {
            return text;
        }

        foreach (var renamed in _copies.Values.Where(c => c.Index == copy))
        {
            text = text.Replace(Path.GetFileName(renamed.Path), Path.GetFileName(renamed.OriginalPath), StringComparison.Ordinal);
        }

        return text.Replace(RenamedCopy.NamespaceOf(copy) + ".", string.Empty, StringComparison.Ordinal);
    }
}
