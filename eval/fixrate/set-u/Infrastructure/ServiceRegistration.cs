using System.ClientModel;
using System.Text.Json;
using Azure;
using Azure.AI.OpenAI;
using Azure.Messaging.ServiceBus;
using DeepSynth.Compliance.Review;
using Microsoft.Azure.Cosmos;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Options;
using Microsoft.SemanticKernel;
using OpenAI;
using OpenAI.Chat;
using StarHarbor.LiveOps.Commands;
using StarHarbor.LiveOps.Data;
using StarHarbor.LiveOps.Messaging;
using StarHarbor.LiveOps.Moderation;
using StarHarbor.LiveOps.Notifications;
using StarHarbor.LiveOps.Providers;
using StarHarbor.LiveOps.Services;

namespace StarHarbor.LiveOps.Infrastructure;

public static class ServiceRegistration
{
    public static IServiceCollection AddModelProviders(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection(ModelProvidersOptions.Section);
        services.Configure<ModelProvidersOptions>(section);
        var providers = section.Get<ModelProvidersOptions>() ?? new ModelProvidersOptions();

        services.AddSingleton<IUsageMeter, UsageMeter>();

        services.AddHttpClient<QianfanChatClient>();
        services.AddHttpClient<IArtworkGenerator, SiliconFlowImageClient>();
        services.AddHttpClient<ISpeechSynthesizer, MiniMaxSpeechClient>();
        services.AddHttpClient<IRecapWriter, GeminiRecapClient>(c => c.Timeout = TimeSpan.FromSeconds(providers.Gemini.TimeoutSeconds));
        services.AddHttpClient(MoonshotStreamingClient.HttpClientName, c =>
        {
            c.BaseAddress = new Uri(providers.Moonshot.BaseUrl.TrimEnd('/') + "/");
            c.Timeout = Timeout.InfiniteTimeSpan;
        });
        services.AddSingleton<IStreamingNarrator, MoonshotStreamingClient>();

        // Guide Q&A, thread summaries, post triage and the guild assistant: Qwen through DashScope's compatible mode.
        services.AddChatClient(_ =>
            new OpenAIClient(new ApiKeyCredential(providers.DashScope.ApiKey),
                    new OpenAIClientOptions { Endpoint = new Uri(providers.DashScope.BaseUrl) })
                .GetChatClient(providers.DashScope.Model)
                .AsIChatClient())
            .UseLogging();

        // Patch notes and NPC letters.
        services.AddSingleton(_ => new ChatClient(providers.OpenAI.Model, new ApiKeyCredential(providers.OpenAI.ApiKey)));

        services.AddSingleton(_ => new AzureOpenAIClient(new Uri(providers.AzureOpenAI.Endpoint), new AzureKeyCredential(providers.AzureOpenAI.ApiKey)));
        services.AddSingleton<IAnnouncementTranslator, AzureAnnouncementTranslator>();

        // Weekly digest and bounty board run on DeepSeek through Semantic Kernel.
        services.AddKernel().AddOpenAIChatCompletion(
            modelId: configuration["SemanticKernel:Model"] ?? "deepseek-chat",
            endpoint: new Uri(configuration["SemanticKernel:Endpoint"] ?? "https://api.deepseek.com/v1"),
            apiKey: configuration["SemanticKernel:ApiKey"]);

        services.AddSingleton<NpcCatalog>();
        services.AddTransient<INpcDialogueService, NpcDialogueService>();
        return services;
    }

    public static IServiceCollection AddStarHarborData(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<CosmosOptions>(configuration.GetSection(CosmosOptions.Section));
        services.AddSingleton(sp =>
        {
            var o = sp.GetRequiredService<IOptions<CosmosOptions>>().Value;
            return new CosmosClient(o.ConnectionString, new CosmosClientOptions
            {
                ApplicationName = "starharbor-liveops",
                UseSystemTextJsonSerializerWithOptions = new JsonSerializerOptions(JsonSerializerDefaults.Web),
                ConnectionMode = ConnectionMode.Direct,
                ApplicationPreferredRegions = ["China East 2", "China North 3"],
            });
        });
        services.AddSingleton<IDocumentStore, CosmosDocumentStore>();
        return services;
    }

    public static IServiceCollection AddStarHarborMessaging(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<ServiceBusOptions>(configuration.GetSection(ServiceBusOptions.Section));
        services.Configure<SmtpOptions>(configuration.GetSection(SmtpOptions.Section));
        services.Configure<VapidOptions>(configuration.GetSection(VapidOptions.Section));

        services.AddSingleton(sp => new ServiceBusClient(
            sp.GetRequiredService<IOptions<ServiceBusOptions>>().Value.ConnectionString,
            new ServiceBusClientOptions { TransportType = ServiceBusTransportType.AmqpWebSockets }));
        services.AddSingleton<IBannerBroadcaster, ServiceBusBannerBroadcaster>();
        services.AddHostedService<MilestoneProcessor>();

        services.AddSingleton<IMailDispatcher, SmtpMailDispatcher>();
        services.AddHttpClient<IPushDispatcher, WebPushDispatcher>();
        services.AddHttpClient("ops-webhook");
        return services;
    }

    public static IServiceCollection AddShumeiModeration(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<ShumeiOptions>(configuration.GetSection(ShumeiOptions.Section));
        services.AddHttpClient("shumei", c => c.Timeout = TimeSpan.FromSeconds(5));
        services.AddSingleton<IContentModerationAdapter>(sp => new ShumeiTextModeration(
            sp.GetRequiredService<IHttpClientFactory>().CreateClient("shumei"), sp.GetRequiredService<IOptions<ShumeiOptions>>()));
        services.AddSingleton<IMediaModerationAdapter>(sp => new ShumeiMediaModeration(
            sp.GetRequiredService<IHttpClientFactory>().CreateClient("shumei"), sp.GetRequiredService<IOptions<ShumeiOptions>>()));
        return services;
    }
}
