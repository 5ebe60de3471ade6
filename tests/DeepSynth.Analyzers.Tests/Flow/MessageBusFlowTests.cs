using Microsoft.CodeAnalysis.Testing;
using Verifier = DeepSynth.TestSupport.AnalyzerVerifier<DeepSynth.Analyzers.ContentFlowAnalyzer>;

namespace DeepSynth.Analyzers.Tests.Flow;

/// <summary>
/// Messages handed to a bus (MassTransit's Publish, Send, RespondAsync) carry what was written into them to the
/// consumer that receives them (<c>context.Message</c>) or to the requester (<c>response.Message</c>).
/// </summary>
public class MessageBusFlowTests
{
    private static Task Verify(string program, params DiagnosticResult[] expected) =>
        Verifier.VerifyAsync("using Microsoft.Extensions.AI;\n" + program + TestSteps.Source, expected);

    [Fact]
    public async Task Published_message_with_a_generated_text_is_published_by_the_consumer_that_pushes_it()
    {
        await Verify("""
            public sealed record TranslateListing(string Text, string Language);
            public sealed record ListingTranslated(string Title, string Language, int Length);

            public sealed class TranslateConsumer(IChatClient chat) : MassTransit.IConsumer<TranslateListing>
            {
                public async Task Consume(MassTransit.ConsumeContext<TranslateListing> context)
                {
                    var reply = await {|DSYN004:chat.GetResponseAsync("Translate: " + context.Message.Text)|};
                    await context.Publish(new ListingTranslated(reply.Text, context.Message.Language, reply.Text.Length));
                }
            }

            public sealed class NotifyConsumer(Microsoft.AspNetCore.SignalR.IHubContext<NoticeHub> hub) : MassTransit.IConsumer<ListingTranslated>
            {
                public async Task Consume(MassTransit.ConsumeContext<ListingTranslated> context)
                {
                    await {|DSYN001:{|DSYN003:{|DSYN005:hub.Clients.All.SendAsync("translated", context.Message.Title)|}|}|};
                    await hub.Clients.All.SendAsync("language", context.Message.Language);
                    await hub.Clients.All.SendAsync("length", context.Message.Length);
                }
            }

            public sealed class NoticeHub : Microsoft.AspNetCore.SignalR.Hub { }
            """);
    }

    [Fact]
    public async Task Consumer_of_another_message_type_with_the_same_member_names_is_not_reported()
    {
        await Verify("""
            public sealed record ListingTranslated(string Title);
            public sealed record ListingRenamed(string Title);

            public sealed class TranslateEndpoint(IChatClient chat, MassTransit.IPublishEndpoint bus)
            {
                public async Task TranslateAsync(string title)
                {
                    var reply = await chat.GetResponseAsync("Translate the title " + title);
                    await bus.Publish(new ListingTranslated(reply.Text));
                    await bus.Publish(new ListingRenamed(title));
                }
            }

            public sealed class RenamedConsumer(Microsoft.AspNetCore.SignalR.IHubContext<NoticeHub> hub) : MassTransit.IConsumer<ListingRenamed>
            {
                public async Task Consume(MassTransit.ConsumeContext<ListingRenamed> context)
                {
                    await hub.Clients.All.SendAsync("renamed", context.Message.Title);
                }
            }

            public sealed class FailedConsumer(Microsoft.AspNetCore.SignalR.IHubContext<NoticeHub> hub) : MassTransit.IConsumer<MassTransit.Fault<ListingTranslated>>
            {
                public async Task Consume(MassTransit.ConsumeContext<MassTransit.Fault<ListingTranslated>> context)
                {
                    await hub.Clients.All.SendAsync("failed", context.Message.Exceptions[0].Message);
                }
            }

            public sealed class NoticeHub : Microsoft.AspNetCore.SignalR.Hub { }
            """);
    }

    [Fact]
    public async Task Response_of_a_request_client_holds_what_the_consumer_responded()
    {
        await Verify("""
            public sealed record DraftPush(string Sku);
            public sealed record PushDrafted(string Sku, string Text, string Model);

            public sealed class DraftConsumer(IChatClient chat) : MassTransit.IConsumer<DraftPush>
            {
                public async Task Consume(MassTransit.ConsumeContext<DraftPush> context)
                {
                    var reply = await {|DSYN004:chat.GetResponseAsync("Push text for " + context.Message.Sku)|};
                    await context.RespondAsync(new PushDrafted(context.Message.Sku, reply.Text, reply.ModelId ?? ""));
                }
            }

            [ApiController]
            public class PushController(MassTransit.IRequestClient<DraftPush> client) : ControllerBase
            {
                [HttpPost("/push/{sku}")]
                public async Task<IActionResult> Draft(string sku)
                {
                    var response = await client.GetResponse<PushDrafted>(new DraftPush(sku));
                    return {|DSYN001:{|DSYN002:{|DSYN003:{|DSYN005:Ok(new { response.Message.Sku, response.Message.Text })|}|}|}|};
                }

                [HttpPost("/push/{sku}/model")]
                public async Task<IActionResult> Model(string sku)
                {
                    var response = await client.GetResponse<PushDrafted>(new DraftPush(sku));
                    return Ok(new { response.Message.Sku, response.Message.Model });
                }
            }
            """);
    }

    [Fact]
    public async Task A_requester_caching_the_answer_stores_it_for_the_endpoint_that_reads_it_back()
    {
        // No body that writes the cache calls a model: the requester only passes on what the bus answered, in an object
        // built in the argument. The text read back is published; the model name and the length beside it are not content.
        await Verifier.VerifyAsync(new[] { "using Microsoft.Extensions.AI;\n" + """
            public sealed record CachedPush(string Sku, string Text, string Model, DateTimeOffset CreatedAt);

            public sealed class PushCache(Microsoft.Extensions.Caching.Distributed.IDistributedCache cache)
            {
                public Task StoreAsync(CachedPush push) =>
                    Microsoft.Extensions.Caching.Distributed.DistributedCacheExtensions.SetStringAsync(cache, "push:" + push.Sku, System.Text.Json.JsonSerializer.Serialize(push));

                public async Task<CachedPush?> GetAsync(string sku)
                {
                    var json = await Microsoft.Extensions.Caching.Distributed.DistributedCacheExtensions.GetStringAsync(cache, "push:" + sku);
                    return json is null ? null : System.Text.Json.JsonSerializer.Deserialize<CachedPush>(json);
                }
            }

            public sealed record DraftPush(string Sku);
            public sealed record PushDrafted(string Sku, string Text, string Model);

            public sealed class DraftConsumer(IChatClient chat) : MassTransit.IConsumer<DraftPush>
            {
                public async Task Consume(MassTransit.ConsumeContext<DraftPush> context)
                {
                    var text = (await chat.GetResponseAsync("Push text")).Text;
                    await context.RespondAsync(new PushDrafted(context.Message.Sku, text, "hunyuan-turbo"));
                }
            }

            public class PushController(MassTransit.IRequestClient<DraftPush> client, PushCache cache) : ControllerBase
            {
                [HttpPost("/push/{sku}")]
                public async Task<IActionResult> Draft(string sku)
                {
                    var response = await client.GetResponse<PushDrafted>(new DraftPush(sku));
                    await cache.StoreAsync(new CachedPush(sku, response.Message.Text, response.Message.Model, DateTimeOffset.UtcNow));
                    return Ok(new { sku });
                }

                [HttpGet("/push/{sku}")]
                public async Task<IActionResult> Get(string sku) =>
                    await cache.GetAsync(sku) is { } push ? {|DSYN001:{|DSYN002:{|DSYN003:{|DSYN005:Ok(new { push.Sku, push.Text })|}|}|}|} : NotFound();

                [HttpGet("/push/{sku}/meta")]
                public async Task<IActionResult> Meta(string sku) =>
                    await cache.GetAsync(sku) is { } push ? Ok(new { push.Sku, push.Model, length = push.Text.Length, push.CreatedAt }) : NotFound();
            }
            """ + TestSteps.Source },
            Microsoft.CodeAnalysis.OutputKind.DynamicallyLinkedLibrary,
            test => test.SkipConcurrentCopies("a keyed cache is one store per cache type, which namespaced copies share"));
    }
}
