using DeepSynth.TestSupport;

namespace DeepSynth.Analyzers.Tests.Flow;

/// <summary>
/// Objects a service keeps in a dictionary (<c>_drafts[draft.Id] = draft</c>), saved through its interface by the
/// method that generated them and read back by other endpoints. The store keeps which member each generation went
/// into, so publishing a draft read back is a flow and publishing its <c>MatterId</c> is not; another dictionary of the
/// same service (settings a user saved) holds nothing generated.
/// </summary>
public class StoredDictionaryTests
{
    private const string Usings = """
        using System.Collections.Concurrent;
        using Microsoft.AspNetCore.Builder;
        using Microsoft.AspNetCore.Http;
        using Microsoft.AspNetCore.Http.HttpResults;
        using Microsoft.Extensions.AI;

        """;

    private const string Store = """
        public sealed record Draft(string Id, string MatterId, string Text, string Model);
        public sealed record Setting(string User, string Language);
        public sealed record Preview(string Id, string Start);
        public sealed record Query(string Id, string? Model, int? Limit);
        public interface IStore
        {
            void SaveDraft(Draft d);
            Draft? FindDraft(string id);
            IReadOnlyList<Draft> DraftsFor(string matterId);
            void Save(Setting s);
            Setting Settings(string user);
        }
        public sealed class Store : IStore
        {
            private readonly ConcurrentDictionary<string, Draft> _drafts = new();
            private readonly ConcurrentDictionary<string, Setting> _settings = new();
            public void SaveDraft(Draft d) => _drafts[d.Id] = d;
            public Draft? FindDraft(string id) => _drafts.GetValueOrDefault(id);
            public IReadOnlyList<Draft> DraftsFor(string matterId) => _drafts.Values.Where(d => d.MatterId == matterId).OrderByDescending(d => d.Id).ToList();
            public string MatterOf(string id) => _drafts[id].MatterId;
            public void Save(Setting s) => _settings[s.User] = s;
            public Setting Settings(string user) => _settings.GetOrAdd(user, u => new Setting(u, "zh-CN"));
        }
        public sealed class Drafter(IChatClient chat, IStore store)
        {
            public async Task<Draft> DraftAsync(string matterId, string ask)
            {
                var r = await chat.GetResponseAsync(ask);
                var draft = new Draft(Guid.NewGuid().ToString("N"), matterId, r.Text, r.ModelId ?? "");
                store.SaveDraft(draft);
                return draft;
            }
        }
        public static class Routes
        {
            public static void Map(WebApplication app)
            {
                app.MapPost("/drafts", async (string matterId, string ask, Drafter drafter) => Results.Ok(await drafter.DraftAsync(matterId, ask)));
                READ
            }
        }
        """;

    /// <summary>Line of the read-back route in <see cref="Store"/> (after the usings).</summary>
    private const int ReadLine = 39;

    [Theory]
    [InlineData("app.MapGet(\"/drafts/{id}\", (string id, IStore store) => store.FindDraft(id) is { } d ? Results.Ok(d) : Results.NotFound());")]
    [InlineData("app.MapGet(\"/matters/{id}/drafts\", (string id, IStore store) => Results.Ok(store.DraftsFor(id)));")]
    [InlineData("app.MapGet(\"/matters/{id}/previews\", (string id, IStore store) => Results.Ok(store.DraftsFor(id).Select(d => new Preview(d.Id, d.Text.Length > 80 ? d.Text[..80] + \"…\" : d.Text)).ToArray()));")]
    [InlineData("app.MapGet(\"/matters/{id}/list\", ([AsParameters] Query q, IStore store) => TypedResults.Ok(store.DraftsFor(q.Id).Where(d => q.Model is null || d.Model == q.Model).Take(q.Limit ?? 50).Select(d => new Preview(d.Id, d.Text.Length > 80 ? d.Text[..80] + \"…\" : d.Text)).ToArray()));")]
    [InlineData("app.MapGet(\"/matters/{id}/texts\", (string id, IStore store) => Results.Ok(store.DraftsFor(id).Select(d => d.Text).ToArray()));")]
    public async Task A_draft_read_back_from_the_dictionary_is_published_generated_content(string read)
    {
        var findings = await FlowFindings.OfAsync(Usings, Store.Replace("READ", read));

        Assert.Contains($"DSYN001@{ReadLine - 1}", findings);
        Assert.Equal(new[] { "DSYN001", "DSYN002", "DSYN003", "DSYN005" }.Select(id => $"{id}@{ReadLine}"), findings.Where(f => f.EndsWith($"@{ReadLine}", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task A_method_group_handler_that_only_reads_the_dictionary_is_analysed()
    {
        // Nothing in the handler's own syntax generates: the syntax-only pass must know that the dictionary is written.
        var source = Store.Replace("READ", "app.MapGet(\"/all\", DraftHandlers.All);") + """

            public static class DraftHandlers
            {
                public static IResult All(string matterId, IStore store) => Results.Ok(store.DraftsFor(matterId));
            }
            """;

        var findings = await FlowFindings.OfAsync(Usings, source);

        Assert.Contains("DSYN001@44", findings);
    }

    [Theory]
    [InlineData("app.MapGet(\"/drafts/{id}/matter\", (string id, IStore store) => Results.Ok(store.FindDraft(id)!.MatterId));")]
    [InlineData("app.MapGet(\"/matters/{id}/ids\", (string id, IStore store) => Results.Ok(store.DraftsFor(id).Select(d => d.MatterId).ToArray()));")]
    [InlineData("app.MapGet(\"/drafts/{id}/of\", (string id, Store store) => Results.Ok(store.MatterOf(id)));")]
    [InlineData("app.MapGet(\"/settings/{user}\", (string user, IStore store) => Results.Ok(store.Settings(user)));")]
    [InlineData("app.MapPut(\"/settings\", (Setting s, IStore store) => { store.Save(s); return Results.Ok(store.Settings(s.User)); });")]
    public async Task A_member_the_generation_did_not_go_into_or_another_dictionary_publishes_nothing_generated(string read)
    {
        var findings = await FlowFindings.OfAsync(Usings, Store.Replace("READ", read));

        Assert.Contains($"DSYN001@{ReadLine - 1}", findings);
        Assert.DoesNotContain(findings, f => f.EndsWith($"@{ReadLine}", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("app.MapGet(\"/drafts/{id}\", (string id, IStore store) => store.FindDraft(id) is { } d ? Results.Ok(d with { Text = Steps.Label(d.Text) }) : Results.NotFound());", false)]
    [InlineData("app.MapGet(\"/matters/{id}/drafts\", (string id, IStore store) => Results.Ok(store.DraftsFor(id).Select(d => d with { Text = Steps.Label(d.Text) }).ToList()));", false)]
    [InlineData("app.MapGet(\"/drafts/{id}\", (string id, IStore store) => store.FindDraft(id) is { } d ? Results.Ok(d with { Model = \"m\" }) : Results.NotFound());", true)]
    public async Task A_copy_of_a_draft_read_back_with_its_stored_text_labeled_is_labeled(string read, bool unlabeled)
    {
        var findings = await FlowFindings.OfAsync(Usings, Store.Replace("READ", read));

        Assert.Equal(unlabeled, findings.Contains($"DSYN001@{ReadLine}"));
        Assert.Contains($"DSYN003@{ReadLine}", findings);
    }
}
