using DeepSynth.TestSupport;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace DeepSynth.Analyzers.Tests.Catalogue;

/// <summary>DSYN909: a referenced package that lacks what the catalogue knows of it is named, never silently skipped.</summary>
public class CatalogueCoverageTests
{
    private const string TelegramBot = """
        using Microsoft.Extensions.AI;
        using Telegram.Bot;

        public class Replier(IChatClient chat, ITelegramBotClient bot)
        {
            public async Task ReplyAsync(long chatId, string question) =>
                await bot.PostText(chatId, (await chat.GetResponseAsync(question)).Text);
        }
        """;

    /// <summary>A "Telegram.Bot" whose send API was renamed: none of the catalogue's send or handler members exist.</summary>
    private const string RenamedTelegram = """
        namespace Telegram.Bot
        {
            public interface ITelegramBotClient { }
            public static class TelegramBotClientExtensions
            {
                public static System.Threading.Tasks.Task PostText(this ITelegramBotClient bot, long chatId, string text) => System.Threading.Tasks.Task.CompletedTask;
            }
        }
        """;

    [Fact]
    public async Task The_real_packages_the_tests_reference_are_not_reported()
    {
        var run = await AnalyzerRunner.RunAsync(AnalyzerRunner.Compile(["class C { }"]), [new ContentFlowAnalyzer()]);

        Assert.Empty(run.Exceptions);
        Assert.DoesNotContain(run.Diagnostics, d => d.Id == "DSYN909");
    }

    [Fact]
    public async Task A_package_whose_rows_lost_every_member_is_named_with_its_version_and_rows()
    {
        var run = await AnalyzerRunner.RunAsync(WithPackage("Telegram.Bot", RenamedTelegram, TelegramBot), [new ContentFlowAnalyzer()]);

        Assert.Empty(run.Exceptions);
        var missing = Assert.Single(run.Diagnostics, d => d.Id == "DSYN909");
        Assert.Equal(DiagnosticSeverity.Info, missing.Severity);
        var message = missing.GetMessage(System.Globalization.CultureInfo.InvariantCulture);
        Assert.Contains("Telegram.Bot 22.7.0.0", message);
        Assert.Contains("Telegram.Bot.TelegramBotClientExtensions.{", message);
        Assert.Contains("EditMessageCaption", message);
        Assert.Contains("Telegram.Bot.TelegramBotClientExtensions.{ReceiveAsync, StartReceiving}", message);
    }

    [Fact]
    public async Task A_package_that_only_lacks_a_type_only_older_versions_define_is_not_reported()
    {
        // OpenAI 2.x without OpenAIResponseClient (renamed ResponsesClient): an older-version row, not drift.
        var source = """
            namespace OpenAI.Chat
            {
                public class ChatClient { public string CompleteChat(string m) => m; }
            }
            """;
        var run = await AnalyzerRunner.RunAsync(WithPackage("OpenAI", source, "class C { }"), [new ContentFlowAnalyzer()]);

        Assert.DoesNotContain(run.Diagnostics, d => d.Id == "DSYN909");
    }

    /// <summary>The test references without the real package of that name, plus a stand-in compiled as that package.</summary>
    private static CSharpCompilation WithPackage(string assemblyName, string packageSource, string appSource)
    {
        var app = AnalyzerRunner.Compile([appSource]);
        var kept = app.References.Where(r => r is not PortableExecutableReference pe || Path.GetFileNameWithoutExtension(pe.FilePath) != assemblyName).ToList();
        var package = CSharpCompilation.Create(assemblyName, [CSharpSyntaxTree.ParseText(packageSource)], kept,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary))
            .WithAssemblyName(assemblyName);
        var attributed = package.AddSyntaxTrees(CSharpSyntaxTree.ParseText("[assembly: System.Reflection.AssemblyVersion(\"22.7.0.0\")]"));
        using var image = new MemoryStream();
        var emitted = attributed.Emit(image);
        Assert.True(emitted.Success, string.Join("\n", emitted.Diagnostics));
        return app.WithReferences(kept.Append(MetadataReference.CreateFromImage(image.ToArray())));
    }
}
