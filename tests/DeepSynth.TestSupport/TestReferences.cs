using System.Collections.Immutable;
using System.Reflection;
using Microsoft.CodeAnalysis;

namespace DeepSynth.TestSupport;

/// <summary>
/// Metadata references for test compilations: the .NET 10 reference assemblies (Basic.Reference.Assemblies) plus the
/// real assemblies of the AI SDKs, ASP.NET Core, Telegram.Bot, gRPC, MailKit, StackExchange.Redis, SendGrid, Twilio, MediatR, Mediator and DeepSynth.Compliance with their dependency closure,
/// all loaded from this test run's output, so tests run offline.
/// </summary>
public static class TestReferences
{
    private static readonly Lazy<ImmutableArray<MetadataReference>> LazyAll = new(Build);

    /// <summary>Types that anchor the packages tests compile against.</summary>
    private static readonly Type[] Anchors =
    [
        typeof(OpenAI.Chat.ChatClient),
        typeof(System.ClientModel.ApiKeyCredential),
        typeof(Microsoft.Extensions.AI.IChatClient),
        typeof(Microsoft.Extensions.AI.ChatClientBuilder),
        typeof(Microsoft.Extensions.AI.OpenAIClientExtensions),
        typeof(Microsoft.SemanticKernel.Kernel),
        typeof(Microsoft.SemanticKernel.KernelExtensions),
        typeof(Microsoft.SemanticKernel.OpenAIServiceCollectionExtensions),
        typeof(Azure.AI.OpenAI.AzureOpenAIClient),
        typeof(Azure.AI.Inference.ChatCompletionsClient),
        typeof(OllamaSharp.OllamaApiClient),
        typeof(Anthropic.AnthropicClient),
        typeof(LLama.StatelessExecutor),
        typeof(Confluent.Kafka.IProducer<,>),
        typeof(Betalgo.Ranul.OpenAI.Managers.OpenAIService),
        typeof(Betalgo.Ranul.OpenAI.Contracts.Requests.Image.CreateImageRequest),
        typeof(Wolverine.IMessageBus),
        typeof(MongoDB.Driver.IMongoCollection<>),
        typeof(MongoDB.Bson.BsonDocument),
        typeof(Azure.Storage.Blobs.BlobContainerClient),
        typeof(Amazon.S3.IAmazonS3),
        typeof(Lib.Net.Http.WebPush.PushServiceClient),
        typeof(StackExchange.Redis.IDatabase),
        typeof(MediatR.IMediator),
        typeof(Mediator.ISender),
        typeof(FastEndpoints.Endpoint<,>),
        typeof(Carter.ICarterModule),
        typeof(MassTransit.IConsumer<>),
        typeof(Hangfire.BackgroundJob),
        typeof(Refit.PostAttribute),
        typeof(Flurl.Http.GeneratedExtensions),
        typeof(RestSharp.RestClient),
        typeof(Dapper.SqlMapper),
        typeof(ProtoBuf.Grpc.CallContext),
        typeof(ProtoBuf.Grpc.Configuration.ServiceAttribute),
        typeof(Telegram.Bot.ITelegramBotClient),
        typeof(Microsoft.AspNetCore.Mvc.ControllerBase),
        typeof(Microsoft.AspNetCore.Mvc.Controller),
        typeof(Microsoft.AspNetCore.SignalR.Hub),
        typeof(Microsoft.AspNetCore.Builder.WebApplication),
        typeof(Microsoft.AspNetCore.Http.Results),
        typeof(Microsoft.AspNetCore.Http.HttpResponseJsonExtensions),
        typeof(Microsoft.AspNetCore.Authorization.AuthorizeAttribute),
        typeof(Microsoft.AspNetCore.Builder.AuthorizationEndpointConventionBuilderExtensions),
        typeof(Microsoft.Extensions.DependencyInjection.ServiceCollection),
        typeof(Microsoft.Extensions.Hosting.BackgroundService),
        typeof(DeepSynth.Compliance.AigcLabelerAttribute),
        typeof(Microsoft.EntityFrameworkCore.DbContext),
        typeof(Grpc.Core.IServerStreamWriter<>),
        typeof(Grpc.AspNetCore.Server.GrpcServiceOptions),
        typeof(Google.Protobuf.IMessage),
        typeof(MailKit.Net.Smtp.SmtpClient),
        typeof(MimeKit.BodyBuilder),
        typeof(SendGrid.ISendGridClient),
        typeof(Twilio.Rest.Api.V2010.Account.MessageResource),
        typeof(SkiaSharp.SKImage),
        typeof(SixLabors.ImageSharp.Image),
        typeof(System.Drawing.Image),
    ];

    public static ImmutableArray<MetadataReference> All => LazyAll.Value;

    private static ImmutableArray<MetadataReference> Build()
    {
        var framework = Basic.Reference.Assemblies.Net100.References.All;
        var frameworkNames = new HashSet<string>(framework.Select(r => Path.GetFileNameWithoutExtension(r.FilePath ?? r.Display ?? string.Empty)), StringComparer.OrdinalIgnoreCase);
        var paths = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var pending = new Stack<Assembly>(Anchors.Select(t => t.Assembly).Distinct());
        while (pending.Count > 0)
        {
            var assembly = pending.Pop();
            var name = assembly.GetName().Name!;
            if (frameworkNames.Contains(name) || paths.ContainsKey(name) || string.IsNullOrEmpty(assembly.Location))
            {
                continue;
            }

            paths[name] = assembly.Location;
            foreach (var reference in assembly.GetReferencedAssemblies())
            {
                if (reference.Name == null || frameworkNames.Contains(reference.Name) || paths.ContainsKey(reference.Name))
                {
                    continue;
                }

                try
                {
                    pending.Push(Assembly.Load(reference));
                }
                catch (Exception e) when (e is FileNotFoundException or FileLoadException or BadImageFormatException)
                {
                    // Optional dependency not deployed with the tests; compilations that need it will say so.
                }
            }
        }

        // Everything a web project's FrameworkReference brings (Microsoft.AspNetCore.App), like a real web build.
        var aspNetCore = Path.GetDirectoryName(typeof(Microsoft.AspNetCore.Mvc.ControllerBase).Assembly.Location)!;
        foreach (var file in Directory.GetFiles(aspNetCore, "*.dll"))
        {
            var name = Path.GetFileNameWithoutExtension(file);
            if (!frameworkNames.Contains(name) && !paths.ContainsKey(name))
            {
                paths[name] = file;
            }
        }

        return framework.Cast<MetadataReference>()
            .Concat(paths.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => (MetadataReference)MetadataReference.CreateFromFile(p.Value)))
            .ToImmutableArray();
    }
}
