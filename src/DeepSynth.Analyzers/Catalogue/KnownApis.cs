using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using DeepSynth.Analyzers.Flow;

namespace DeepSynth.Analyzers.Catalogue
{
    /// <summary>
    /// The catalogue of third-party APIs the engine knows, as data. A new SDK is a new row here (plus tests);
    /// the engine and the rules do not change. Types are CLR metadata names; members are matched by name
    /// on the type itself, on types that implement or derive from it, and on extension classes listed here.
    /// </summary>
    internal static class KnownApis
    {
        /// <summary>Calls that generate content. Embeddings, moderation and transcription are deliberately absent.</summary>
        public static readonly ImmutableArray<SourceApi> GenerationSources = ImmutableArray.Create(
            // OpenAI .NET 2.x
            new SourceApi("OpenAI.Chat.ChatClient", MediaKind.Text, "CompleteChat", "CompleteChatAsync", "CompleteChatStreaming", "CompleteChatStreamingAsync"),
            new SourceApi("OpenAI.Images.ImageClient", MediaKind.Image, "GenerateImage", "GenerateImageAsync", "GenerateImages", "GenerateImagesAsync", "GenerateImagesStreamingAsync",
                "GenerateImageEdit", "GenerateImageEditAsync", "GenerateImageEdits", "GenerateImageEditsAsync", "GenerateImageEditsStreamingAsync",
                "GenerateImageVariation", "GenerateImageVariationAsync", "GenerateImageVariations", "GenerateImageVariationsAsync"),
            new SourceApi("OpenAI.Audio.AudioClient", MediaKind.Audio, "GenerateSpeech", "GenerateSpeechAsync", "GenerateSpeechStreamingAsync"),
            new SourceApi("OpenAI.Responses.ResponsesClient", MediaKind.Text, "CreateResponse", "CreateResponseAsync", "CreateResponseStreamingAsync"),
            new SourceApi("OpenAI.Responses.OpenAIResponseClient", MediaKind.Text, "CreateResponse", "CreateResponseAsync", "CreateResponseStreaming", "CreateResponseStreamingAsync"),
            new SourceApi("OpenAI.Videos.VideoClient", MediaKind.Video, "DownloadVideo", "DownloadVideoAsync"),
            new SourceApi("OpenAI.Assistants.AssistantClient", MediaKind.Text, "CreateRunStreaming", "CreateRunStreamingAsync", "CreateThreadAndRunStreaming", "CreateThreadAndRunStreamingAsync"),
            // Azure.AI.OpenAI 1.0 (beta) client; the 2.x client hands out the OpenAI clients above.
            new SourceApi("Azure.AI.OpenAI.OpenAIClient", MediaKind.Text, "GetChatCompletions", "GetChatCompletionsAsync", "GetChatCompletionsStreaming", "GetChatCompletionsStreamingAsync",
                "GetCompletions", "GetCompletionsAsync", "GetCompletionsStreaming", "GetCompletionsStreamingAsync"),
            new SourceApi("Azure.AI.OpenAI.OpenAIClient", MediaKind.Image, "GetImageGenerations", "GetImageGenerationsAsync"),
            new SourceApi("Azure.AI.OpenAI.OpenAIClient", MediaKind.Audio, "GenerateSpeechFromText", "GenerateSpeechFromTextAsync"),
            // Microsoft.Extensions.AI
            // (CompleteAsync / CompleteStreamingAsync: the names of the 9.0 previews, renamed in 9.3.)
            new SourceApi("Microsoft.Extensions.AI.IChatClient", MediaKind.Text, "GetResponseAsync", "GetStreamingResponseAsync", "CompleteAsync", "CompleteStreamingAsync"),
            new SourceApi("Microsoft.Extensions.AI.ChatClientExtensions", MediaKind.Text, "GetResponseAsync", "GetStreamingResponseAsync", "CompleteAsync", "CompleteStreamingAsync"),
            new SourceApi("Microsoft.Extensions.AI.ChatClientStructuredOutputExtensions", MediaKind.Text, "GetResponseAsync"),
            new SourceApi("Microsoft.Extensions.AI.IImageGenerator", MediaKind.Image, "GenerateAsync"),
            new SourceApi("Microsoft.Extensions.AI.ImageGeneratorExtensions", MediaKind.Image, "GenerateImagesAsync", "EditImageAsync", "EditImagesAsync"),
            new SourceApi("Microsoft.Extensions.AI.ITextToSpeechClient", MediaKind.Audio, "GetAudioAsync", "GetStreamingAudioAsync"),
            // Azure AI Inference (GitHub Models, Azure AI Foundry) and OllamaSharp, called directly rather than as an IChatClient.
            new SourceApi("Azure.AI.Inference.ChatCompletionsClient", MediaKind.Text, "Complete", "CompleteAsync", "CompleteStreaming", "CompleteStreamingAsync"),
            new SourceApi("OllamaSharp.IOllamaApiClient", MediaKind.Text, "GenerateAsync", "ChatAsync"),
            new SourceApi("OllamaSharp.OllamaApiClient", MediaKind.Text, "GenerateAsync", "ChatAsync"),
            new SourceApi("OllamaSharp.Chat", MediaKind.Text, "SendAsync", "SendAsAsync"),
            // LLamaSharp (a local GGUF model in process): an executor's InferAsync streams the tokens, a ChatSession answers.
            new SourceApi("LLama.Abstractions.ILLamaExecutor", MediaKind.Text, "InferAsync"),
            new SourceApi("LLama.StatelessExecutor", MediaKind.Text, "InferAsync"),
            new SourceApi("LLama.StatefulExecutorBase", MediaKind.Text, "InferAsync"),
            new SourceApi("LLama.ChatSession", MediaKind.Text, "ChatAsync", "RegenerateAssistantMessageAsync"),
            // Anthropic's official SDK (client.Messages.Create / CreateStreaming; the beta service has the same shape).
            new SourceApi("Anthropic.Services.IMessageService", MediaKind.Text, "Create", "CreateStreaming"),
            new SourceApi("Anthropic.Services.Beta.IMessageService", MediaKind.Text, "Create", "CreateStreaming"),
            // Betalgo.Ranul.OpenAI (the community OpenAI SDK, also used for OpenAI-compatible Chinese providers):
            // openAi.ChatCompletion.CreateCompletion(request), openAi.Image.CreateImage, openAi.Audio.CreateSpeech<T>.
            new SourceApi("Betalgo.Ranul.OpenAI.Interfaces.IChatCompletionService", MediaKind.Text, "CreateCompletion", "CreateCompletionAsStream"),
            new SourceApi("Betalgo.Ranul.OpenAI.Interfaces.ICompletionService", MediaKind.Text, "CreateCompletion", "CreateCompletionAsStream"),
            new SourceApi("Betalgo.Ranul.OpenAI.Interfaces.IImageService", MediaKind.Image, "CreateImage", "CreateImageEdit", "CreateImageVariation"),
            new SourceApi("Betalgo.Ranul.OpenAI.Interfaces.IAudioService", MediaKind.Audio, "CreateSpeech"),
            // Semantic Kernel
            new SourceApi("Microsoft.SemanticKernel.Kernel", MediaKind.Text, "InvokeAsync", "InvokeStreamingAsync"),
            new SourceApi("Microsoft.SemanticKernel.KernelExtensions", MediaKind.Text, "InvokePromptAsync", "InvokePromptStreamingAsync"),
            new SourceApi("Microsoft.SemanticKernel.KernelFunction", MediaKind.Text, "InvokeAsync", "InvokeStreamingAsync"),
            new SourceApi("Microsoft.SemanticKernel.ChatCompletion.IChatCompletionService", MediaKind.Text, "GetChatMessageContentsAsync", "GetStreamingChatMessageContentsAsync"),
            new SourceApi("Microsoft.SemanticKernel.ChatCompletion.ChatCompletionServiceExtensions", MediaKind.Text, "GetChatMessageContentAsync", "GetChatMessageContentsAsync", "GetStreamingChatMessageContentsAsync"),
            new SourceApi("Microsoft.SemanticKernel.TextGeneration.ITextGenerationService", MediaKind.Text, "GetTextContentsAsync", "GetStreamingTextContentsAsync"),
            new SourceApi("Microsoft.SemanticKernel.TextGeneration.TextGenerationExtensions", MediaKind.Text, "GetTextContentAsync", "GetTextContentsAsync", "GetStreamingTextContentsAsync"),
            new SourceApi("Microsoft.SemanticKernel.TextToImage.ITextToImageService", MediaKind.Image, "GetImageContentsAsync"),
            new SourceApi("Microsoft.SemanticKernel.TextToImage.TextToImageServiceExtensions", MediaKind.Image, "GenerateImageAsync"),
            new SourceApi("Microsoft.SemanticKernel.TextToAudio.ITextToAudioService", MediaKind.Audio, "GetAudioContentsAsync"),
            new SourceApi("Microsoft.SemanticKernel.TextToAudio.TextToAudioServiceExtensions", MediaKind.Audio, "GetAudioContentAsync"),
            new SourceApi("Microsoft.SemanticKernel.Agents.Agent", MediaKind.Text, "InvokeAsync", "InvokeStreamingAsync"),
            // Microsoft Agent Framework
            new SourceApi("Microsoft.Agents.AI.AIAgent", MediaKind.Text, "RunAsync", "RunStreamingAsync"));

        /// <summary>
        /// Model endpoints called over plain HTTP: a request whose URL contains one of these paths generates content of that
        /// media kind. OpenAI-compatible routes cover OpenAI, Azure OpenAI, DeepSeek, Moonshot (Kimi), Zhipu (GLM), Qwen's
        /// compatible mode, Volcengine Ark (Doubao), SiliconFlow, vLLM and most gateways; the others are providers' own REST
        /// routes. Users add theirs in deepsynth.json.
        /// </summary>
        /// <summary>
        /// SDKs that edit or generate a person's face (Image, Video) or voice (Audio) from their image or recording: the calls
        /// DSYN006 guards with the separate consent of that person (DSP 14 ¶2). Users add theirs with [BiometricEditor] or
        /// deepsynth.json "biometricEditors".
        /// </summary>
        public static readonly ImmutableArray<SourceApi> BiometricEditors = ImmutableArray.Create(
            // Tencent Cloud face fusion (TencentCloudSDK.Facefusion): the user's face fused into a template.
            new SourceApi("TencentCloud.Facefusion.V20220927.FacefusionClient", MediaKind.Image, "FuseFace", "FuseFaceSync", "FuseFaceUltra", "FuseFaceUltraSync"),
            new SourceApi("TencentCloud.Facefusion.V20181201.FacefusionClient", MediaKind.Image, "FuseFace", "FuseFaceSync", "FaceFusion", "FaceFusionSync"));

        /// <summary>Speech synthesis outside the generation catalogue (it streams audio to a device rather than returning content): DSYN104 only.</summary>
        public static readonly ImmutableArray<SourceApi> SpeechSynthesis = ImmutableArray.Create(
            new SourceApi("Microsoft.CognitiveServices.Speech.SpeechSynthesizer", MediaKind.Audio,
                "SpeakTextAsync", "SpeakSsmlAsync", "StartSpeakingTextAsync", "StartSpeakingSsmlAsync"));

        /// <summary>
        /// Writes that put content into a file (<see cref="Flow.PublicFileWrites"/>): a file under the web root is served
        /// to anyone by the static-files middleware, so writing generated content there publishes it. Per type: the
        /// methods, and the parameters holding the content ("this" for a stream copied out: <c>source.CopyToAsync(file)</c>).
        /// The file's path is the call's <c>path</c> argument, or, for a stream, the path it was opened with
        /// (<see cref="FileOpeners"/>).
        /// </summary>
        public static readonly ImmutableArray<(string Type, ImmutableArray<string> ContentParameters, ImmutableHashSet<string> Methods)> FileWrites = ImmutableArray.Create(
            ("System.IO.File", ImmutableArray.Create("bytes", "contents"), ImmutableHashSet.Create("WriteAllBytes", "WriteAllBytesAsync", "WriteAllText", "WriteAllTextAsync")),
            ("System.IO.Stream", ImmutableArray.Create("buffer"), ImmutableHashSet.Create("Write", "WriteAsync")),
            ("System.IO.Stream", ImmutableArray.Create("this"), ImmutableHashSet.Create("CopyTo", "CopyToAsync")));

        /// <summary>
        /// Reads of a file by path (<c>File.ReadAllBytesAsync(path)</c>, <c>File.OpenRead(path)</c>): files written outside
        /// the web root are one more keyed store, the file system, read back by another request that serves them
        /// (see Flow.PublicFileWrites.StoredContentOf). A constant path is a resource of the app, not a stored item.
        /// </summary>
        public const string FileStoreType = "System.IO.File";
        public static readonly ImmutableHashSet<string> FileStoreReads = ImmutableHashSet.Create(
            "ReadAllBytes", "ReadAllBytesAsync", "ReadAllText", "ReadAllTextAsync", "ReadAllLines", "ReadAllLinesAsync", "OpenRead");

        /// <summary>
        /// ASP.NET Core results that serve a file by its path (<c>TypedResults.PhysicalFile(asset.StoragePath, ...)</c>,
        /// <c>Results.File(path, ...)</c>, MVC's <c>PhysicalFile</c>): at a computed path they publish what the file store holds
        /// (see <see cref="FileStoreType"/>); their path parameters (a virtual path under the web root is not one).
        /// </summary>
        public static readonly ImmutableHashSet<string> FileServes = ImmutableHashSet.Create("PhysicalFile", "File");

        public static readonly ImmutableHashSet<string> FileServePathParameters = ImmutableHashSet.Create("path", "physicalPath");

        /// <summary>For the syntax pass: calls that may write a file the file store holds (File's writes and stream copies).</summary>
        public static readonly ImmutableHashSet<string> FileStoreWriteNames = ImmutableHashSet.Create(
            "WriteAllBytes", "WriteAllBytesAsync", "WriteAllText", "WriteAllTextAsync", "CopyTo", "CopyToAsync");

        /// <summary>Calls that open a file stream for writing from a path (System.IO.File's; <c>new FileStream(path, ...)</c> counts too).</summary>
        public static readonly ImmutableHashSet<string> FileOpeners = ImmutableHashSet.Create("Create", "OpenWrite", "Open");

        /// <summary>What marks a path as under the web root: the host environment's property, or the folder's conventional name in a literal.</summary>
        public const string WebRootProperty = "WebRootPath";
        public const string WebRootFolder = "wwwroot";

        public static readonly ImmutableArray<ModelEndpoint> ModelEndpoints = ImmutableArray.Create(
            new ModelEndpoint("/chat/completions", MediaKind.Text),
            new ModelEndpoint("/v1/completions", MediaKind.Text),
            new ModelEndpoint("/v1/responses", MediaKind.Text),
            new ModelEndpoint("/images/generations", MediaKind.Image),
            new ModelEndpoint("/images/edits", MediaKind.Image),
            new ModelEndpoint("/audio/speech", MediaKind.Audio),
            new ModelEndpoint("/v1/videos", MediaKind.Video),
            new ModelEndpoint("/v1/messages", MediaKind.Text, hostHint: "anthropic", alternativeHint: "claude"), // Anthropic (SMS and chat gateways share the path)
            new ModelEndpoint(":generatecontent", MediaKind.Text),                              // Google Gemini
            new ModelEndpoint(":streamgeneratecontent", MediaKind.Text),
            new ModelEndpoint("/api/generate", MediaKind.Text, hostHint: "11434", alternativeHint: "ollama"), // Ollama
            new ModelEndpoint("/api/chat", MediaKind.Text, hostHint: "11434", alternativeHint: "ollama"),
            new ModelEndpoint("/services/aigc/text-generation/generation", MediaKind.Text),     // Alibaba DashScope (Qwen)
            new ModelEndpoint("/services/aigc/multimodal-generation/generation", MediaKind.Text),
            new ModelEndpoint("/services/aigc/text2image/image-synthesis", MediaKind.Image),
            new ModelEndpoint("/wenxinworkshop/chat/", MediaKind.Text),                          // Baidu Qianfan (ERNIE)
            new ModelEndpoint("/text-to-speech/", MediaKind.Audio),                              // ElevenLabs
            new ModelEndpoint("/t2a_v2", MediaKind.Audio));                                     // MiniMax speech

        /// <summary>
        /// Mediators: a call that hands a request or notification to the handlers registered for its type, which run inside
        /// the caller's request (the engine summarises them as callees of the dispatch). MediatR's ISender and IPublisher
        /// (9.0+) and IRequestHandler`1 (for requests without a response) and Mediator (martinothamar/Mediator, source
        /// generated: its interfaces are the rows).
        /// </summary>
        public static readonly ImmutableArray<MediatorDispatch> MediatorDispatches = ImmutableArray.Create(
            new MediatorDispatch("MediatR.IMediator", "Send", "Handle", "MediatR.IRequestHandler`2", "MediatR.IRequestHandler`1"),
            new MediatorDispatch("MediatR.ISender", "Send", "Handle", "MediatR.IRequestHandler`2", "MediatR.IRequestHandler`1"),
            new MediatorDispatch("MediatR.Mediator", "Send", "Handle", "MediatR.IRequestHandler`2", "MediatR.IRequestHandler`1"),
            new MediatorDispatch("MediatR.IMediator", "Publish", "Handle", "MediatR.INotificationHandler`1"),
            new MediatorDispatch("MediatR.IPublisher", "Publish", "Handle", "MediatR.INotificationHandler`1"),
            new MediatorDispatch("MediatR.Mediator", "Publish", "Handle", "MediatR.INotificationHandler`1"),
            new MediatorDispatch("Mediator.ISender", "Send", "Handle",
                "Mediator.IRequestHandler`2", "Mediator.IRequestHandler`1", "Mediator.ICommandHandler`2", "Mediator.ICommandHandler`1", "Mediator.IQueryHandler`2"),
            new MediatorDispatch("Mediator.IPublisher", "Publish", "Handle", "Mediator.INotificationHandler`1"));

        /// <summary>
        /// Attributes of methods a model calls (function calling: Semantic Kernel plugins). Their data arguments are written
        /// by the model, so they are generated content wherever the function publishes them.
        /// </summary>
        public static readonly ImmutableHashSet<string> ModelInvokedFunctionAttributes = ImmutableHashSet.Create("Microsoft.SemanticKernel.KernelFunctionAttribute");

        /// <summary>
        /// Factories that turn a delegate into a function the model calls (tool calling without an attribute): the
        /// delegate's data arguments are written by the model. Microsoft.Extensions.AI (also what Microsoft Agent Framework
        /// and the OpenAI/Ollama adapters take as tools) and Semantic Kernel's delegate-based functions.
        /// </summary>
        public static readonly ImmutableArray<MemberRef> ModelFunctionFactories = ImmutableArray.Create(
            new MemberRef("Microsoft.Extensions.AI.AIFunctionFactory", "Create"),
            new MemberRef("Microsoft.SemanticKernel.KernelFunctionFactory", "CreateFromMethod"),
            new MemberRef("Microsoft.SemanticKernel.KernelExtensions", "CreateFunctionFromMethod"));

        /// <summary>HTTP client calls that send a request (the URL or request message argument decides whether a model is called).</summary>
        public static readonly ImmutableArray<MemberRef> HttpSends = ImmutableArray.Create(
            new MemberRef("System.Net.Http.HttpClient", "PostAsync"),
            new MemberRef("System.Net.Http.HttpClient", "PutAsync"),
            new MemberRef("System.Net.Http.HttpClient", "PatchAsync"),
            new MemberRef("System.Net.Http.HttpClient", "SendAsync"),
            new MemberRef("System.Net.Http.HttpClient", "Send"),
            new MemberRef("System.Net.Http.Json.HttpClientJsonExtensions", "PostAsJsonAsync"),
            new MemberRef("System.Net.Http.Json.HttpClientJsonExtensions", "PutAsJsonAsync"),
            new MemberRef("System.Net.Http.Json.HttpClientJsonExtensions", "PatchAsJsonAsync"),
            // Flurl: "https://host".AppendPathSegment("chat/completions").PostJsonAsync(body) (the URL or request is the receiver).
            new MemberRef("Flurl.Http.GeneratedExtensions", "PostJsonAsync"),
            new MemberRef("Flurl.Http.GeneratedExtensions", "PostAsync"),
            new MemberRef("Flurl.Http.GeneratedExtensions", "PostStringAsync"),
            new MemberRef("Flurl.Http.GeneratedExtensions", "PostMultipartAsync"),
            new MemberRef("Flurl.Http.GeneratedExtensions", "SendJsonAsync"),
            new MemberRef("Flurl.Http.GeneratedExtensions", "SendAsync"),
            new MemberRef("Flurl.Http.IFlurlClient", "SendAsync"),
            // RestSharp: client.ExecuteAsync<T>(new RestRequest("/chat/completions", Method.Post)), PostJsonAsync(resource, body).
            new MemberRef("RestSharp.IRestClient", "ExecuteAsync"),
            new MemberRef("RestSharp.RestClient", "ExecuteAsync"),
            new MemberRef("RestSharp.RestClientExtensions", "ExecuteAsync"),
            new MemberRef("RestSharp.RestClientExtensions", "ExecutePostAsync"),
            new MemberRef("RestSharp.RestClientExtensions", "PostAsync"),
            new MemberRef("RestSharp.RestClientExtensions", "PostJsonAsync"),
            new MemberRef("RestSharp.RestClientExtensions", "ExecutePost"),
            new MemberRef("RestSharp.RestClientExtensions", "Post"));

        /// <summary>
        /// Words of a class's name (its own or an interface it implements) that make it a sender of messages to people over
        /// plain HTTP: an SMS gateway (<c>GatewaySmsSender : ISmsSender</c>), a push or instant-messaging service. What its
        /// HTTP sends carry (other than to a model route) is published, as a Twilio or MailKit send is.
        /// </summary>
        public static readonly ImmutableHashSet<string> MessagingSenderWords = ImmutableHashSet.Create(System.StringComparer.OrdinalIgnoreCase,
            "Sms", "Push", "WeChat", "Weixin", "WeCom", "DingTalk", "Feishu");

        /// <summary>The parameters of an HTTP send that carry its URL: HttpClient's, Flurl's receiver, RestSharp's request or resource.</summary>
        public static readonly ImmutableHashSet<string> HttpSendUrlParameters = ImmutableHashSet.Create("requestUri", "request", "url", "resource");

        /// <summary>
        /// Declared HTTP clients: an interface method carrying one of these attributes (or an attribute derived from one) is
        /// sent to the path its first argument names (Refit's <c>[Post("/chat/completions")]</c>); on a model route it
        /// is a generation like an SDK call.
        /// </summary>
        public static readonly ImmutableArray<string> DeclaredHttpRouteAttributes = ImmutableArray.Create("Refit.HttpMethodAttribute");

        /// <summary>Calls whose arguments reach people. <see cref="PublishApi.ContentParameters"/> names the parameters that carry content.</summary>
        public static readonly ImmutableArray<PublishApi> PublishPoints = ImmutableArray.Create(
            // Minimal APIs
            new PublishApi("Microsoft.AspNetCore.Http.Results", PublishApi.ResultParameters,
                "Ok", "Json", "Text", "Content", "Bytes", "File", "Stream", "Created", "CreatedAtRoute", "Accepted", "AcceptedAtRoute",
                "BadRequest", "NotFound", "Conflict", "UnprocessableEntity", "InternalServerError", "ServerSentEvents", "Problem"),
            new PublishApi("Microsoft.AspNetCore.Http.TypedResults", PublishApi.ResultParameters,
                "Ok", "Json", "Text", "Content", "Bytes", "File", "Stream", "Created", "CreatedAtRoute", "Accepted", "AcceptedAtRoute",
                "BadRequest", "NotFound", "Conflict", "UnprocessableEntity", "InternalServerError", "ServerSentEvents", "Problem"),
            // MVC
            new PublishApi("Microsoft.AspNetCore.Mvc.ControllerBase", PublishApi.ResultParameters,
                "Ok", "Content", "File", "Created", "CreatedAtAction", "CreatedAtRoute", "Accepted", "AcceptedAtAction", "AcceptedAtRoute",
                "BadRequest", "NotFound", "Conflict", "UnprocessableEntity", "StatusCode", "Problem"),
            new PublishApi("Microsoft.AspNetCore.Mvc.Controller", PublishApi.ResultParameters, "Json", "Content"),
            new PublishApi("Microsoft.AspNetCore.Mvc.Controller", PublishApi.ResultParameters, publishesViewState: true, "View", "PartialView"),
            new PublishApi("Microsoft.AspNetCore.Mvc.RazorPages.PageModel", PublishApi.ResultParameters, "Content", "File"),
            new PublishApi("Microsoft.AspNetCore.Mvc.RazorPages.PageModel", PublishApi.ResultParameters, publishesViewState: true, "Page", "Partial"),
            // HTTP response writes
            new PublishApi("Microsoft.AspNetCore.Http.HttpResponseWritingExtensions", ImmutableArray.Create("text"), "WriteAsync"),
            new PublishApi("Microsoft.AspNetCore.Http.HttpResponseJsonExtensions", ImmutableArray.Create("value"), "WriteAsJsonAsync"),
            // SignalR
            new PublishApi("Microsoft.AspNetCore.SignalR.IClientProxy", ImmutableArray.Create("args"), "SendCoreAsync"),
            new PublishApi("Microsoft.AspNetCore.SignalR.ISingleClientProxy", ImmutableArray.Create("args"), "InvokeCoreAsync"),
            new PublishApi("Microsoft.AspNetCore.SignalR.ClientProxyExtensions", PublishApi.SignalRArguments, "SendAsync", "InvokeAsync"),
            // Bots
            new PublishApi("Telegram.Bot.TelegramBotClientExtensions", PublishApi.BotParameters,
                "SendMessage", "SendPhoto", "SendAudio", "SendVoice", "SendVideo", "SendDocument", "SendAnimation", "SendMediaGroup",
                "SendMessageDraft", "SendRichMessage", "EditMessageText", "EditMessageCaption", "EditMessageMedia",
                "SendTextMessageAsync", "SendPhotoAsync", "SendAudioAsync", "SendVoiceAsync", "SendVideoAsync", "SendDocumentAsync", "EditMessageTextAsync"),
            // FastEndpoints: the endpoint's Send property (a ResponseSender) writes the response.
            new PublishApi("FastEndpoints.ResponseSender`2",
                ImmutableArray.Create("response", "responseBody", "content", "bytes", "stream", "eventStream", "result", "fileInfo"),
                "OkAsync", "ResponseAsync", "CreatedAtAsync", "AcceptedAtAsync", "StringAsync", "BytesAsync", "StreamAsync", "EventStreamAsync", "ResultAsync", "FileAsync"),
            new PublishApi("Discord.IMessageChannel", PublishApi.BotParameters, "SendMessageAsync", "SendFileAsync", "SendFilesAsync"),
            new PublishApi("Discord.MessageExtensions", PublishApi.BotParameters, "ReplyAsync"),
            new PublishApi("Discord.IDiscordInteraction", PublishApi.BotParameters, "RespondAsync", "FollowupAsync", "RespondWithFileAsync", "FollowupWithFileAsync"),
            new PublishApi("Microsoft.Bot.Builder.ITurnContext", ImmutableArray.Create("textReplyToSend", "activity", "activities"), "SendActivityAsync", "SendActivitiesAsync"),
            // ---- Surfaces: Razor components (Blazor). The render tree's text, markup, attribute values and child-component
            // parameters reach the page; a RenderFragment argument is a lambda whose own AddContent calls publish.
            new PublishApi("Microsoft.AspNetCore.Components.Rendering.RenderTreeBuilder", ImmutableArray.Create("textContent", "markupContent", "value"),
                "AddContent", "AddMarkupContent", "AddAttribute", "AddComponentParameter"),
            // ---- Surfaces: Razor views and pages (.cshtml). Write(value) renders a value (Html.Raw passes through to it);
            // WriteLiteral is the page's constant markup and is deliberately absent.
            new PublishApi("Microsoft.AspNetCore.Mvc.Razor.RazorPageBase", ImmutableArray.Create("value"), "Write", "WriteAttributeValue"),
            // ---- Surfaces: gRPC server streaming (IServerStreamWriter<T> derives IAsyncStreamWriter<T>). A unary reply is
            // the service method's returned value (the method is an entry point, see ServiceBindingAttributes).
            new PublishApi("Grpc.Core.IAsyncStreamWriter`1", ImmutableArray.Create("message"), "WriteAsync"),
            // ---- Surfaces: outgoing e-mail and SMS. The message object carries what was put into it (Body, Subject,
            // BodyBuilder.HtmlBody, MailHelper's contents), so sending it publishes that content.
            new PublishApi("System.Net.Mail.SmtpClient", ImmutableArray.Create("message", "subject", "body"), "Send", "SendAsync", "SendMailAsync"),
            new PublishApi("MailKit.IMailTransport", ImmutableArray.Create("message"), "Send", "SendAsync"),
            new PublishApi("SendGrid.ISendGridClient", ImmutableArray.Create("msg"), "SendEmailAsync"),
            new PublishApi("Twilio.Rest.Api.V2010.Account.MessageResource", ImmutableArray.Create("options", "body", "mediaUrl", "contentVariables"), "Create", "CreateAsync"),
            // Web push (Lib.Net.Http.WebPush): the PushMessage carries the payload it was built from.
            new PublishApi("Lib.Net.Http.WebPush.PushServiceClient", ImmutableArray.Create("message"), "RequestPushMessageDeliveryAsync"));

        /// <summary>
        /// Steps known by name rather than by attribute (what each kind establishes is the duty table's). Encoders that re-encode an image without carrying its metadata over
        /// (the AIGC block in PNG text chunks, XMP, EXIF) are <see cref="StepKind.MetadataStripper"/>: their result is no
        /// longer implicitly labeled (DSYN007). Measured against the real packages: SkiaSharp 4.155's SKImage/SKBitmap
        /// Encode drops the block of PNG and JPEG; ImageSharp 2.1.13 keeps it through Load, Mutate and Save (not listed);
        /// System.Drawing's Image.Save writes no PNG text chunk or XMP packet (GDI+, not run on Linux).
        /// </summary>
        public static readonly ImmutableArray<StepApi> StepApis = ImmutableArray.Create(
            // OpenAI moderation: a review whose result (Flagged) the caller must act on.
            new StepApi("OpenAI.Moderations.ModerationClient", StepKind.Reviewer, "ClassifyText", "ClassifyTextAsync"),
            new StepApi("Betalgo.Ranul.OpenAI.Interfaces.IModerationService", StepKind.Reviewer, "CreateModeration"),
            new StepApi("SkiaSharp.SKImage", StepKind.MetadataStripper, "Encode"),
            new StepApi("SkiaSharp.SKBitmap", StepKind.MetadataStripper, "Encode"),
            new StepApi("SkiaSharp.SKPixmap", StepKind.MetadataStripper, "Encode"),
            new StepApi("System.Drawing.Image", StepKind.MetadataStripper, "Save"),
            // The SDK's LM Art. 9 gate (agreement checked, recipient logged) and LM Art. 6 platform inspection.
            new StepApi("DeepSynth.Compliance.Export.IUnlabeledExportGate", StepKind.UnlabeledExportGate, "AuthorizeAsync"),
            new StepApi("DeepSynth.Compliance.Propagation.IPropagationInspector", StepKind.PropagationInspector, "Inspect"));

        /// <summary>
        /// Names (compared without case) of boolean properties and parameters that ask for output without the explicit
        /// label when true (an export option, a user preference); reading one is a check for DSYN009's path.
        /// </summary>
        public static readonly ImmutableHashSet<string> UnlabeledRequestNames = ImmutableHashSet.Create(System.StringComparer.OrdinalIgnoreCase,
            "Raw", "RawOutput", "RawExport", "Unlabeled", "NoLabel", "WithoutLabel", "SkipLabel", "HideLabel", "RemoveLabel", "DisableLabel",
            "NoWatermark", "WithoutWatermark", "HideWatermark", "RemoveWatermark", "DisableWatermark", "ExportWithoutLabel");

        /// <summary>Names of booleans that ask for output without the explicit label when false ("IncludeLabel = false").</summary>
        public static readonly ImmutableHashSet<string> LabelRequestNames = ImmutableHashSet.Create(System.StringComparer.OrdinalIgnoreCase,
            "IncludeLabel", "WithLabel", "ShowLabel", "AddLabel", "LabelOutput", "EnableLabel", "ShowWatermark", "AddWatermark", "IncludeWatermark",
            "Watermark", "Watermarked");

        /// <summary>
        /// Text edits that remove what they are given to find (String.Replace(old, ""), Regex.Replace(input, pattern, ""),
        /// StringBuilder.Replace): when the text to find is a constant that is a label (<see cref="IsLabelText"/>) and the
        /// replacement is empty or no label, the edit cuts the label out, a <see cref="StepKind.MetadataStripper"/>.
        /// </summary>
        public static readonly ImmutableArray<MemberRef> TextRemovals = ImmutableArray.Create(
            new MemberRef("System.String", "Replace"),
            new MemberRef("System.Text.StringBuilder", "Replace"),
            new MemberRef("System.Text.RegularExpressions.Regex", "Replace"));

        /// <summary>
        /// Text that is a label or a label's carrier: the AIGC key or meta tag, or the two elements of GB 45438 (an AI
        /// element, "AI" or "人工智能", and a generation element, "生成" or "合成").
        /// </summary>
        public static bool IsLabelText(string text) =>
            text.IndexOf("AIGC", System.StringComparison.OrdinalIgnoreCase) >= 0 ||
            ((text.IndexOf("AI", System.StringComparison.Ordinal) >= 0 || text.IndexOf("人工智能", System.StringComparison.Ordinal) >= 0) &&
             (text.IndexOf("生成", System.StringComparison.Ordinal) >= 0 || text.IndexOf("合成", System.StringComparison.Ordinal) >= 0));

        /// <summary>
        /// Types whose values hold decoded or encoded media (an image a library decoded from generated bytes): a call the
        /// engine knows nothing about that returns one carries what it was given (SKBitmap.Decode(bytes), Image.Load(bytes)).
        /// </summary>
        public static readonly ImmutableArray<string> MediaTypes = ImmutableArray.Create(
            "SkiaSharp.SKBitmap", "SkiaSharp.SKImage", "SkiaSharp.SKPixmap", "SkiaSharp.SKData", "SkiaSharp.SKCodec",
            "System.Drawing.Image",
            "SixLabors.ImageSharp.Image");

        /// <summary>Controller and page state that views render (ViewData["x"] = ..., ViewBag.X = ..., TempData["x"] = ...).</summary>
        public static readonly ImmutableArray<string> ViewStateMembers = ImmutableArray.Create("ViewData", "ViewBag", "TempData");

        /// <summary>Where the view-state members above are declared (controllers, pages, views).</summary>
        public const string ViewStateNamespace = "Microsoft.AspNetCore.Mvc";

        /// <summary>Result types whose construction publishes their content (<c>new ObjectResult(value)</c>).</summary>
        public static readonly ImmutableArray<string> PublishingResultTypes = ImmutableArray.Create(
            "Microsoft.AspNetCore.Mvc.ObjectResult",
            "Microsoft.AspNetCore.Mvc.JsonResult",
            "Microsoft.AspNetCore.Mvc.ContentResult",
            "Microsoft.AspNetCore.Mvc.FileContentResult",
            "Microsoft.AspNetCore.Mvc.FileStreamResult",
            "Microsoft.AspNetCore.Mvc.ViewResult",
            "Microsoft.AspNetCore.Mvc.PartialViewResult");

        /// <summary>Types whose instances are channels to people: content handed to any of their methods is published.</summary>
        public static readonly ImmutableArray<string> ChannelTypes = ImmutableArray.Create(
            "Microsoft.AspNetCore.Http.HttpResponse",
            "System.IO.Pipelines.PipeWriter",
            "Microsoft.AspNetCore.SignalR.IClientProxy",
            "Telegram.Bot.ITelegramBotClient",
            "Discord.IMessageChannel",
            "Microsoft.Bot.Builder.ITurnContext");

        /// <summary>Types every member of which returns a channel to people (SignalR's Clients.All, Clients.Caller, Clients.Group(...)).</summary>
        public static readonly ImmutableArray<string> ChannelFactoryTypes = ImmutableArray.Create(
            "Microsoft.AspNetCore.SignalR.IHubClients`1",
            "Microsoft.AspNetCore.SignalR.IHubCallerClients`1",
            "Microsoft.AspNetCore.SignalR.IHubClients",
            "Microsoft.AspNetCore.SignalR.IHubCallerClients");

        /// <summary>
        /// Calls on a channel that write nothing to it: the response disposes an object when it ends
        /// (<c>Response.RegisterForDisposeAsync(stored)</c> of the download being streamed) or runs a callback later.
        /// </summary>
        public static readonly ImmutableHashSet<string> ChannelLifetimeMethods = ImmutableHashSet.Create(
            "RegisterForDispose", "RegisterForDisposeAsync", "OnStarting", "OnCompleted");

        /// <summary>Members that read a channel to people (HttpContext.Response, HttpResponse.Body).</summary>
        public static readonly ImmutableArray<MemberRef> ChannelMembers = ImmutableArray.Create(
            new MemberRef("Microsoft.AspNetCore.Http.HttpContext", "Response"),
            new MemberRef("Microsoft.AspNetCore.Http.HttpResponse", "Body"),
            new MemberRef("Microsoft.AspNetCore.Http.HttpResponse", "BodyWriter"));

        /// <summary>
        /// Members that read user input: the request and everything in it, and the message a queue consumer is handed
        /// (MassTransit's <c>context.Message</c>: what a user sent, passed on by whoever published it).
        /// </summary>
        public static readonly ImmutableArray<MemberRef> UserInputMembers = ImmutableArray.Create(
            new MemberRef("Microsoft.AspNetCore.Http.HttpContext", "Request"),
            new MemberRef("Microsoft.AspNetCore.Mvc.ControllerBase", "Request"),
            new MemberRef("Microsoft.AspNetCore.Mvc.RazorPages.PageModel", "Request"),
            new MemberRef("MassTransit.ConsumeContext`1", "Message"));

        /// <summary>
        /// Where a known framework's endpoint declares its own requirements: FastEndpoints' <c>Configure()</c>, whose calls
        /// are read like route conventions (<c>Options(b =&gt; b.RequireRealName())</c>, <c>AllowAnonymous()</c>), with
        /// <see cref="FrameworkEndpointPolicyCalls"/> naming policies (<c>Policies("RealName")</c>).
        /// </summary>
        public static readonly ImmutableArray<MemberRef> FrameworkEndpointConfigurations = ImmutableArray.Create(
            new MemberRef("FastEndpoints.BaseEndpoint", "Configure"));

        /// <summary>Calls in an endpoint's configuration that name authorization policies (FastEndpoints' <c>Policies(...)</c>).</summary>
        public static readonly ImmutableHashSet<string> FrameworkEndpointPolicyCalls = ImmutableHashSet.Create("Policies");

        public const string AspNetCoreNamespace = "Microsoft.AspNetCore";

        /// <summary>
        /// Methods a known framework calls to answer an HTTP request, found by what they override (like deepsynth.json's
        /// entryPoints): FastEndpoints' <c>HandleAsync</c> and <c>ExecuteAsync</c>. Their request parameter is user input,
        /// what <c>ExecuteAsync</c> returns is published, and the middleware pipeline runs in front of them.
        /// </summary>
        public static readonly ImmutableArray<MemberRef> FrameworkEndpointMethods = ImmutableArray.Create(
            new MemberRef("FastEndpoints.Endpoint`2", "HandleAsync"),
            new MemberRef("FastEndpoints.Endpoint`2", "ExecuteAsync"),
            new MemberRef("FastEndpoints.EndpointWithoutRequest", "HandleAsync"),
            new MemberRef("FastEndpoints.EndpointWithoutRequest", "ExecuteAsync"),
            new MemberRef("FastEndpoints.EndpointWithoutRequest`1", "HandleAsync"),
            new MemberRef("FastEndpoints.EndpointWithoutRequest`1", "ExecuteAsync"));

        /// <summary>
        /// Library calls that write a value into the member a selector lambda names: MongoDB's
        /// <c>Builders&lt;T&gt;.Update.Set(d =&gt; d.Body, body)</c> (and <c>SetOnInsert</c>, <c>Push</c>, <c>AddToSet</c>), EF Core's
        /// <c>ExecuteUpdate(s =&gt; s.SetProperty(d =&gt; d.Body, body))</c>. The value is stored in that member of the entity,
        /// like an assignment, and read back wherever an entity of the type is read.
        /// </summary>
        public static readonly ImmutableHashSet<string> MemberSelectorWrites = ImmutableHashSet.Create(
            "Set", "SetOnInsert", "SetProperty", "Push", "AddToSet", "PushEach", "AddToSetEach");

        /// <summary>
        /// Message handlers whose services are method parameters (see <see cref="MethodInjectionConvention"/>): Wolverine's
        /// <c>Handle</c>/<c>Consume</c> methods on <c>...Handler</c> and <c>...Consumer</c> classes, static or not. A fix
        /// gives them a service as one more parameter, as it does a minimal-API handler.
        /// </summary>
        public static readonly ImmutableArray<MethodInjectionConvention> MethodInjectedHandlers = ImmutableArray.Create(
            new MethodInjectionConvention("Wolverine.IMessageBus", new[] { "Handler", "Consumer" },
                new[] { "Handle", "HandleAsync", "Handles", "HandlesAsync", "Consume", "ConsumeAsync" }));

        /// <summary>Methods that register a handler delegate as an endpoint; the handler is an entry point.</summary>
        public static readonly ImmutableArray<HandlerRegistration> HandlerRegistrations = ImmutableArray.Create(
            new HandlerRegistration("Microsoft.AspNetCore.Builder.EndpointRouteBuilderExtensions", EntryKind.MinimalApiHandler, "Map", "MapGet", "MapPost", "MapPut", "MapDelete", "MapPatch", "MapMethods", "MapFallback"),
            new HandlerRegistration("Microsoft.AspNetCore.Builder.UseExtensions", EntryKind.Middleware, "Use"),
            new HandlerRegistration("Microsoft.AspNetCore.Builder.RunExtensions", EntryKind.Middleware, "Run"),
            new HandlerRegistration("Telegram.Bot.Polling.PollingExtensions", EntryKind.BotHandler, "StartReceiving", "ReceiveAsync"),
            new HandlerRegistration("Telegram.Bot.TelegramBotClientExtensions", EntryKind.BotHandler, "StartReceiving", "ReceiveAsync"));

        /// <summary>Events whose handlers receive user messages (bots).</summary>
        public static readonly ImmutableArray<MemberRef> BotEvents = ImmutableArray.Create(
            new MemberRef("Telegram.Bot.TelegramBotClient", "OnMessage"),
            new MemberRef("Telegram.Bot.TelegramBotClient", "OnUpdate"),
            new MemberRef("Discord.WebSocket.BaseSocketClient", "MessageReceived"),
            new MemberRef("Discord.WebSocket.BaseSocketClient", "SlashCommandExecuted"));

        /// <summary>Interface or base methods whose implementations handle bot messages.</summary>
        public static readonly ImmutableArray<MemberRef> BotHandlerMethods = ImmutableArray.Create(
            new MemberRef("Telegram.Bot.Polling.IUpdateHandler", "HandleUpdateAsync"),
            new MemberRef("Microsoft.Bot.Builder.IBot", "OnTurnAsync"),
            new MemberRef("Microsoft.Bot.Builder.ActivityHandler", "OnTurnAsync"),
            new MemberRef("Microsoft.Bot.Builder.ActivityHandler", "OnMessageActivityAsync"),
            new MemberRef("Microsoft.Bot.Builder.ActivityHandler", "OnMembersAddedAsync"));

        // ---- Surfaces: entry points that render a page or serve a call (issue 14). ----

        /// <summary>
        /// Base methods whose overrides render to a user: a Razor component's render tree and a Razor view's or page's
        /// body (the Razor source generator writes both; see <see cref="Flow.RazorGeneratedCode"/>).
        /// </summary>
        public static readonly ImmutableArray<MemberRef> RenderMethods = ImmutableArray.Create(
            new MemberRef("Microsoft.AspNetCore.Components.ComponentBase", "BuildRenderTree"),
            new MemberRef("Microsoft.AspNetCore.Mvc.Razor.RazorPageBase", "ExecuteAsync"));

        /// <summary>The base of compiled views and pages, and of Razor Pages alone (a page is an entry point, an MVC view is not).</summary>
        public const string RazorViewBaseType = "Microsoft.AspNetCore.Mvc.Razor.RazorPageBase";

        public const string RazorPageType = "Microsoft.AspNetCore.Mvc.RazorPages.Page";

        /// <summary>Component lifecycle methods: they run for the user whose page shows the component.</summary>
        public static readonly ImmutableArray<MemberRef> ComponentLifecycleMethods = ImmutableArray.Create(
            new MemberRef("Microsoft.AspNetCore.Components.ComponentBase", "OnInitialized"),
            new MemberRef("Microsoft.AspNetCore.Components.ComponentBase", "OnInitializedAsync"),
            new MemberRef("Microsoft.AspNetCore.Components.ComponentBase", "OnParametersSet"),
            new MemberRef("Microsoft.AspNetCore.Components.ComponentBase", "OnParametersSetAsync"),
            new MemberRef("Microsoft.AspNetCore.Components.ComponentBase", "OnAfterRender"),
            new MemberRef("Microsoft.AspNetCore.Components.ComponentBase", "OnAfterRenderAsync"),
            new MemberRef("Microsoft.AspNetCore.Components.ComponentBase", "SetParametersAsync"));

        /// <summary>The component base type; methods it binds to events (@onclick="Ask", EventCallback.Factory.Create(this, Ask)) are entry points.</summary>
        public const string ComponentBaseType = "Microsoft.AspNetCore.Components.ComponentBase";

        /// <summary>
        /// How the generator hands a child component its parameters (<c>OpenComponent&lt;T&gt;</c>, then
        /// <c>AddComponentParameter</c>, or <c>AddAttribute</c> before .NET 8), and the attribute that makes a property one.
        /// </summary>
        public const string OpenComponentMethod = "OpenComponent";

        public static readonly ImmutableHashSet<string> ComponentParameterMethods = ImmutableHashSet.Create("AddComponentParameter", "AddAttribute");

        public const string ComponentParameterAttribute = "Microsoft.AspNetCore.Components.ParameterAttribute";

        /// <summary>What <c>@page</c> compiles to: a component with it is served on its own route.</summary>
        public const string ComponentRouteAttribute = "Microsoft.AspNetCore.Components.RouteAttribute";

        /// <summary>
        /// Attributes on a generated service base class (gRPC's <c>GreeterBase</c>) that bind its virtual methods to calls:
        /// an override is an entry point, its request message is user input and its reply is published.
        /// </summary>
        public static readonly ImmutableArray<string> ServiceBindingAttributes = ImmutableArray.Create("Grpc.Core.BindServiceMethodAttribute");

        /// <summary>
        /// Code-first gRPC (protobuf-net.Grpc): an interface carrying one of these is a service contract, and a class's
        /// public implementation of one of its methods is a gRPC method (its request is user input, its reply and the
        /// stream it returns are published). Matched by name, as protobuf-net.Grpc does; ServiceContract may come from
        /// System.ServiceModel.Primitives or a copy of it.
        /// </summary>
        public static readonly ImmutableArray<string> ServiceContractAttributes = ImmutableArray.Create(
            "ProtoBuf.Grpc.Configuration.ServiceAttribute", "System.ServiceModel.ServiceContractAttribute");

        /// <summary>Route registrations of services by type argument (MapHub&lt;T&gt;, MapGrpcService&lt;T&gt;): their conventions apply to the type's methods.</summary>
        public static readonly ImmutableHashSet<string> ServiceMapMethods = ImmutableHashSet.Create("MapHub", "MapGrpcService");

        /// <summary>Callbacks handed a stream to the client (Results.Stream(async stream => ...)).</summary>
        public static readonly ImmutableArray<MemberRef> ChannelCallbacks = ImmutableArray.Create(
            new MemberRef("Microsoft.AspNetCore.Http.Results", "Stream"),
            new MemberRef("Microsoft.AspNetCore.Http.TypedResults", "Stream"));

        /// <summary>
        /// Message buses: a message handed to the bus (<c>bus.Publish(new ListingTranslated(...))</c>, an endpoint's
        /// <c>Send</c>, a consumer's <c>RespondAsync</c>, a request client's <c>GetResponse</c>) is what the consumers of its
        /// type receive (<c>context.Message</c>) and what a requester reads from the response (<c>response.Message</c>).
        /// One store for the whole bus, told apart by the message's type (its members keep what was written into them);
        /// queues and topics are not told apart. MassTransit's rows.
        /// </summary>
        public static readonly ImmutableArray<MemberRef> MessageBusSends = ImmutableArray.Create(
            new MemberRef("MassTransit.IPublishEndpoint", "Publish"),
            new MemberRef("MassTransit.ISendEndpoint", "Send"),
            new MemberRef("MassTransit.ConsumeContext", "RespondAsync"),
            new MemberRef("MassTransit.IRequestClient`1", "GetResponse"),
            // Kafka (Confluent.Kafka): a produced Message<TKey, TValue> is what a consumer's ConsumeResult.Message holds.
            new MemberRef("Confluent.Kafka.IProducer`2", "ProduceAsync"),
            new MemberRef("Confluent.Kafka.IProducer`2", "Produce"));

        /// <summary>The members that hand a consumer or requester the message of their type argument (see <see cref="MessageBusSends"/>).</summary>
        public static readonly ImmutableArray<MemberRef> MessageBusMessages = ImmutableArray.Create(
            new MemberRef("MassTransit.ConsumeContext`1", "Message"),
            new MemberRef("MassTransit.Response`1", "Message"),
            new MemberRef("Confluent.Kafka.ConsumeResult`2", "Message"));

        /// <summary>The name the syntax pass gives the message bus store: sends assign it, reads of a message mention it.</summary>
        public const string MessageBusName = "<message bus>";

        /// <summary>
        /// Object storage, a keyed store like the caches below: media and files uploaded under a name
        /// (<c>blob.UploadAsync(BinaryData.FromBytes(image))</c>, <c>s3.PutObjectAsync(new PutObjectRequest { InputStream = ... })</c>)
        /// are what a download by any name returns (<c>DownloadContentAsync()</c>, <c>GetObjectAsync(bucket, key)</c>), to
        /// the request that serves them (a media proxy). One store per service, whichever of its clients wrote or reads it
        /// (a container's <c>UploadBlobAsync</c> is what a blob client downloads): the store's type, then the other client
        /// types that stand for it. A write stores every argument but names (strings) and tokens.
        /// </summary>
        public static readonly ImmutableArray<(string Store, ImmutableArray<string> Clients)> ObjectStores = ImmutableArray.Create(
            ("Azure.Storage.Blobs.Specialized.BlobBaseClient", ImmutableArray.Create("Azure.Storage.Blobs.BlobContainerClient")),
            ("Amazon.S3.IAmazonS3", ImmutableArray<string>.Empty));

        public static readonly ImmutableHashSet<string> ObjectStoreWrites = ImmutableHashSet.Create(
            "Upload", "UploadAsync", "UploadBlob", "UploadBlobAsync", "PutObject", "PutObjectAsync");

        public static readonly ImmutableHashSet<string> ObjectStoreReads = ImmutableHashSet.Create(
            "DownloadContent", "DownloadContentAsync", "DownloadStreaming", "DownloadStreamingAsync", "Download", "DownloadAsync",
            "OpenRead", "OpenReadAsync", "GetObject", "GetObjectAsync", "GetObjectStreamAsync");

        /// <summary>
        /// Keyed caches: a service's content stored under a key and read back by another request
        /// (<c>cache.SetString(key, answer)</c> ... <c>cache.GetStringAsync(key)</c>). One abstract store per cache type
        /// (keys are not told apart): what any method writes into an <c>IMemoryCache</c> is what any read of one may
        /// return. The methods are the caches' own and their extension classes' (<c>CacheExtensions</c>,
        /// <c>DistributedCacheExtensions</c>); <c>GetOrCreate</c> both stores its factory's result and returns it. Redis
        /// (StackExchange.Redis <c>IDatabase</c>, which implements <c>IDatabaseAsync</c>) is one too: strings, hash fields
        /// and lists written under a key (<c>StringSetAsync</c>, <c>HashSetAsync</c>, <c>ListRightPushAsync</c>) are what
        /// the reads of any key return (<c>StringGetAsync</c>, <c>HashGetAsync</c>, <c>ListRangeAsync</c>).
        /// </summary>
        public static readonly ImmutableArray<string> KeyedCacheTypes = ImmutableArray.Create(
            "Microsoft.Extensions.Caching.Memory.IMemoryCache", "Microsoft.Extensions.Caching.Distributed.IDistributedCache",
            "Microsoft.Extensions.Caching.Hybrid.HybridCache", "StackExchange.Redis.IDatabaseAsync",
            // Dapper's extensions of a connection: what a command's parameter object carries (INSERT ... VALUES (@Body))
            // is what its queries read back, member by member (the parameter's Body is a row's Body, compared without case).
            SqlConnectionType);

        public const string SqlConnectionType = "System.Data.IDbConnection";

        public static readonly ImmutableHashSet<string> KeyedCacheWrites = ImmutableHashSet.Create(
            "Set", "SetAsync", "SetString", "SetStringAsync", "GetOrCreate", "GetOrCreateAsync",
            "StringSet", "StringSetAsync", "StringAppend", "StringAppendAsync", "StringGetSet", "StringGetSetAsync",
            "HashSet", "HashSetAsync", "ListRightPush", "ListRightPushAsync", "ListLeftPush", "ListLeftPushAsync", "ListSetByIndex", "ListSetByIndexAsync",
            "Execute", "ExecuteAsync", "ExecuteScalar", "ExecuteScalarAsync")
            .Union(ObjectStoreWrites);

        /// <summary>Dapper's queries: they read columns, by name, of whatever any library saved (see Flow.FlowEngine.SqlRowsOf).</summary>
        public static readonly ImmutableHashSet<string> SqlReads = ImmutableHashSet.Create(
            "Query", "QueryAsync", "QueryFirst", "QueryFirstAsync", "QueryFirstOrDefault", "QueryFirstOrDefaultAsync",
            "QuerySingle", "QuerySingleAsync", "QuerySingleOrDefault", "QuerySingleOrDefaultAsync");

        public static readonly ImmutableHashSet<string> KeyedCacheReads = ImmutableHashSet.Create(
            "Get", "GetAsync", "GetString", "GetStringAsync", "TryGetValue", "GetOrCreate", "GetOrCreateAsync",
            "StringGet", "StringGetAsync", "StringGetSet", "StringGetSetAsync", "StringGetDelete", "StringGetDeleteAsync",
            "HashGet", "HashGetAsync", "HashGetAll", "HashGetAllAsync", "HashValues", "HashValuesAsync",
            "ListRange", "ListRangeAsync", "ListGetByIndex", "ListGetByIndexAsync", "ListLeftPop", "ListLeftPopAsync", "ListRightPop", "ListRightPopAsync")
            .Union(SqlReads).Union(ObjectStoreReads);

        /// <summary>The name the syntax pass gives a SQL query's read: relevant wherever some member is stored with generated content.</summary>
        public const string SqlStoreName = "<sql>";

        /// <summary>The name the syntax pass gives every keyed cache (it cannot tell their types): writes assign it, reads mention it.</summary>
        public const string KeyedCacheName = "<keyed cache>";

        /// <summary>
        /// The user's role in the SDKs' chat messages: a branch on <c>message.Role == ChatRole.User</c> shows the user's own
        /// message (see <see cref="Flow.UserRoleChecks"/>). A string role compared with <see cref="UserRoleText"/> counts too.
        /// </summary>
        public static readonly ImmutableArray<MemberRef> UserRoles = ImmutableArray.Create(
            new MemberRef("Microsoft.Extensions.AI.ChatRole", "User"),
            new MemberRef("Microsoft.SemanticKernel.ChatCompletion.AuthorRole", "User"),
            new MemberRef("OpenAI.Chat.ChatMessageRole", "User"));

        public const string RoleMemberName = "Role";

        public const string UserRoleText = "user";

        /// <summary>
        /// Members of SDK message types that are the message's whole text (ChatMessage.Text joins its text contents):
        /// reviewing <c>message.Text</c> reviews the message a user sent, unlike one field of a DTO, which leaves the others.
        /// </summary>
        public static readonly ImmutableArray<MemberRef> WholeTextMembers = ImmutableArray.Create(
            new MemberRef("Microsoft.Extensions.AI.ChatMessage", "Text"),
            new MemberRef("Microsoft.SemanticKernel.ChatMessageContent", "Content"));

        /// <summary>
        /// Members of AI SDK result types that describe a generation rather than contain it (ids, model names,
        /// token usage, timestamps). Publishing them is not publishing generated content.
        /// </summary>
        public static readonly ImmutableHashSet<string> GenerationMetadataMembers = ImmutableHashSet.Create(
            "Id", "Model", "ModelId", "ResponseId", "ConversationId", "MessageId", "CompletionId", "CreatedAt", "FinishReason",
            "Usage", "Role", "SystemFingerprint", "ServiceTier", "AuthorName", "ContinuationToken", "Metadata", "RenderedPrompt",
            "Function", "ValueType", "Culture", "Encoding", "Status", "Object", "PreviousResponseId", "Temperature", "TopP",
            "MaxOutputTokenCount", "EndUserId", "SafetyIdentifier", "Instructions", "Tools", "ToolChoice", "MimeType", "Length",
            // Anthropic's Message and content blocks
            "ID", "StopReason", "StopSequence", "StopDetails", "Type", "Diagnostics", "RawData", "Container",
            // Betalgo's response envelope (BaseResponse): whether the call succeeded and the provider's error
            "Successful", "Error", "HttpStatusCode", "HeaderValues", "ObjectTypeName");

        /// <summary>
        /// Members of a model's reply read into the app's own types (an OpenAI-compatible JSON reply, a provider's REST
        /// envelope) that describe the generation: read from a value that holds nothing but a generation, they hold none of it.
        /// </summary>
        public static readonly ImmutableHashSet<string> ResponseEnvelopeMembers = ImmutableHashSet.Create(
            "Id", "ID", "Model", "ModelId", "Usage", "Created", "CreatedAt", "FinishReason", "Object", "SystemFingerprint", "ResponseId",
            "RequestId", "LogId", "Index", "Role", "StopReason", "TotalTokens", "PromptTokens", "CompletionTokens");

        /// <summary>Namespaces of AI SDKs; generation metadata members are recognised only on their types.</summary>
        public static readonly ImmutableArray<string> AiSdkNamespaces = ImmutableArray.Create(
            "OpenAI", "Azure.AI.OpenAI", "Azure.AI.Inference", "Microsoft.Extensions.AI", "Microsoft.SemanticKernel", "Microsoft.Agents.AI", "OllamaSharp", "Anthropic", "Betalgo.Ranul.OpenAI", "LLama");

        /// <summary>Namespaces whose types are services, never user input, when they appear as endpoint parameters.</summary>
        public static readonly ImmutableArray<string> ServiceNamespaces = ImmutableArray.Create(
            "OpenAI", "Azure", "Microsoft.Extensions", "Microsoft.SemanticKernel", "Microsoft.Agents", "Microsoft.AspNetCore",
            "Microsoft.EntityFrameworkCore", "DeepSynth", "Telegram.Bot", "Discord", "OllamaSharp", "Anthropic", "Betalgo.Ranul.OpenAI", "LLama", "System.Net.Http", "System.Threading", "ProtoBuf.Grpc", "Grpc.Core",
            "System.Security.Claims", "System.IServiceProvider");

        /// <summary>Types that hold user data even though they live in framework namespaces.</summary>
        public static readonly ImmutableArray<string> InputTypes = ImmutableArray.Create(
            "Microsoft.AspNetCore.Http.IFormFile", "Microsoft.AspNetCore.Http.IFormFileCollection", "Microsoft.AspNetCore.Http.IFormCollection",
            "Microsoft.AspNetCore.Http.IQueryCollection", "System.IO.Stream", "System.IO.Pipelines.PipeReader", "System.Text.Json.JsonElement",
            "System.Text.Json.Nodes.JsonNode", "System.Text.Json.Nodes.JsonObject", "Telegram.Bot.Types.Update", "Telegram.Bot.Types.Message",
            "Discord.WebSocket.SocketMessage", "Discord.IMessage", "Microsoft.Bot.Builder.ITurnContext", "Microsoft.Bot.Schema.IMessageActivity",
            "Microsoft.Bot.Schema.Activity",
            // ---- Surfaces: a gRPC request message, the value of a component's input event.
            "Google.Protobuf.IMessage", "Microsoft.AspNetCore.Components.ChangeEventArgs",
            // ---- Chat messages an entry point receives: a posted conversation (List<ChatMessage> as a request body, a hub
            // argument) or the message a child component hands its page through an EventCallback<ChatMessage> (the AI chat
            // template's ChatInput). Only entry-point parameters are judged by this list; elsewhere they are ordinary values.
            "Microsoft.Extensions.AI.ChatMessage", "Microsoft.SemanticKernel.ChatMessageContent", "Microsoft.SemanticKernel.ChatCompletion.ChatHistory",
            "OpenAI.Chat.ChatMessage", "OpenAI.Chat.UserChatMessage");

        /// <summary>
        /// Surfaces: attributes that make a property user input wherever it is read (model binding fills it from the
        /// request: Razor Pages' bound properties, a component's query and form parameters). BindProperties goes on the class.
        /// </summary>
        public static readonly ImmutableArray<string> InputPropertyAttributes = ImmutableArray.Create(
            "Microsoft.AspNetCore.Mvc.BindPropertyAttribute", "Microsoft.AspNetCore.Mvc.BindPropertiesAttribute",
            "Microsoft.AspNetCore.Components.SupplyParameterFromQueryAttribute", "Microsoft.AspNetCore.Components.SupplyParameterFromFormAttribute");

        /// <summary>
        /// Surfaces: the factories a Razor component's event and bind attributes are compiled to. A member assigned from a
        /// lambda parameter handed to one (<c>@bind="Prompt"</c>, <c>@bind-Value</c>, <c>@oninput="e => ..."</c>) is user
        /// input wherever the component reads it (see <see cref="Flow.BoundInputs"/>).
        /// </summary>
        public static readonly ImmutableHashSet<string> BoundValueCallbackFactories = ImmutableHashSet.Create(
            "Microsoft.AspNetCore.Components.EventCallbackFactory", "Microsoft.AspNetCore.Components.EventCallbackFactoryBinderExtensions",
            "Microsoft.AspNetCore.Components.EventCallbackFactoryEventArgsExtensions");

        /// <summary>Attributes that make an endpoint parameter a service (not user input).</summary>
        public static readonly ImmutableArray<string> ServiceParameterAttributes = ImmutableArray.Create(
            "Microsoft.AspNetCore.Mvc.FromServicesAttribute", "Microsoft.Extensions.DependencyInjection.FromKeyedServicesAttribute");

        /// <summary>Attributes that make an endpoint parameter user input.</summary>
        public static readonly ImmutableArray<string> InputParameterAttributes = ImmutableArray.Create(
            "Microsoft.AspNetCore.Mvc.FromBodyAttribute", "Microsoft.AspNetCore.Mvc.FromQueryAttribute", "Microsoft.AspNetCore.Mvc.FromRouteAttribute",
            "Microsoft.AspNetCore.Mvc.FromFormAttribute", "Microsoft.AspNetCore.Mvc.FromHeaderAttribute", "Microsoft.AspNetCore.Http.AsParametersAttribute",
            "Microsoft.AspNetCore.Mvc.BindAttribute", "Microsoft.AspNetCore.Mvc.ModelBinderAttribute");

        // ---- Endpoint conventions: how ASP.NET Core finds actions, handlers and middleware, and what guards them (issue 13). ----

        /// <summary>Attributes that make a class a controller (besides deriving from ControllerBase), and those that opt out.</summary>
        public static readonly ImmutableArray<string> ControllerAttributes = ImmutableArray.Create(
            "Microsoft.AspNetCore.Mvc.ApiControllerAttribute", "Microsoft.AspNetCore.Mvc.ControllerAttribute");

        public const string NonControllerAttribute = "Microsoft.AspNetCore.Mvc.NonControllerAttribute";

        public const string NonActionAttribute = "Microsoft.AspNetCore.Mvc.NonActionAttribute";

        /// <summary>Razor Pages call public instance methods of a page model whose name starts with this (OnGet, OnPostAsync).</summary>
        public const string PageHandlerPrefix = "On";

        /// <summary>Convention-based middleware: a method of these names whose first parameter is the HttpContext.</summary>
        public static readonly ImmutableHashSet<string> MiddlewareMethods = ImmutableHashSet.Create("Invoke", "InvokeAsync");

        /// <summary>Minimal-API registrations that take a handler delegate or method group.</summary>
        public static readonly ImmutableHashSet<string> HandlerMapMethods = ImmutableHashSet.Create(
            "Map", "MapGet", "MapPost", "MapPut", "MapDelete", "MapPatch", "MapMethods", "MapFallback");

        /// <summary>Registrations of controllers and pages by convention: conventions chained on them apply to every action.</summary>
        public static readonly ImmutableHashSet<string> ControllerMapMethods = ImmutableHashSet.Create(
            "MapControllers", "MapControllerRoute", "MapDefaultControllerRoute", "MapAreaControllerRoute", "MapRazorPages");

        /// <summary>Authorization attributes: one lifts any requirement, the other asks for a login (and maybe a policy).</summary>
        public const string AllowAnonymousAttribute = "Microsoft.AspNetCore.Authorization.AllowAnonymousAttribute";

        public const string AuthorizeAttribute = "Microsoft.AspNetCore.Authorization.AuthorizeAttribute";

        /// <summary>The MVC filter a global <c>options.Filters.Add(new AuthorizeFilter("policy"))</c> puts in front of every action.</summary>
        public const string AuthorizeFilter = "Microsoft.AspNetCore.Mvc.Authorization.AuthorizeFilter";

        /// <summary>Endpoint conventions with the same meaning as the attributes (and WithMetadata(new AuthorizeAttribute(...))).</summary>
        public const string AllowAnonymousConvention = "AllowAnonymous";

        public const string RequireAuthorizationConvention = "RequireAuthorization";

        public const string WithMetadataConvention = "WithMetadata";

        /// <summary>Minimal-API endpoint filters chained on a route or group: <c>.AddEndpointFilter&lt;T&gt;()</c>, <c>.AddEndpointFilter(async (context, next) => ...)</c>.</summary>
        public const string AddEndpointFilterConvention = "AddEndpointFilter";

        /// <summary>
        /// The methods through which a filter runs before the code it guards (MVC action, resource, authorization and page
        /// filters, minimal-API endpoint filters, SignalR hub filters): one that calls an identity gate first verifies
        /// real identity for what it guards.
        /// </summary>
        public static readonly ImmutableHashSet<string> FilterGateMethods = ImmutableHashSet.Create(
            "OnActionExecutionAsync", "OnActionExecuting", "OnResourceExecutionAsync", "OnResourceExecuting", "OnAuthorizationAsync", "OnAuthorization",
            "OnPageHandlerExecutionAsync", "OnPageHandlerExecuting", "InvokeAsync", "InvokeMethodAsync");

        /// <summary>
        /// SignalR hub filters: <c>AddSignalR(o => o.AddFilter&lt;T&gt;())</c> runs one in front of every hub method, and
        /// <c>.AddHubOptions&lt;THub&gt;(o => o.AddFilter&lt;T&gt;())</c> in front of one hub's.
        /// </summary>
        public const string HubFilterAddMethod = "AddFilter";

        public const string HubFilterExtensions = "Microsoft.AspNetCore.SignalR.HubOptionsExtensions";

        public const string HubOptionsForHubMethod = "AddHubOptions";

        /// <summary>Attributes that name a filter type to run (<c>[ServiceFilter(typeof(RealNameFilter))]</c>).</summary>
        public static readonly ImmutableHashSet<string> FilterTypeAttributes = ImmutableHashSet.Create(
            "Microsoft.AspNetCore.Mvc.ServiceFilterAttribute", "Microsoft.AspNetCore.Mvc.TypeFilterAttribute");

        // ---- Text carriers: what the result of an unknown call can hold the text it was given in (Flow.ContentCarriers). ----

        /// <summary>Namespaces all of whose types hold text or markup (JSON trees, HTML content, Razor markup).</summary>
        public static readonly ImmutableHashSet<string> TextCarrierNamespaces = ImmutableHashSet.Create(
            "System.Text.Json", "System.Text.Json.Nodes", "Newtonsoft.Json.Linq", "Microsoft.AspNetCore.Html", "Microsoft.AspNetCore.Components");

        /// <summary>Single types that hold text or bytes (metadata names).</summary>
        public static readonly ImmutableHashSet<string> TextCarrierTypes = ImmutableHashSet.Create(
            "System.Text.StringBuilder", "System.Memory`1", "System.ReadOnlyMemory`1", "System.BinaryData", "System.Uri", "System.FormattableString");

        /// <summary>Families of types by name ending (streams, readers and writers; HTTP contents).</summary>
        public static readonly ImmutableArray<(string Namespace, string Suffix)> TextCarrierSuffixes = ImmutableArray.Create(
            ("System.IO", "Stream"), ("System.IO", "Reader"), ("System.IO", "Writer"), ("System.Net.Http", "Content"), ("System.Net.Http.Json", "Content"));

        /// <summary>LINQ's operator classes: their results are the source's elements, or what a projection makes of them.</summary>
        public static readonly ImmutableHashSet<string> LinqOperatorTypes = ImmutableHashSet.Create("System.Linq.Enumerable", "System.Linq.Queryable", "System.Linq.AsyncEnumerable");

        /// <summary>LINQ operators that return one element of their source (with the elements' members).</summary>
        public static readonly ImmutableHashSet<string> LinqElementOperators = ImmutableHashSet.Create(
            "First", "FirstOrDefault", "FirstAsync", "FirstOrDefaultAsync", "Single", "SingleOrDefault", "SingleAsync", "SingleOrDefaultAsync",
            "Last", "LastOrDefault", "ElementAt", "ElementAtOrDefault", "MaxBy", "MinBy");

        /// <summary>LINQ projections: the result holds what the selector returns, not the source's elements.</summary>
        public static readonly ImmutableHashSet<string> LinqProjections = ImmutableHashSet.Create("Select", "SelectMany");

        /// <summary>
        /// LINQ operators that hold only what their selectors return when given a key and an element selector
        /// (<c>ToDictionary(e =&gt; e.Name, e =&gt; (long)e.Value)</c>); with a key selector alone the values are the source's.
        /// </summary>
        public static readonly ImmutableHashSet<string> LinqKeyedProjections = ImmutableHashSet.Create("ToDictionary", "ToImmutableDictionary", "ToFrozenDictionary");

        /// <summary>
        /// Members of store entries that hold the key the app chose, not the stored content (a Redis hash field's name):
        /// reading one reads none of what was stored. Type full name, member names.
        /// </summary>
        public static readonly ImmutableDictionary<string, ImmutableArray<string>> StoreKeyMembers = ImmutableDictionary.CreateRange(new[]
        {
            new KeyValuePair<string, ImmutableArray<string>>("StackExchange.Redis.HashEntry", ImmutableArray.Create("Name")),
            new KeyValuePair<string, ImmutableArray<string>>("StackExchange.Redis.NameValueEntry", ImmutableArray.Create("Name")),
            new KeyValuePair<string, ImmutableArray<string>>("StackExchange.Redis.SortedSetEntry", ImmutableArray.Create("Score")),
        });

        /// <summary>
        /// LINQ groupings: each group's <see cref="GroupingKey"/> is what the key selector returns, and its elements are the
        /// source's (or what an element selector returns), so <c>GroupBy(m =&gt; m.Model).Select(g =&gt; g.Key)</c> reads no message text.
        /// </summary>
        public static readonly ImmutableHashSet<string> LinqGroupings = ImmutableHashSet.Create("GroupBy", "ToLookup");

        /// <summary>The member of <c>System.Linq.IGrouping&lt;TKey, TElement&gt;</c> that holds the group's key.</summary>
        public const string GroupingKey = "Key";

        /// <summary>The grouping interface (metadata name and namespace) whose lambda parameters keep the group's key (<see cref="LinqGroupings"/>).</summary>
        public const string GroupingTypeName = "IGrouping`2";

        /// <inheritdoc cref="GroupingTypeName"/>
        public const string GroupingNamespace = "System.Linq";

        /// <summary>Results that wrap one value as it is (<c>Task.FromResult(x)</c>): the value keeps its members through them.</summary>
        public static readonly ImmutableHashSet<string> AwaitableWrappers = ImmutableHashSet.Create(
            "System.Threading.Tasks.Task<TResult>", "System.Threading.Tasks.ValueTask<TResult>");

        /// <summary>Methods that add content to the object they are called on (collections, builders, writers).</summary>
        public static readonly ImmutableHashSet<string> MutatorMethods = ImmutableHashSet.Create(
            "Add", "AddRange", "Insert", "InsertRange", "Push", "Enqueue", "TryAdd", "AddOrUpdate", "TryUpdate", "TryWrite", "WriteAsync", "Write", "WriteLine", "WriteLineAsync",
            "Append", "AppendLine", "AppendFormat", "AppendJoin", "AppendFormatted", "Set", "SetValue", "AddMessage", "AddUserMessage", "AddAssistantMessage",
            "AddSystemMessage", "AddMessages", "Complete", "TryComplete");

        /// <summary>Every type the rows above name (a test resolves each against the real packages).</summary>
        public static IEnumerable<string> AllTypeNames =>
            GenerationSources.Select(r => r.TypeName)
                .Concat(BiometricEditors.Select(r => r.TypeName)).Concat(SpeechSynthesis.Select(r => r.TypeName)).Concat(StepApis.Select(r => r.TypeName)).Concat(MediaTypes)
                .Concat(PublishPoints.Select(r => r.TypeName))
                .Concat(PublishingResultTypes).Concat(ChannelTypes).Concat(ChannelFactoryTypes)
                .Concat(ChannelMembers.Select(m => m.TypeName)).Concat(UserInputMembers.Select(m => m.TypeName)).Concat(FrameworkEndpointMethods.Select(m => m.TypeName)).Concat(FrameworkEndpointConfigurations.Select(m => m.TypeName))
                .Concat(HandlerRegistrations.Select(r => r.TypeName))
                .Concat(BotEvents.Select(m => m.TypeName)).Concat(BotHandlerMethods.Select(m => m.TypeName))
                .Concat(ChannelCallbacks.Select(m => m.TypeName)).Concat(HttpSends.Select(m => m.TypeName)).Concat(DeclaredHttpRouteAttributes).Concat(ModelFunctionFactories.Select(m => m.TypeName)).Concat(WholeTextMembers.Select(m => m.TypeName)).Concat(UserRoles.Select(m => m.TypeName))
                .Concat(MediatorDispatches.Select(m => m.TypeName)).Concat(MediatorDispatches.SelectMany(m => m.HandlerInterfaces)).Concat(ModelInvokedFunctionAttributes)
                .Concat(RenderMethods.Select(m => m.TypeName)).Concat(ComponentLifecycleMethods.Select(m => m.TypeName))
                .Concat(ServiceBindingAttributes).Concat(InputPropertyAttributes).Concat(BoundValueCallbackFactories).Concat(new[] { ComponentParameterAttribute, ComponentRouteAttribute, HubFilterExtensions }).Concat(KeyedCacheTypes)
                .Concat(MessageBusSends.Select(m => m.TypeName)).Concat(MessageBusMessages.Select(m => m.TypeName)).Concat(StoreKeyMembers.Keys)
                .Concat(InputTypes).Concat(ServiceParameterAttributes).Concat(InputParameterAttributes)
                .Concat(ControllerAttributes).Concat(FilterTypeAttributes).Concat(new[] { NonControllerAttribute, NonActionAttribute, AllowAnonymousAttribute, AuthorizeAttribute, AuthorizeFilter })
                .Distinct();

        /// <summary>Rows that name a member: (type, members) pairs, for telling when a referenced package lacks them (DSYN909).</summary>
        public static IEnumerable<(string TypeName, IReadOnlyCollection<string> Members)> MemberRows =>
            GenerationSources.Select(r => (r.TypeName, (IReadOnlyCollection<string>)r.Members))
                .Concat(PublishPoints.Select(r => (r.TypeName, (IReadOnlyCollection<string>)r.Members)))
                .Concat(HandlerRegistrations.Select(r => (r.TypeName, (IReadOnlyCollection<string>)r.Members)))
                .Concat(StoreKeyMembers.Select(r => (r.Key, (IReadOnlyCollection<string>)r.Value)))
                .Concat(ChannelMembers.Concat(UserInputMembers).Concat(FrameworkEndpointMethods).Concat(BotEvents).Concat(BotHandlerMethods).Concat(RenderMethods)
                    .Concat(ComponentLifecycleMethods).Concat(ChannelCallbacks).Concat(HttpSends).Concat(ModelFunctionFactories).Concat(WholeTextMembers).Concat(UserRoles)
                    .Concat(MessageBusSends).Concat(MessageBusMessages).Concat(FrameworkEndpointConfigurations)
                    .Concat(MediatorDispatches.Select(m => new MemberRef(m.TypeName, m.Member)))
                    .Concat(MediatorDispatches.SelectMany(m => m.HandlerInterfaces.Select(i => new MemberRef(i, m.HandlerMethod))))
                    .GroupBy(m => m.TypeName).Select(g => (g.Key, (IReadOnlyCollection<string>)g.Select(m => m.Member).ToList())));

        /// <summary>Types only older (or only newer) versions of their package define; a version lacking them is not drift.</summary>
        public static readonly ImmutableHashSet<string> OlderVersionRows = ImmutableHashSet.Create(
            "Azure.AI.OpenAI.OpenAIClient", "OpenAI.Responses.OpenAIResponseClient", "Telegram.Bot.Polling.PollingExtensions",
            // Newer only (MediatR 9.0+): an app on an older MediatR lacks them without drift.
            "MediatR.ISender", "MediatR.IPublisher");

        /// <summary>
        /// Rows whose package no test references, because the package mirror of the build machines does not serve it. They
        /// resolve in real apps that reference the package; the resolution test names them so a new unresolved row fails it.
        /// </summary>
        public static readonly ImmutableArray<string> RowsWithoutTestPackage = ImmutableArray.Create(
            // Discord.Net, Bot Framework (Microsoft.Bot.*) and Semantic Kernel agents: not served by the build machines' mirror.
            "Discord.IDiscordInteraction", "Discord.IMessage", "Discord.IMessageChannel", "Discord.MessageExtensions",
            "Discord.WebSocket.BaseSocketClient", "Discord.WebSocket.SocketMessage",
            "Microsoft.Bot.Builder.ActivityHandler", "Microsoft.Bot.Builder.IBot", "Microsoft.Bot.Builder.ITurnContext",
            "Microsoft.Bot.Schema.Activity", "Microsoft.Bot.Schema.IMessageActivity",
            "Microsoft.SemanticKernel.Agents.Agent",
            // Tencent Cloud (TencentCloudSDK) and the Azure Speech SDK: not served by the build machines' mirror.
            "TencentCloud.Facefusion.V20220927.FacefusionClient", "TencentCloud.Facefusion.V20181201.FacefusionClient",
            "Microsoft.CognitiveServices.Speech.SpeechSynthesizer",
            // Older versions of packages the tests reference at a newer version: Azure.AI.OpenAI 1.0 beta, OpenAI 2.x before
            // the responses client was renamed, Telegram.Bot before polling moved into the client.
            "Azure.AI.OpenAI.OpenAIClient", "OpenAI.Responses.OpenAIResponseClient", "Telegram.Bot.Polling.PollingExtensions",
            // MediatR 9.0+ (ISender, IPublisher): the mirror serves MediatR 5.1, which the tests reference.
            "MediatR.ISender", "MediatR.IPublisher");
    }
}
