using System.Collections.Immutable;
using System.Linq;
using DeepSynth.Analyzers.Flow;
using DeepSynth.Analyzers.Infrastructure;
using Microsoft.CodeAnalysis;

namespace DeepSynth.Analyzers.Catalogue
{
    /// <summary>A generation API: a type and the members on it that generate content of one media kind.</summary>
    internal sealed class SourceApi
    {
        public SourceApi(string typeName, MediaKind media, params string[] members)
        {
            TypeName = typeName;
            Media = media;
            Members = ImmutableHashSet.Create(members);
        }

        public string TypeName { get; }

        public MediaKind Media { get; }

        public ImmutableHashSet<string> Members { get; }
    }

    /// <summary>
    /// A compliance step or a step that undoes one, known by type and member names: a metadata-dropping encoder
    /// (SkiaSharp's Encode), the SDK's unlabeled-export gate or propagation inspector. <see cref="Kind"/> says which; the
    /// duty table says what each kind establishes.
    /// </summary>
    internal sealed class StepApi
    {
        public StepApi(string typeName, StepKind kind, params string[] members)
        {
            TypeName = typeName;
            Kind = kind;
            Members = ImmutableHashSet.Create(members);
        }

        public string TypeName { get; }

        public StepKind Kind { get; }

        public ImmutableHashSet<string> Members { get; }
    }

    /// <summary>A publishing API: a type, its publishing members, and the names of the parameters that carry content.</summary>
    internal sealed class PublishApi
    {
        /// <summary>Content parameters of result factories (Ok(value), File(fileContents), Content(content), ...).</summary>
        public static readonly ImmutableArray<string> ResultParameters = ImmutableArray.Create(
            "value", "data", "content", "contents", "fileContents", "fileStream", "stream", "values", "error", "detail", "model",
            "utf8Content", "text", "body", "html");

        public static readonly ImmutableArray<string> SignalRArguments = ImmutableArray.Create(
            "arg1", "arg2", "arg3", "arg4", "arg5", "arg6", "arg7", "arg8", "arg9", "arg10", "args");

        public static readonly ImmutableArray<string> BotParameters = ImmutableArray.Create(
            "text", "photo", "audio", "voice", "video", "document", "animation", "caption", "media", "stream", "attachment", "attachments",
            "embed", "embeds", "message", "entities", "filePath");

        public PublishApi(string typeName, ImmutableArray<string> contentParameters, params string[] members)
            : this(typeName, contentParameters, false, members)
        {
        }

        public PublishApi(string typeName, ImmutableArray<string> contentParameters, bool publishesViewState, params string[] members)
        {
            TypeName = typeName;
            ContentParameters = contentParameters;
            PublishesViewState = publishesViewState;
            Members = ImmutableHashSet.Create(members);
        }

        /// <summary>MVC views also render what the controller put in ViewData, ViewBag and TempData.</summary>
        public bool PublishesViewState { get; }

        public string TypeName { get; }

        public ImmutableArray<string> ContentParameters { get; }

        public ImmutableHashSet<string> Members { get; }
    }

    /// <summary>A model's HTTP route: a request whose URL contains <see cref="Path"/> (compared without case) generates <see cref="Media"/>.</summary>
    internal sealed class ModelEndpoint
    {
        public ModelEndpoint(string path, MediaKind media, string? hostHint = null, string? alternativeHint = null)
        {
            Path = path;
            Media = media;
            HostHints = new[] { hostHint, alternativeHint }.Where(h => h != null).Select(h => h!).ToImmutableArray();
        }

        public string Path { get; }

        /// <summary>
        /// For paths that apps and other services use too (Ollama's /api/chat, Anthropic's /v1/messages, which SMS and chat
        /// gateways share): the URL, or the code that sends it, must also name the model server (its port or name), or the
        /// request is not taken for a model call.
        /// </summary>
        public ImmutableArray<string> HostHints { get; }

        /// <summary>
        /// Whether a URL text (lower case, relative or absolute) calls this route. <paramref name="context"/> (lower case)
        /// names the code that sends it (its class, method and file): a relative URL's base address is configured
        /// elsewhere, so a client class named after the provider (<c>ClaudeClient</c>) is what tells its route apart.
        /// </summary>
        public bool Matches(string url, string? context = null) =>
            url.IndexOf(Path, System.StringComparison.Ordinal) >= 0 &&
            (HostHints.IsEmpty || HostHints.Any(h => url.IndexOf(h, System.StringComparison.Ordinal) >= 0 ||
                                                     (context != null && context.IndexOf(h, System.StringComparison.Ordinal) >= 0)));

        public MediaKind Media { get; }
    }

    /// <summary>
    /// A mediator's dispatch: a call of <see cref="Member"/> on <see cref="TypeName"/> hands its first argument to the
    /// <see cref="HandlerMethod"/> of every type implementing one of <see cref="HandlerInterfaces"/> whose first type
    /// argument is the argument's type (MediatR's <c>Send(request)</c> runs <c>IRequestHandler&lt;TRequest, TResponse&gt;.Handle</c>).
    /// </summary>
    internal sealed class MediatorDispatch
    {
        public MediatorDispatch(string typeName, string member, string handlerMethod, params string[] handlerInterfaces)
        {
            TypeName = typeName;
            Member = member;
            HandlerMethod = handlerMethod;
            HandlerInterfaces = ImmutableArray.Create(handlerInterfaces);
        }

        public string TypeName { get; }

        public string Member { get; }

        public string HandlerMethod { get; }

        /// <summary>Generic interfaces (metadata names) whose first type argument is the request type.</summary>
        public ImmutableArray<string> HandlerInterfaces { get; }
    }

    /// <summary>
    /// Message handlers a framework finds by convention and calls with every parameter after the message resolved from the
    /// container (method injection): a method named one of <see cref="Methods"/> on a class whose name ends with one of
    /// <see cref="ClassSuffixes"/>, in a compilation that references <see cref="MarkerType"/>.
    /// </summary>
    internal sealed class MethodInjectionConvention
    {
        public MethodInjectionConvention(string markerType, string[] classSuffixes, string[] methods)
        {
            MarkerType = markerType;
            ClassSuffixes = ImmutableArray.Create(classSuffixes);
            Methods = ImmutableHashSet.Create(methods);
        }

        /// <summary>A type of the framework (metadata name): the convention holds only where it is referenced.</summary>
        public string MarkerType { get; }

        public ImmutableArray<string> ClassSuffixes { get; }

        public ImmutableHashSet<string> Methods { get; }

        public bool Matches(IMethodSymbol method, Compilation compilation) =>
            Methods.Contains(method.Name) && method.ContainingType is { } type &&
            ClassSuffixes.Any(suffix => type.Name.EndsWith(suffix, System.StringComparison.Ordinal)) &&
            compilation.GetTypeByMetadataName(MarkerType) != null;
    }

    /// <summary>A member of a type, by name.</summary>
    internal readonly struct MemberRef
    {
        public MemberRef(string typeName, string member)
        {
            TypeName = typeName;
            Member = member;
        }

        public string TypeName { get; }

        public string Member { get; }

        /// <summary>Whether <paramref name="member"/> is this row's member of this row's type (not of a derived type).</summary>
        public bool Names(ISymbol member) => member.Name == Member && member.DeclaringType()?.FullName() == TypeName;
    }

    /// <summary>Methods that take a handler delegate which becomes an entry point of the given kind.</summary>
    internal sealed class HandlerRegistration
    {
        public HandlerRegistration(string typeName, EntryKind kind, params string[] members)
        {
            TypeName = typeName;
            Kind = kind;
            Members = ImmutableHashSet.Create(members);
        }

        public string TypeName { get; }

        public EntryKind Kind { get; }

        public ImmutableHashSet<string> Members { get; }
    }

    /// <summary>The kinds of entry points: code that runs on behalf of a user and answers them.</summary>
    internal enum EntryKind
    {
        None = 0,
        MvcAction,
        RazorPageHandler,
        HubMethod,
        MinimalApiHandler,
        Middleware,
        BotHandler,
        /// <summary>Renders to a user: a Razor component's BuildRenderTree, a Razor view's or page's ExecuteAsync.</summary>
        PageRender,
        /// <summary>A Razor component's lifecycle method or a method bound to one of its events (@onclick="Ask").</summary>
        ComponentHandler,
        /// <summary>A gRPC service method (an override of a method of a generated <c>*Base</c> class).</summary>
        GrpcMethod,
        /// <summary>An HTTP endpoint method of a framework the catalogue knows (FastEndpoints' HandleAsync).</summary>
        FrameworkEndpoint,
        /// <summary>A method deepsynth.json names under catalogue.entryPoints (or an implementation of one).</summary>
        Configured,
    }
}
