using System.Reflection;
using DeepSynth.Analyzers.Rules;
using DeepSynth.TestSupport;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace DeepSynth.Analyzers.Tests.Metadata;

/// <summary>
/// The analyzer's structure that keeps a new rule or framework one small change (issue 13): rule ids live in the rule
/// table, the engine core knows no duty, nothing travels through thread-static state. Read from the analyzer's own
/// sources (code only: comments may name what they explain).
/// </summary>
public class ArchitectureTests
{
    private static readonly Lazy<IReadOnlyList<(string Path, SyntaxNode Root)>> Sources = new(() =>
        Directory.EnumerateFiles(RepositoryPaths.Combine("src", "DeepSynth.Analyzers"), "*.cs", SearchOption.AllDirectories)
            .Where(path => !path.Contains(Path.DirectorySeparatorChar + "obj" + Path.DirectorySeparatorChar) && !path.Contains(Path.DirectorySeparatorChar + "bin" + Path.DirectorySeparatorChar))
            .Select(path => (Path.GetRelativePath(RepositoryPaths.Combine("src", "DeepSynth.Analyzers"), path), CSharpSyntaxTree.ParseText(File.ReadAllText(path)).GetRoot()))
            .ToList());

    [Fact]
    public void The_sources_are_found()
    {
        Assert.True(Sources.Value.Count > 50, "analyzer sources found: " + Sources.Value.Count);
        Assert.Contains(Sources.Value, s => s.Path.EndsWith("MethodRun.cs", StringComparison.Ordinal));
    }

    [Fact]
    public void Nothing_is_thread_static()
    {
        var marked = Sources.Value
            .SelectMany(s => s.Root.DescendantNodes().OfType<AttributeSyntax>().Where(a => a.Name.ToString().EndsWith("ThreadStatic", StringComparison.Ordinal) || a.Name.ToString().EndsWith("ThreadStaticAttribute", StringComparison.Ordinal)).Select(a => s.Path))
            .ToList();
        Assert.Empty(marked);
    }

    public static TheoryData<string> FlowRuleIds()
    {
        var data = new TheoryData<string>();
        // The rules the flow engine reports: its duties, and the compliance rules of the same analyzer (DSYN008).
        foreach (var id in DutyTable.FlowDuties.Select(d => d.RuleId).Concat(RuleTable.All.Where(r => r.Reporter == RuleReporter.ContentFlowAnalyzer && r.Category == RuleTable.Compliance).Select(r => r.Id)).Distinct())
        {
            data.Add(id);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(FlowRuleIds))]
    public void A_flow_rule_id_is_named_in_at_most_two_files(string id)
    {
        var constant = typeof(RuleIds).GetFields(BindingFlags.Public | BindingFlags.Static).Single(f => (string?)f.GetRawConstantValue() == id).Name;
        var naming = Sources.Value.Where(s => Names(s.Root, id, constant)).Select(s => s.Path).ToList();
        Assert.Contains(naming, p => p.EndsWith("RuleIds.cs", StringComparison.Ordinal));
        Assert.True(naming.Count <= 2, id + " is named in " + string.Join(", ", naming));
    }

    /// <summary>A string literal holding the id, or a reference to its constant in <see cref="RuleIds"/>.</summary>
    private static bool Names(SyntaxNode root, string id, string constant) =>
        root.DescendantTokens().Any(t =>
            (t.IsKind(SyntaxKind.StringLiteralToken) && t.ValueText.Contains(id, StringComparison.Ordinal)) ||
            (t.IsKind(SyntaxKind.IdentifierToken) && t.ValueText == constant && t.Parent?.Parent is MemberAccessExpressionSyntax access && access.Expression.ToString().EndsWith("RuleIds", StringComparison.Ordinal)));

    [Fact]
    public void The_engine_core_names_no_duty_fact_and_no_rule()
    {
        // The engine core: files that walk a control-flow graph.
        var core = Sources.Value.Where(s => s.Root.DescendantTokens().Any(t => t.IsKind(SyntaxKind.IdentifierToken) && (t.ValueText == "ControlFlowGraph" || t.ValueText == "BasicBlock"))).ToList();
        Assert.Contains(core, s => s.Path.EndsWith("MethodRun.cs", StringComparison.Ordinal));

        var facts = typeof(DutyTable).GetFields(BindingFlags.Public | BindingFlags.Static).Where(f => f.FieldType.Name == "Fact").Select(f => f.Name).ToHashSet();
        Assert.Contains("Labeled", facts);
        var rules = typeof(RuleIds).GetFields(BindingFlags.Public | BindingFlags.Static).Select(f => f.Name).ToHashSet();

        var named = core
            .SelectMany(s => s.Root.DescendantNodes().OfType<MemberAccessExpressionSyntax>()
                .Where(a => (a.Expression.ToString().EndsWith("DutyTable", StringComparison.Ordinal) && facts.Contains(a.Name.Identifier.ValueText)) ||
                            (a.Expression.ToString().EndsWith("RuleIds", StringComparison.Ordinal) && rules.Contains(a.Name.Identifier.ValueText)))
                .Select(a => s.Path + ": " + a))
            .ToList();
        Assert.Empty(named);
        Assert.DoesNotContain(core, s => s.Root.DescendantTokens().Any(t => t.IsKind(SyntaxKind.StringLiteralToken) && t.ValueText.StartsWith("DSYN", StringComparison.Ordinal)));
    }
}
