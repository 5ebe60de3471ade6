namespace DeepSynth.Analyzers.Tests.Flow;

/// <summary>
/// Content stored in a keyed cache by one request and read back by another (the real <c>IMemoryCache</c> and
/// <c>IDistributedCache</c> with their extension methods): one store per cache type, keys not told apart, so the read in
/// another class, through another field name, holds what any method stored; what was labelled before it was stored is
/// still labelled when read back.
/// </summary>
public class KeyedCacheTests
{
    private const string Usings = """
        using Microsoft.AspNetCore.Mvc;
        using Microsoft.Extensions.AI;
        using Microsoft.Extensions.Caching.Distributed;
        using Microsoft.Extensions.Caching.Hybrid;
        using Microsoft.Extensions.Caching.Memory;

        """;

    private static Task<List<string>> FindingsAsync(string source) => FlowFindings.OfAsync(Usings, source);

    private const string MemoryCache = """
        [ApiController, Route("ask")]
        public class AskController(IChatClient chat, IMemoryCache cache) : ControllerBase
        {
            [HttpPost("{id}")]
            public async Task<IActionResult> Ask(string id)
            {
                var response = await chat.GetResponseAsync("写一首关于春天的诗");
                cache.Set("poem:" + id, STORED);
                return Accepted();
            }
        }

        [ApiController, Route("poems")]
        public class PoemController(IMemoryCache _poems) : ControllerBase
        {
            [HttpGet("{id}")]
            public IActionResult Get(string id) => _poems.TryGetValue("poem:" + id, out string? poem) ? Ok(poem) : NotFound();

            [HttpGet("latest/{id}")]
            public string Latest(string id) => _poems.Get<string>("poem:" + id) ?? "";
        }
        """;

    [Fact]
    public async Task Generated_content_cached_by_one_controller_is_published_where_another_reads_it()
    {
        // Ask publishes nothing (202); both reads of the cache publish the poem.
        Assert.Equal(
            new[] { "DSYN001@17", "DSYN001@20", "DSYN002@17", "DSYN002@20", "DSYN003@17", "DSYN003@20", "DSYN005@17", "DSYN005@20" },
            await FindingsAsync(MemoryCache.Replace("STORED", "response.Text")));
    }

    [Fact]
    public async Task Keys_with_different_constant_prefixes_are_told_apart()
    {
        // One cache holds unlabelled push texts under "push:" and labelled answers under "faq:" (keys built inline and by
        // helpers): reading an answer yields no push text. A key from a parameter could be either, so its read sees both.
        Assert.Equal(
            new[] { "DSYN001@18", "DSYN001@24", "DSYN002@18", "DSYN002@21", "DSYN002@24" },
            await FindingsAsync("""
                [ApiController, Route("shop")]
                public class ShopController(IChatClient chat, IDistributedCache cache) : ControllerBase
                {
                    private static string PushKey(string sku) => $"push:{sku}";
                    private static string FaqKey(string sku) => "faq:" + sku;

                    [HttpPost("push/{sku}")]
                    public async Task<IActionResult> Push(string sku)
                    {
                        var response = await chat.GetResponseAsync("Push text"); Steps.EnsureAllowed(response.Text); Steps.Record(response.Text);
                        await cache.SetStringAsync(PushKey(sku), response.Text);
                        var answer = await chat.GetResponseAsync("FAQ answer"); Steps.EnsureAllowed(answer.Text); Steps.Record(answer.Text);
                        await cache.SetStringAsync(FaqKey(sku), Steps.Label(answer.Text));
                        return Accepted();
                    }

                    [HttpGet("push/{sku}")]
                    public async Task<IActionResult> GetPush(string sku) => Ok(await cache.GetStringAsync(PushKey(sku)));

                    [HttpGet("faq/{sku}")]
                    public async Task<IActionResult> GetFaq(string sku) => Ok(await cache.GetStringAsync($"faq:{sku}"));

                    [HttpGet("any/{key}")]
                    public async Task<IActionResult> GetAny(string key) => Ok(await cache.GetStringAsync(key));
                }
                """));
    }

    [Fact]
    public async Task A_cache_holding_only_the_users_own_text_publishes_no_generated_content()
    {
        Assert.Empty(await FindingsAsync(MemoryCache.Replace("STORED", "id")));
    }

    [Fact]
    public async Task A_distributed_cache_string_round_trip_through_a_service_is_followed()
    {
        Assert.Equal(
            new[] { "DSYN001@22", "DSYN002@22", "DSYN003@22", "DSYN005@22" },
            await FindingsAsync("""
                public class SummaryStore(IDistributedCache cache)
                {
                    public Task SaveAsync(string key, string text) => cache.SetStringAsync(key, text);
                    public Task<string?> LoadAsync(string key) => cache.GetStringAsync(key);
                }

                [ApiController, Route("summaries")]
                public class SummaryController(IChatClient chat, SummaryStore store) : ControllerBase
                {
                    [HttpPost("{id}")]
                    public async Task<IActionResult> Create(string id)
                    {
                        var response = await chat.GetResponseAsync("总结今天的新闻");
                        await store.SaveAsync(id, response.Text);
                        return Accepted();
                    }

                    [HttpGet("{id}")]
                    public async Task<IActionResult> Read(string id)
                    {
                        var text = await store.LoadAsync(id);
                        return Ok(text);
                    }
                }
                """));
    }

    [Fact]
    public async Task Content_labelled_reviewed_and_recorded_before_it_is_cached_is_clean_where_it_is_read()
    {
        var source = MemoryCache
            .Replace("STORED", "Steps.Label(response.Text)")
            .Replace("var response = await chat.GetResponseAsync(\"写一首关于春天的诗\");", "var response = await chat.GetResponseAsync(\"写一首关于春天的诗\"); Steps.EnsureAllowed(response.Text); Steps.Record(response.Text);")
            .Replace("[ApiController, Route(\"poems\")]", "[ApiController, Route(\"poems\"), RequireRealName]");
        Assert.Empty(await FindingsAsync(source));
    }

    [Fact]
    public async Task A_hybrid_cache_factory_stores_what_it_generates_for_the_next_request()
    {
        // Line 6 returns what the factory generated; line 10 returns what any request stored under any key.
        Assert.Equal(
            new[] { "DSYN001@10", "DSYN001@6", "DSYN002@10", "DSYN002@6", "DSYN003@10", "DSYN003@6", "DSYN005@10", "DSYN005@6" },
            await FindingsAsync("""
                [ApiController, Route("tips")]
                public class TipController(IChatClient chat, HybridCache cache) : ControllerBase
                {
                    [HttpGet("{topic}")]
                    public async Task<string> Get(string topic) =>
                        await cache.GetOrCreateAsync("tip:" + topic, async ct => (await chat.GetResponseAsync("给一个关于健康的建议", cancellationToken: ct)).Text);

                    [HttpGet("cached/{topic}")]
                    public async Task<string> Cached(string topic) =>
                        await cache.GetOrCreateAsync("tip:" + topic, ct => ValueTask.FromResult(""));
                }
                """));
    }
}
