using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;
using DeepSynth.TestSupport.Concurrency;

namespace DeepSynth.Analyzers.Tests.Concurrency;

/// <summary>How a test source is copied: only insertions on existing lines, so every span maps back to the original.</summary>
public class RenamedCopyTests
{
    [Theory]
    [InlineData("namespace Shop;\nclass A { }\n", "namespace Concurrent1.Shop;\nclass A { }\n")]
    [InlineData("using System;\nclass A { }\nnamespace Shop { class B { } }\n", "using System;\nnamespace Concurrent1 { class A { }\nnamespace Shop { class B { } } }\n")]
    [InlineData("var a = new A();\na.Run();\nclass A { public void Run() { } }\n",
        "namespace Concurrent1 { static class ConcurrentProgram { static async System.Threading.Tasks.Task Run(string[] args) { var a = new A();\na.Run(); } }\nclass A { public void Run() { } } }\n")]
    public void Declarations_move_into_a_namespace_of_the_copy_on_the_same_lines(string source, string expected)
    {
        var copy = RenamedCopy.Create(CSharpSyntaxTree.ParseText(source).GetCompilationUnitRoot(), "/0/Test0.cs", 1)!;

        Assert.Equal(expected, copy.Text.ToString());
        Assert.Equal("/0/Test0.Concurrent1.cs", copy.Path);
    }

    [Theory]
    [InlineData("/0/Test0.cs", "/0/Test0.Concurrent1.cs")]
    [InlineData("/0/Chat.g.cs", "/0/Chat.Concurrent1.g.cs")]
    [InlineData("/0/Form1.Designer.cs", "/0/Form1.Concurrent1.Designer.cs")]
    [InlineData("/src/NoExtension", "/src/NoExtension.Concurrent1")]
    public void A_copy_keeps_the_suffix_that_makes_a_file_generated(string original, string expected) =>
        Assert.Equal(expected, RenamedCopy.PathOf(original, 1));

    [Fact]
    public void Spans_of_the_copy_map_back_to_the_original_and_inserted_text_maps_nowhere()
    {
        const string source = "var a = new A();\nclass A { }\n";
        var copy = RenamedCopy.Create(CSharpSyntaxTree.ParseText(source).GetCompilationUnitRoot(), "/0/Test0.cs", 2)!;
        var text = copy.Text.ToString();

        foreach (var token in new[] { "new A()", "class A { }", "var" })
        {
            var mapped = copy.ToOriginal(new TextSpan(text.IndexOf(token, StringComparison.Ordinal), token.Length));
            Assert.Equal(new TextSpan(source.IndexOf(token, StringComparison.Ordinal), token.Length), mapped);
        }

        Assert.Null(copy.ToOriginal(new TextSpan(text.IndexOf("Concurrent2", StringComparison.Ordinal), 3)));
        Assert.Null(copy.ToOriginal(new TextSpan(text.IndexOf("class A", StringComparison.Ordinal) - 2, 4)));
    }

    [Fact]
    public void A_file_of_usings_only_is_not_copied() =>
        Assert.Null(RenamedCopy.Create(CSharpSyntaxTree.ParseText("global using System;\n").GetCompilationUnitRoot(), "/0/GlobalUsings.cs", 1));
}
