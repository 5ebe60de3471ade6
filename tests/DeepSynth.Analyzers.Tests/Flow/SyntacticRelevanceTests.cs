using DeepSynth.Analyzers.Catalogue;
using DeepSynth.Analyzers.Configuration;
using DeepSynth.Analyzers.Flow;
using DeepSynth.TestSupport;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace DeepSynth.Analyzers.Tests.Flow;

/// <summary>
/// The relevance test's syntax-only first pass rules out bodies before any binding. It must never rule out a body the
/// bound test keeps: calls the syntax does not name (indexers, chained constructors, explicit implementations, members
/// written by generating code, sources marked in another file) keep a body relevant; ordinary code is ruled out.
/// </summary>
public class SyntacticRelevanceTests
{
    private const string Usings = """
        using System.Collections;
        using System.Collections.Generic;
        using Microsoft.Extensions.AI;
        using DeepSynth.Compliance;

        """;

    [Fact]
    public void Ordinary_code_is_ruled_out_and_a_model_call_is_kept()
    {
        var (relevance, bodies) = Build("""
            public class Calculator { public int Sum(int a, int b) => a + b; }
            public class Writer(IChatClient chat) { public string Write() => chat.GetResponseAsync("x").Result.Text; }
            """);

        Assert.False(relevance.MayReach(bodies["Sum"], CancellationToken.None));
        Assert.True(relevance.MayReach(bodies["Write"], CancellationToken.None));
    }

    [Fact]
    public void A_call_through_an_indexer_keeps_the_caller()
    {
        var (relevance, bodies) = Build("""
            public class Answers(IChatClient chat) { public string this[string q] => chat.GetResponseAsync(q).Result.Text; }
            public class Page { public string Show(Answers answers) => answers["why"]; }
            """);

        Assert.True(relevance.MayReach(bodies["Show"], CancellationToken.None));
    }

    [Fact]
    public void A_call_to_an_explicit_interface_implementation_keeps_the_caller()
    {
        var (relevance, bodies) = Build("""
            public interface IStoryWriter { string Story(); }
            public class StoryWriter(IChatClient chat) : IStoryWriter { string IStoryWriter.Story() => chat.GetResponseAsync("x").Result.Text; }
            public class Reader { public string Read(IStoryWriter writer) => writer.Story(); }
            """);

        Assert.True(relevance.MayReach(bodies["Read"], CancellationToken.None));
    }

    [Fact]
    public void A_constructor_chained_to_a_generating_base_constructor_is_kept()
    {
        var (relevance, bodies) = Build("""
            public class Drafted { public string Text = ""; public Drafted(IChatClient chat) { Text = chat.GetResponseAsync("x").Result.Text; } }
            public class Reviewed : Drafted { public Reviewed(IChatClient chat) : base(chat) { } }
            public class Plain { public Plain(int size) { } }
            """);

        Assert.True(relevance.MayReach(bodies["Reviewed"], CancellationToken.None));
        Assert.False(relevance.MayReach(bodies["Plain"], CancellationToken.None));
    }

    [Fact]
    public void Reading_a_member_that_generating_code_writes_is_kept_and_other_members_are_not()
    {
        var (relevance, bodies) = Build("""
            public class Cache { public string Last = ""; public string Label = ""; public string Other = ""; }
            public class Filler(IChatClient chat) { public void Fill(Cache cache) { cache.Last = chat.GetResponseAsync("x").Result.Text; cache.Label = "ok"; } }
            public class Settings { public void Reset(Cache cache) { cache.Other = "none"; } }
            public class Shown { public string Show(Cache cache) => cache.Last; }
            public class Counted { public string Count(Cache cache) => cache.Other; }
            """);

        Assert.True(relevance.MayReach(bodies["Show"], CancellationToken.None));
        Assert.False(relevance.MayReach(bodies["Count"], CancellationToken.None));
    }

    [Fact]
    public void A_source_marked_in_another_file_keeps_its_callers()
    {
        var (relevance, bodies) = Build(
            "public class Muse { [GeneratedContentSource] public string Idea() => \"\"; }",
            "public class Board { public string Pin(Muse muse) => muse.Idea(); }");

        Assert.True(relevance.MayReach(bodies["Pin"], CancellationToken.None));
    }

    [Fact]
    public void A_collection_initializer_calling_a_generating_Add_is_kept()
    {
        var (relevance, bodies) = Build("""
            public class Drafts(IChatClient chat) : IEnumerable<string>
            {
                private readonly List<string> _items = new();
                public void Add(string prompt) => _items.Add(chat.GetResponseAsync(prompt).Result.Text);
                public IEnumerator<string> GetEnumerator() => _items.GetEnumerator();
                IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
            }
            public class Desk { public Drafts Start(IChatClient chat) => new Drafts(chat) { "a poem" }; }
            """);

        Assert.True(relevance.MayReach(bodies["Start"], CancellationToken.None));
    }

    [Fact]
    public async Task Content_read_through_an_indexer_that_generates_is_reported_and_a_plain_indexer_is_not()
    {
        var compilation = AnalyzerRunner.Compile([Usings + """
            using Microsoft.AspNetCore.Mvc;

            public class Answers(IChatClient chat) { public string this[string q] => chat.GetResponseAsync(q).Result.Text; }
            public class Greetings { private readonly Dictionary<string, string> _byName = new(); public string this[string name] => _byName[name]; }

            [ApiController, Route("api")]
            public class AnswerController(Answers answers, Greetings greetings) : ControllerBase
            {
                [HttpGet("answer")] public IActionResult Answer(string q) => Ok(answers[q]);
                [HttpGet("greeting")] public IActionResult Greeting(string name) => Ok(greetings[name]);
            }
            """]);

        var run = await AnalyzerRunner.RunAsync(compilation, [new ContentFlowAnalyzer()]);

        Assert.Empty(run.Exceptions);
        var unlabeled = run.Diagnostics.Where(d => d.Id == "DSYN001").Select(d => d.Location.SourceTree!.GetText().ToString(d.Location.SourceSpan)).ToList();
        Assert.Equal(["Ok(answers[q])"], unlabeled);
    }

    [Fact]
    public async Task Findings_through_an_explicit_implementation_are_still_reported()
    {
        var compilation = AnalyzerRunner.Compile([Usings + """
            using Microsoft.AspNetCore.Mvc;

            public interface IStoryWriter { string Story(); }
            public class StoryWriter(IChatClient chat) : IStoryWriter { string IStoryWriter.Story() => chat.GetResponseAsync("x").Result.Text; }

            [ApiController, Route("api")]
            public class StoryController(IStoryWriter writer) : ControllerBase
            {
                [HttpGet("story")] public IActionResult Story() => Ok(writer.Story());
            }
            """]);

        var run = await AnalyzerRunner.RunAsync(compilation, [new ContentFlowAnalyzer()]);

        Assert.Empty(run.Exceptions);
        var unlabeled = run.Diagnostics.Where(d => d.Id == "DSYN001").Select(d => d.Location.SourceTree!.GetText().ToString(d.Location.SourceSpan)).ToList();
        Assert.Contains("Ok(writer.Story())", unlabeled);
    }

    /// <summary>The catalogue does not walk the SDK for marked members (it marks none): a marked SDK member must fail here first.</summary>
    [Fact]
    public void The_SDK_marks_none_of_its_own_members_as_sources_or_editors()
    {
        var sdk = typeof(DeepSynth.Compliance.GeneratedContentSourceAttribute).Assembly;
        var marked = sdk.GetTypes()
            .SelectMany(t => t.GetMembers(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Instance | System.Reflection.BindingFlags.Static | System.Reflection.BindingFlags.DeclaredOnly))
            .Where(m => m.CustomAttributes.Any(a => a.AttributeType.Name is "GeneratedContentSourceAttribute" or "BiometricEditorAttribute"))
            .Select(m => m.DeclaringType!.Name + "." + m.Name)
            .ToList();

        Assert.Empty(marked);
    }

    [Fact]
    public void An_edit_that_keeps_every_name_reuses_the_pass_and_one_that_adds_a_call_does_not()
    {
        // The IDE's compilation after an edit: the edited tree is parsed again, the others are shared.
        var compilation = AnalyzerRunner.Compile(new[]
        {
            Usings + "public class Writer(IChatClient chat) { public string Write() => chat.GetResponseAsync(\"x\").Result.Text; }",
            Usings + "public class Helper { public int Count(string text) { var n = text.Length; return n; } public string Relay() => \"none\"; }",
        });
        var catalogue = ApiCatalogue.Create(compilation, DeepSynthConfiguration.None, out _);
        SyntacticRelevance Pass(Compilation c) => SyntacticRelevance.Build(c, catalogue.GenerationCallNames, catalogue.DispatchCallNames, CancellationToken.None);
        var first = Pass(compilation);

        var helper = compilation.SyntaxTrees.Single(t => t.ToString().Contains("class Helper", StringComparison.Ordinal));
        var reparsed = compilation.ReplaceSyntaxTree(helper, helper.WithChangedText(helper.GetText().Replace(helper.GetText().ToString().IndexOf("var n", StringComparison.Ordinal), 0, "    ")));
        Assert.Same(first, Pass(reparsed));

        // Relay now calls Write: a new mention, so the pass is built again and Relay may reach generated content.
        var text = helper.GetText().ToString();
        var calling = helper.WithChangedText(Microsoft.CodeAnalysis.Text.SourceText.From(text.Replace("=> \"none\"", "=> new Writer(null!).Write()", StringComparison.Ordinal)));
        var edited = compilation.ReplaceSyntaxTree(helper, calling);
        var second = Pass(edited);
        Assert.NotSame(first, second);
        var relay = calling.GetRoot().DescendantNodes().OfType<MethodDeclarationSyntax>().Single(m => m.Identifier.ValueText == "Relay");
        Assert.True(second.MayReach(relay, CancellationToken.None));
        var relayBefore = helper.GetRoot().DescendantNodes().OfType<MethodDeclarationSyntax>().Single(m => m.Identifier.ValueText == "Relay");
        Assert.False(first.MayReach(relayBefore, CancellationToken.None));
    }

    [Fact]
    public void Content_read_back_from_one_store_and_stored_into_another_is_stored_there_too()
    {
        // A requester caching what the bus answered: the cache holds generated content although no body that writes it
        // calls a model; a body that only reads the cache is kept.
        var (relevance, bodies) = Build("""
            public sealed record Draft(string Sku);
            public sealed record Drafted(string Text);
            public class DraftConsumer(IChatClient chat) : MassTransit.IConsumer<Draft>
            {
                public async Task Consume(MassTransit.ConsumeContext<Draft> context) =>
                    await context.RespondAsync(new Drafted((await chat.GetResponseAsync("x")).Text));
            }
            public class TextCache(Microsoft.Extensions.Caching.Distributed.IDistributedCache cache)
            {
                public Task Keep(string text) => Microsoft.Extensions.Caching.Distributed.DistributedCacheExtensions.SetStringAsync(cache, "k", text);
            }
            public class Requester(MassTransit.IRequestClient<Draft> client, TextCache cache)
            {
                public async Task Ask() { var response = await client.GetResponse<Drafted>(new Draft("s")); await cache.Keep(response.Message.Text); }
            }
            """);

        Assert.True(relevance.MayBeStoredWithGeneratedContent(KnownApis.MessageBusName));
        Assert.True(relevance.MayBeStoredWithGeneratedContent(KnownApis.KeyedCacheName));
    }

    private static (SyntacticRelevance Relevance, Dictionary<string, SyntaxNode> Bodies) Build(params string[] sources)
    {
        var compilation = AnalyzerRunner.Compile(sources.Select(s => Usings + s));
        var catalogue = ApiCatalogue.Create(compilation, DeepSynthConfiguration.None, out _);
        var relevance = SyntacticRelevance.Build(compilation, catalogue.GenerationCallNames, catalogue.DispatchCallNames, CancellationToken.None);
        var bodies = new Dictionary<string, SyntaxNode>(StringComparer.Ordinal);
        foreach (var node in compilation.SyntaxTrees.SelectMany(t => t.GetRoot().DescendantNodes()))
        {
            switch (node)
            {
                case MethodDeclarationSyntax method:
                    bodies[method.Identifier.ValueText] = method;
                    break;
                case ConstructorDeclarationSyntax constructor:
                    bodies[constructor.Identifier.ValueText] = constructor;
                    break;
            }
        }

        return (relevance, bodies);
    }
}
