using DeepSynth.Analyzers;
using DeepSynth.TestSupport;
using Microsoft.CodeAnalysis;

namespace DeepSynth.CodeFixes.Tests;

/// <summary>
/// Wolverine finds message handlers by convention (a static or instance <c>Handle</c> on a <c>...Handler</c> class) and
/// resolves every parameter after the message from the container: the fixes give such a handler the SDK's services as
/// parameters, as they do a minimal-API handler. A static method outside the convention still gets no fix, since its
/// callers would have to pass the services.
/// </summary>
public sealed class MethodInjectedHandlerFixTests
{
    private const string Source = """
        using Microsoft.AspNetCore.SignalR;
        using Microsoft.Extensions.AI;

        namespace Notices;

        public sealed record NoticePublished(string NoticeId, string Title);
        public sealed class NoticeHub : Hub { }

        public static class NoticePublishedHandler
        {
            public static async Task Handle(NoticePublished message, IChatClient chat, IHubContext<NoticeHub> hub, CancellationToken ct)
            {
                var summary = await chat.GetResponseAsync("Summarize the notice " + message.Title, cancellationToken: ct);
                await hub.Clients.All.SendAsync("noticePublished", new { id = message.NoticeId, summary = summary.Text }, ct);
            }
        }

        public static class NoticeBroadcasts
        {
            public static async Task Broadcast(NoticePublished message, IChatClient chat, IHubContext<NoticeHub> hub, CancellationToken ct)
            {
                var summary = await chat.GetResponseAsync("Summarize the notice " + message.Title, cancellationToken: ct);
                await hub.Clients.All.SendAsync("noticeBroadcast", summary.Text, ct);
            }
        }
        """;

    [Fact]
    public async Task A_convention_handler_gets_the_services_as_parameters_and_its_findings_are_fixed()
    {
        var project = CodeFixRunner.CreateProject(new Dictionary<string, string> { ["Notices.cs"] = Source, ["GlobalUsings.g.cs"] = WebSdk.ImplicitUsings });
        var analyzer = new CodeFixRunner(new ContentFlowAnalyzer(), FixShapeTests.Steps[0].Fixer);
        var before = (await analyzer.AnalyzeAsync(project)).Where(d => d.Id.StartsWith("DSYN00", StringComparison.Ordinal)).ToList();
        Assert.Contains(before, d => d.Id == "DSYN001" && Line(d) == 14);
        Assert.Contains(before, d => d.Id == "DSYN001" && Line(d) == 23);

        project = await FixShapeTests.ApplyEveryFixAsync(project);

        var compilation = await project.GetCompilationAsync();
        Assert.Empty(compilation!.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
        var text = (await project.Documents.Single(d => d.Name == "Notices.cs").GetTextAsync()).ToString();
        var left = (await analyzer.AnalyzeAsync(project)).Where(d => d.Id is "DSYN001" or "DSYN003" or "DSYN005").ToList();
        // The handler's findings are gone; the helper outside the convention keeps its own.
        Assert.True(left.All(d => text.Substring(0, d.Location.SourceSpan.Start).Contains("class NoticeBroadcasts", StringComparison.Ordinal)), string.Join("\n", left) + "\n" + text);
        Assert.Contains(left, d => d.Id == "DSYN001");
        var handler = text.Substring(0, text.IndexOf("class NoticeBroadcasts", StringComparison.Ordinal));
        Assert.Contains("IAigcTextLabeler label", handler);
        Assert.Contains("IContentReviewer review", handler);
        Assert.Contains("summary = label.Label(summary.Text)", handler);
        Assert.DoesNotContain("Label(message", handler);
    }

    private static int Line(Diagnostic diagnostic) => diagnostic.Location.GetLineSpan().StartLinePosition.Line + 1;
}
