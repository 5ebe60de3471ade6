using System.ClientModel;
using Anthropic;
using Azure.AI.OpenAI;
using Azure.Storage.Blobs;
using ClipForge.Ai;
using ClipForge.Configuration;
using ClipForge.Jobs;
using ClipForge.Messaging;
using ClipForge.Notifications;
using ClipForge.Storage;
using MassTransit;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Options;
using Microsoft.SemanticKernel;
using Minio;
using MongoDB.Driver;
using OllamaSharp;
using OpenAI;
using Quartz;
using StackExchange.Redis;

namespace ClipForge.Infrastructure;

public static class ServiceRegistration
{
    public static IServiceCollection AddClipForgeStorage(this IServiceCollection services, IConfiguration configuration)
    {
        var storage = configuration.GetSection(StorageOptions.Section).Get<StorageOptions>() ?? new StorageOptions();

        services.AddSingleton<IMongoClient>(_ => new MongoClient(storage.MongoConnectionString));
        services.AddSingleton<MongoContext>();
        services.AddSingleton<IScriptRepository, MongoScriptRepository>();
        services.AddSingleton<IMediaRepository, MongoMediaRepository>();
        services.AddSingleton<IPostRepository, MongoPostRepository>();
        services.AddSingleton<IReplyDraftRepository, MongoReplyDraftRepository>();
        services.AddSingleton<IDigestRepository, MongoDigestRepository>();
        services.AddSingleton<ICreatorRepository, MongoCreatorRepository>();

        services.AddSingleton<IConnectionMultiplexer>(_ => ConnectionMultiplexer.Connect(storage.RedisConnectionString));
        services.AddSingleton<IGenerationCache, RedisGenerationCache>();
        services.AddSingleton<IStudioNotifier, RedisStudioNotifier>();
        services.AddHostedService<RedisNotificationRelay>();

        services.AddSingleton<IMinioClient>(_ => new MinioClient()
            .WithEndpoint(storage.Minio.Endpoint)
            .WithCredentials(storage.Minio.AccessKey, storage.Minio.SecretKey)
            .WithSSL(storage.Minio.UseSsl)
            .Build());
        services.AddSingleton<IImageStore, MinioImageStore>();
        services.AddSingleton(_ => new BlobServiceClient(storage.BlobConnectionString));
        services.AddSingleton<IAudioStore, AzureBlobAudioStore>();

        return services;
    }

    public static IServiceCollection AddClipForgeAi(this IServiceCollection services, IConfiguration configuration)
    {
        var ai = configuration.GetSection(AiModelOptions.Section).Get<AiModelOptions>() ?? new AiModelOptions();

        var openAi = new OpenAIClient(new ApiKeyCredential(ai.ApiKey), new OpenAIClientOptions { Endpoint = new Uri(ai.Endpoint) });
        services.AddSingleton(openAi);

        services.AddChatClient(_ => openAi.GetChatClient(ai.ChatModel).AsIChatClient())
            .UseFunctionInvocation()
            .UseLogging();

        services.AddKeyedChatClient("digest", _ =>
                new AzureOpenAIClient(new Uri(ai.Digest.Endpoint), new ApiKeyCredential(ai.Digest.ApiKey))
                    .GetChatClient(ai.Digest.Deployment)
                    .AsIChatClient())
            .UseLogging();

        services.AddSingleton(openAi.GetImageClient(ai.ImageModel));
        services.AddSingleton(openAi.GetAudioClient(ai.SpeechModel));
        services.AddKeyedSingleton("transcription", openAi.GetAudioClient(ai.TranscriptionModel));

        services.AddSingleton<IAnthropicClient>(_ => new AnthropicClient { ApiKey = ai.Anthropic.ApiKey });
        services.AddSingleton<IOllamaApiClient>(_ => new OllamaApiClient(new Uri(ai.Ollama.Endpoint), ai.Ollama.Model));

        services.AddKernel()
            .AddOpenAIChatCompletion(ai.CaptionModel, openAi)
            .Plugins.AddFromType<HashtagPlugin>("hashtags");

        services.AddSingleton<IScriptWriter, ScriptWriter>();
        services.AddSingleton<ILocalRewriter, OllamaRewriter>();
        services.AddSingleton<ICoverGenerator, OpenAiCoverGenerator>();
        services.AddSingleton<IThumbnailRenderer, SkiaThumbnailRenderer>();
        services.AddSingleton<IVoiceOverSynthesizer, OpenAiVoiceOverSynthesizer>();
        services.AddSingleton<ISubtitleTranscriber, OpenAiSubtitleTranscriber>();
        services.AddSingleton<ICommentReplyGenerator, ClaudeCommentReplyGenerator>();
        services.AddSingleton<ICreatorAssistant, CreatorAssistant>();
        services.AddTransient<ICaptionWriter, KernelCaptionWriter>();

        return services;
    }

    public static IServiceCollection AddClipForgeMessaging(this IServiceCollection services, IConfiguration configuration)
    {
        var messaging = configuration.GetSection(MessagingOptions.Section).Get<MessagingOptions>() ?? new MessagingOptions();

        services.AddMassTransit(x =>
        {
            x.SetKebabCaseEndpointNameFormatter();
            x.AddConsumer<CaptionVariantsConsumer>();
            x.AddConsumer<CommentAutoReplyConsumer>(c => c.UseMessageRetry(r => r.Intervals(1000, 5000, 30000)));

            x.UsingRabbitMq((context, cfg) =>
            {
                cfg.Host(messaging.Host, messaging.VirtualHost, h =>
                {
                    h.Username(messaging.Username);
                    h.Password(messaging.Password);
                });
                cfg.ConfigureEndpoints(context);
            });
        });

        return services;
    }

    public static IServiceCollection AddClipForgeJobs(this IServiceCollection services)
    {
        services.AddQuartz(q =>
        {
            q.AddJob<ScheduledPostJob>(j => j.WithIdentity(ScheduledPostJob.Key));
            q.AddTrigger(t => t.ForJob(ScheduledPostJob.Key)
                .WithIdentity("publish-every-minute")
                .WithSchedule(SimpleScheduleBuilder.Create().WithInterval(TimeSpan.FromMinutes(1)).RepeatForever()));

            q.AddJob<WeeklyDigestJob>(j => j.WithIdentity(WeeklyDigestJob.Key));
            q.AddTrigger(t => t.ForJob(WeeklyDigestJob.Key)
                .WithIdentity("digest-monday-0900")
                .WithSchedule(CronScheduleBuilder.Create("0 0 9 ? * MON")
                    .InTimeZone(TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai"))));
        });
        services.AddQuartzHostedService(o => o.WaitForJobsToComplete = true);
        return services;
    }

    public static IServiceCollection AddClipForgeNotifications(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<NotificationOptions>(configuration.GetSection(NotificationOptions.Section));
        services.AddSingleton<IEmailSender, MailKitEmailSender>();
        services.AddHttpClient<IWebPushSender, VapidWebPushSender>();
        services.AddHttpClient<ISmsSender, GatewaySmsSender>(c => c.Timeout = TimeSpan.FromSeconds(10));
        services.AddHttpClient<IPlatformPublisher, GatewayPlatformPublisher>((sp, c) =>
        {
            var platform = sp.GetRequiredService<IOptions<PlatformOptions>>().Value;
            c.BaseAddress = new Uri(platform.PublishApiBase);
            c.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", platform.PublishApiToken);
        });
        return services;
    }
}
