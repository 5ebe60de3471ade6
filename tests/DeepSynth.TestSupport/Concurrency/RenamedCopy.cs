using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace DeepSynth.TestSupport.Concurrency;

/// <summary>
/// A copy of a test source whose declarations live in their own namespace (<c>Concurrent1</c>, ...), so it compiles next
/// to the original and the analyzer sees the same code twice (as sonar-dotnet's concurrent copies do). The copy is the
/// original with text inserted and never removed, and without new lines, so every position maps back to the original
/// and line numbers (which messages quote) stay the same:
/// <list type="bullet">
/// <item><description>a file-scoped namespace <c>N</c> becomes <c>ConcurrentK.N</c>;</description></item>
/// <item><description>otherwise all members are wrapped in <c>namespace ConcurrentK { ... }</c>, so block namespaces
/// become <c>ConcurrentK.N</c> and global types move into <c>ConcurrentK</c> (names qualified from the root, such as
/// <c>N.Type</c>, then resolve to the copy);</description></item>
/// <item><description>top-level statements (only one file of a program may have them) become the body of
/// <c>static class ConcurrentProgram { static async Task Run(string[] args) { ... } }</c>.</description></item>
/// </list>
/// Usings stay where they are; files with nothing but usings (the shared global usings) are not copied.
/// </summary>
public sealed class RenamedCopy
{
    private readonly IReadOnlyList<(int At, int Length)> _insertions;

    private RenamedCopy(int index, string originalPath, string path, SourceText text, IReadOnlyList<(int At, int Length)> insertions)
    {
        Index = index;
        OriginalPath = originalPath;
        Path = path;
        Text = text;
        _insertions = insertions;
    }

    /// <summary>1 for the first copy (namespace <c>Concurrent1</c>), 2 for the second, ...</summary>
    public int Index { get; }

    public string OriginalPath { get; }

    public string Path { get; }

    public SourceText Text { get; }

    public static string NamespaceOf(int index) => "Concurrent" + index;

    /// <summary>
    /// The path of copy <paramref name="index"/> of a file: <c>/0/Test0.cs</c> becomes <c>/0/Test0.Concurrent1.cs</c>. The
    /// marker goes after the first part of the name, so suffixes that make a file generated (<c>Chat.g.cs</c>,
    /// <c>Form.designer.cs</c>) stay at the end and the copy is as generated as its original; the Razor generator's
    /// <c>Chat_razor.g.cs</c> becomes <c>Chat.Concurrent1_razor.g.cs</c>.
    /// </summary>
    public static string PathOf(string originalPath, int index)
    {
        var name = System.IO.Path.GetFileName(originalPath);
        var dot = name.IndexOf('.', StringComparison.Ordinal);
        foreach (var razorSuffix in new[] { "_razor.", "_cshtml." })
        {
            var at = name.IndexOf(razorSuffix, StringComparison.OrdinalIgnoreCase);
            dot = at >= 0 && (dot < 0 || at < dot) ? at : dot;
        }

        var copyName = dot < 0 ? name + "." + NamespaceOf(index) : name.Substring(0, dot) + "." + NamespaceOf(index) + name.Substring(dot);
        return originalPath.Substring(0, originalPath.Length - name.Length) + copyName;
    }

    /// <summary>The copy of <paramref name="root"/>, or null when the file declares nothing (usings only).</summary>
    public static RenamedCopy? Create(CompilationUnitSyntax root, string originalPath, int index)
    {
        if (root.Members.Count == 0)
        {
            return null;
        }

        var name = NamespaceOf(index);
        var insertions = new List<(int At, string Text)>();
        var fileScoped = root.Members.OfType<FileScopedNamespaceDeclarationSyntax>().FirstOrDefault();
        if (fileScoped != null)
        {
            insertions.Add((fileScoped.Name.SpanStart, name + "."));
        }
        else
        {
            insertions.Add((root.Members[0].SpanStart, $"namespace {name} {{ "));
            var statements = root.Members.OfType<GlobalStatementSyntax>().ToList();
            if (statements.Count > 0)
            {
                insertions.Add((statements[0].SpanStart, "static class ConcurrentProgram { static async System.Threading.Tasks.Task Run(string[] args) { "));
                insertions.Add((statements[^1].Span.End, " } }"));
            }

            insertions.Add((root.Members[^1].Span.End, " }"));
        }

        // Stable sort: insertions at the same position keep the order they were added in (namespace before class).
        var ordered = insertions.Select((insertion, order) => (insertion, order)).OrderBy(i => i.insertion.At).ThenBy(i => i.order).Select(i => i.insertion).ToList();
        var original = root.SyntaxTree.GetText();
        var text = original.WithChanges(ordered.Select(i => new TextChange(new TextSpan(i.At, 0), i.Text)));
        return new RenamedCopy(index, originalPath, PathOf(originalPath, index), text, ordered.Select(i => (i.At, i.Text.Length)).ToList());
    }

    /// <summary>The span in the original that <paramref name="span"/> of the copy shows, or null when it touches inserted text.</summary>
    public TextSpan? ToOriginal(TextSpan span)
    {
        var start = ToOriginal(span.Start);
        if (start == null)
        {
            return null;
        }

        if (span.IsEmpty)
        {
            return new TextSpan(start.Value, 0);
        }

        var last = ToOriginal(span.End - 1);
        return last == null ? null : TextSpan.FromBounds(start.Value, last.Value + 1);
    }

    private int? ToOriginal(int position)
    {
        var shift = 0;
        foreach (var (at, length) in _insertions)
        {
            var insertedFrom = at + shift;
            if (position < insertedFrom)
            {
                break;
            }

            if (position < insertedFrom + length)
            {
                return null;
            }

            shift += length;
        }

        return position - shift;
    }
}
