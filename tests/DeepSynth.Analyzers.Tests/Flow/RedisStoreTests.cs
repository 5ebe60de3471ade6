namespace DeepSynth.Analyzers.Tests.Flow;

/// <summary>
/// Redis as a keyed store, against the real StackExchange.Redis: what one request writes under a key (a string, a list
/// item) is what another request's read returns; keys are not told apart, as for the other keyed caches.
/// </summary>
public class RedisStoreTests
{
    private const string Usings = """
        using Microsoft.AspNetCore.Mvc;
        using Microsoft.Extensions.AI;
        using StackExchange.Redis;

        """;

    private static Task<List<string>> FindingsAsync(string source) => FlowFindings.OfAsync(Usings, source);

    private const string Poems = """
        [ApiController, Route("poems")]
        public class PoemController(IChatClient chat, IConnectionMultiplexer redis) : ControllerBase
        {
            [HttpPost("{id}")]
            public async Task<IActionResult> Create(string id)
            {
                var response = await chat.GetResponseAsync("写一首关于春天的诗");
                await redis.GetDatabase().StringSetAsync("poem:" + id, STORED);
                return Accepted();
            }

            [HttpGet("{id}")]
            public async Task<IActionResult> Read(string id)
            {
                string? poem = await redis.GetDatabase().StringGetAsync("poem:" + id);
                return poem is null ? NotFound() : Ok(poem);
            }
        }
        """;

    [Fact]
    public async Task A_string_written_by_one_request_is_published_where_another_reads_it()
    {
        Assert.Equal(
            new[] { "DSYN001@16", "DSYN002@16", "DSYN003@16", "DSYN005@16" },
            await FindingsAsync(Poems.Replace("STORED", "response.Text")));
    }

    [Fact]
    public async Task Redis_holding_only_the_users_own_text_publishes_no_generated_content()
    {
        Assert.Empty(await FindingsAsync(Poems.Replace("STORED", "id")));
    }

    [Fact]
    public async Task Content_labelled_reviewed_and_recorded_before_it_is_written_is_clean_where_it_is_read()
    {
        var source = Poems
            .Replace("STORED", "Steps.Label(response.Text)")
            .Replace("var response = await chat.GetResponseAsync(\"写一首关于春天的诗\");", "var response = await chat.GetResponseAsync(\"写一首关于春天的诗\"); Steps.EnsureAllowed(response.Text); Steps.Record(response.Text);")
            .Replace("[ApiController, Route(\"poems\")]", "[ApiController, Route(\"poems\"), RequireRealName]");
        Assert.Empty(await FindingsAsync(source));
    }

    [Fact]
    public async Task A_chat_history_kept_in_a_redis_list_by_a_service_is_followed_to_the_endpoint_that_lists_it()
    {
        Assert.Equal(
            new[] { "DSYN001@24", "DSYN002@24", "DSYN003@24", "DSYN005@24" },
            await FindingsAsync("""
                public class History(IConnectionMultiplexer redis)
                {
                    private readonly IDatabase _db = redis.GetDatabase();
                    public Task AppendAsync(string user, string text) => _db.ListRightPushAsync("history:" + user, text);
                    public async Task<string[]> AllAsync(string user) => (await _db.ListRangeAsync("history:" + user)).Select(v => v.ToString()).ToArray();
                }

                [ApiController, Route("chat")]
                public class ChatController(IChatClient chat, History history) : ControllerBase
                {
                    [HttpPost("{user}")]
                    public async Task<IActionResult> Ask(string user, [FromBody] string question)
                    {
                        Steps.EnsureAllowed(question);
                        var response = await chat.GetResponseAsync(question);
                        await history.AppendAsync(user, response.Text);
                        return Accepted();
                    }

                    [HttpGet("{user}")]
                    public async Task<IActionResult> List(string user)
                    {
                        var all = await history.AllAsync(user);
                        return Ok(all);
                    }
                }
                """));
    }

    [Fact]
    public async Task A_hash_read_back_as_field_names_and_counts_holds_none_of_what_was_stored_and_its_values_do()
    {
        // A service keeps a generated tip and usage counters in one hash; the usage endpoint (line 21) returns field names
        // and numbers, the tips endpoint (line 24) the values as text.
        var source = """
            public class Tips(IConnectionMultiplexer redis, IChatClient chat)
            {
                public async Task RefreshAsync(string user)
                {
                    var response = await chat.GetResponseAsync("Give a study tip.");
                    await redis.GetDatabase().HashSetAsync("user:" + user, "tip", response.Text);
                    await redis.GetDatabase().HashIncrementAsync("user:" + user, "calls");
                }

                public async Task<Dictionary<string, long>> UsageAsync(string user) =>
                    (await redis.GetDatabase().HashGetAllAsync("user:" + user)).ToDictionary(e => e.Name.ToString(), e => (long)e.Value);

                public async Task<Dictionary<string, string>> AllAsync(string user) =>
                    (await redis.GetDatabase().HashGetAllAsync("user:" + user)).ToDictionary(e => e.Name.ToString(), e => e.Value.ToString());
            }

            [ApiController, Route("tips")]
            public class TipsController(Tips tips) : ControllerBase
            {
                [HttpGet("{user}/usage")]
                public async Task<Dictionary<string, long>> Usage(string user) => await tips.UsageAsync(user);

                [HttpGet("{user}")]
                public async Task<Dictionary<string, string>> All(string user) => await tips.AllAsync(user);
            }
            """;

        Assert.Equal(new[] { "DSYN001@24", "DSYN002@24", "DSYN003@24", "DSYN005@24" }, await FindingsAsync(source));
    }
}
