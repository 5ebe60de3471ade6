using DeepSynth.Analyzers.Manifest;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;

namespace DeepSynth.Analyzers.Tests.Manifest;

/// <summary>Facts gathered by concurrent actions come out in one order, whatever order the actions ran in.</summary>
public class ProjectFactsTests
{
    [Fact]
    public void Calls_of_one_chain_come_out_in_the_same_order_whatever_order_they_were_found_in()
    {
        const string code = "class C { void M(Studio s) => s.SwapFace(1).CloneVoice(2); }";
        var tree = CSharpSyntaxTree.ParseText(code, path: "Studio.cs");
        var outer = Location.Create(tree, TextSpan.FromBounds(code.IndexOf("s.SwapFace", StringComparison.Ordinal), code.IndexOf("(2)", StringComparison.Ordinal) + 3));
        var inner = Location.Create(tree, TextSpan.FromBounds(code.IndexOf("s.SwapFace", StringComparison.Ordinal), code.IndexOf("(1)", StringComparison.Ordinal) + 3));

        var innerFirst = new ProjectFacts();
        innerFirst.AddBiometricCall(inner, "Studio.SwapFace");
        innerFirst.AddBiometricCall(outer, "Studio.CloneVoice");
        var outerFirst = new ProjectFacts();
        outerFirst.AddBiometricCall(outer, "Studio.CloneVoice");
        outerFirst.AddBiometricCall(inner, "Studio.SwapFace");

        Assert.Equal(new[] { "Studio.SwapFace", "Studio.CloneVoice" }, innerFirst.BiometricCalls.Select(c => c.Description));
        Assert.Equal(new[] { "Studio.SwapFace", "Studio.CloneVoice" }, outerFirst.BiometricCalls.Select(c => c.Description));
    }
}
