using System.Globalization;
using System.Text;

namespace DeepSynth.Analyzers.Benchmarks.Generation;

/// <summary>
/// Code built to stress the engine's bounds: each shape grows with <c>size</c>, and analysis time must grow no faster
/// than the code does (the engine's depth bound, summary cache and fixed-point limits are what keep it so).
/// </summary>
public static class WorstCases
{
    public enum Shape
    {
        /// <summary>A chain of <c>size</c> methods, the last of which calls the model, with an endpoint calling each link.</summary>
        DeepCallChain,

        /// <summary>One endpoint whose body has <c>size</c> statements transforming generated content, with branches and loops.</summary>
        HugeMethod,

        /// <summary>An interface with <c>size</c> implementations, each generating, called by <c>size</c> endpoints through the interface.</summary>
        WideInterface,

        /// <summary>
        /// <c>size</c> entity types sharing member names, each enriched with generated text by a service and saved to a
        /// store, and read back from the store by an endpoint: the heap model's writers-by-name lookup at its widest.
        /// </summary>
        WideEntityModel,

        /// <summary>
        /// <c>size</c> Razor pages (in the generator's output form), each keeping a conversation it hands to its own list
        /// component, every list handing each message to one shared item component: the component-parameter hand-off at
        /// its widest (one parameter with <c>size</c> writers, each reading another parameter).
        /// </summary>
        RazorComponentTree,
    }

    public static IReadOnlyList<GeneratedFile> Generate(Shape shape, int size)
    {
        var body = shape switch
        {
            Shape.DeepCallChain => DeepCallChain(size),
            Shape.HugeMethod => HugeMethod(size),
            Shape.WideInterface => WideInterface(size),
            Shape.WideEntityModel => WideEntityModel(size),
            Shape.RazorComponentTree => RazorComponentTree(size),
            _ => throw new ArgumentOutOfRangeException(nameof(shape)),
        };

        // The Razor generator's output is recognised by its file name (Flow/RazorGeneratedCode.cs).
        var name = shape == Shape.RazorComponentTree ? $"{shape}_razor.g.cs" : $"{shape}.cs";
        return ProjectGenerator.Generate(new ProjectShape(0)).Append(new GeneratedFile(name, body, true)).ToList();
    }

    private static string N(int i) => i.ToString(CultureInfo.InvariantCulture);

    private static string DeepCallChain(int size)
    {
        var code = new StringBuilder("namespace Generated;\n\npublic sealed class Chain(IChatClient chat)\n{\n");
        for (var i = 0; i < size; i++)
        {
            code.Append($"    public async Task<string> Step{N(i)}(string input) => (await Step{N(i + 1)}(input + \"{N(i)}\")).Trim();\n");
        }

        code.Append($"    public async Task<string> Step{N(size)}(string input) => (await chat.GetResponseAsync(input)).Text;\n}}\n\n");
        code.Append("[ApiController]\n[Route(\"chain\")]\npublic sealed class ChainController(Chain chain) : ControllerBase\n{\n");
        for (var i = 0; i <= size; i++)
        {
            code.Append($"    [HttpGet(\"{N(i)}\")] public async Task<string> Get{N(i)}(string question) => await chain.Step{N(i)}(question);\n");
        }

        code.Append("}\n");
        return code.ToString();
    }

    private static string HugeMethod(int size)
    {
        var code = new StringBuilder("""
            namespace Generated;

            [ApiController]
            [Route("huge")]
            public sealed class HugeController(IChatClient chat) : ControllerBase
            {
                [HttpPost]
                public async Task<IActionResult> Post(string question, int mode)
                {
                    var text = (await chat.GetResponseAsync(question)).Text;
                    var other = "";

            """);
        for (var i = 0; i < size; i++)
        {
            code.Append((i % 4) switch
            {
                0 => $"        if (mode == {N(i)}) {{ other = text.Replace(\"a{N(i)}\", \"b\"); }} else {{ text = text.Trim(); }}\n",
                1 => $"        for (var i{N(i)} = 0; i{N(i)} < mode; i{N(i)}++) {{ other += text[i{N(i)} % text.Length]; }}\n",
                2 => $"        text = mode > {N(i)} ? other : text + \"{N(i)}\";\n",
                _ => $"        if (other.Length > {N(i)}) {{ Steps.EnsureAllowed(other); }}\n",
            });
        }

        code.Append("""
                    Steps.Record(text);
                    return Ok(other + text);
                }
            }

            """);
        return code.ToString();
    }

    private static string WideInterface(int size)
    {
        var code = new StringBuilder("namespace Generated;\n\npublic interface IWriter { Task<string> WriteAsync(string topic); }\n\n");
        for (var i = 0; i < size; i++)
        {
            code.Append($$"""
                public sealed class Writer{{N(i)}}(IChatClient chat) : IWriter
                {
                    public async Task<string> WriteAsync(string topic) => (await chat.GetResponseAsync("{{N(i)}}" + topic)).Text;
                }

                [ApiController]
                [Route("writer{{N(i)}}")]
                public sealed class WriterController{{N(i)}}(IWriter writer) : ControllerBase
                {
                    [HttpGet]
                    public async Task<string> Get(string topic) => await writer.WriteAsync(topic);
                }


                """);
        }

        return code.ToString();
    }

    private static string WideEntityModel(int size)
    {
        var code = new StringBuilder("namespace Generated;\n\npublic interface IEntityStore<T> { T Find(int id); void Save(T item); }\n\n");
        for (var i = 0; i < size; i++)
        {
            code.Append($$"""
                public sealed class Entity{{N(i)}}
                {
                    public int Id { get; set; }
                    public string Title { get; set; } = "";
                    public string Body { get; set; } = "";
                    public string Summary { get; set; } = "";
                    public string Tags { get; set; } = "";
                    public string Author { get; set; } = "";
                }

                public sealed class Enricher{{N(i)}}(IChatClient chat, IEntityStore<Entity{{N(i)}}> store)
                {
                    public async Task EnrichAsync(Entity{{N(i)}} entity)
                    {
                        entity.Summary = (await chat.GetResponseAsync(entity.Body)).Text;
                        entity.Tags = entity.Title.ToUpperInvariant();
                        store.Save(entity);
                    }
                }

                [ApiController]
                [Route("entity{{N(i)}}")]
                public sealed class EntityController{{N(i)}}(IEntityStore<Entity{{N(i)}}> store) : ControllerBase
                {
                    [HttpGet("{id}")]
                    public string Get(int id)
                    {
                        var entity = store.Find(id);
                        return entity.Title + "\n" + entity.Summary + "\n" + entity.Author;
                    }
                }


                """);
        }

        return code.ToString();
    }

    private static string RazorComponentTree(int size)
    {
        var code = new StringBuilder("""
            // <auto-generated/>
            namespace Generated.Components;

            using Microsoft.AspNetCore.Components;

            public partial class MessageItem : ComponentBase
            {
                [Parameter] public ChatMessage Message { get; set; } = default!;

                protected override void BuildRenderTree(Microsoft.AspNetCore.Components.Rendering.RenderTreeBuilder __builder)
                {
                    if (Message.Role == ChatRole.User) { __builder.AddContent(0, Message.Text); }
                    else { __builder.AddMarkupContent(1, Message.Text); }
                }
            }


            """);
        for (var i = 0; i < size; i++)
        {
            code.Append($$"""
                [Route("/chat{{N(i)}}")]
                public partial class ChatPage{{N(i)}}(IChatClient chat) : ComponentBase
                {
                    private readonly List<ChatMessage> messages = new();
                    private string prompt = "";

                    protected override void BuildRenderTree(Microsoft.AspNetCore.Components.Rendering.RenderTreeBuilder __builder)
                    {
                        __builder.AddAttribute(0, "onchange", EventCallback.Factory.CreateBinder(this, __value => prompt = __value, prompt));
                        __builder.AddAttribute(1, "onclick", EventCallback.Factory.Create(this, Send));
                        __builder.OpenComponent<MessageList{{N(i)}}>(2);
                        __builder.AddComponentParameter(3, nameof(MessageList{{N(i)}}.Messages), messages);
                        __builder.CloseComponent();
                    }

                    private async Task Send()
                    {
                        messages.Add(new ChatMessage(ChatRole.User, prompt));
                        messages.AddMessages(await chat.GetResponseAsync(messages));
                    }
                }

                public partial class MessageList{{N(i)}} : ComponentBase
                {
                    [Parameter] public IEnumerable<ChatMessage> Messages { get; set; } = [];

                    protected override void BuildRenderTree(Microsoft.AspNetCore.Components.Rendering.RenderTreeBuilder __builder)
                    {
                        foreach (var message in Messages)
                        {
                            __builder.OpenComponent<MessageItem>(0);
                            __builder.AddComponentParameter(1, nameof(MessageItem.Message), message);
                            __builder.CloseComponent();
                        }
                    }
                }


                """);
        }

        return code.ToString();
    }
}
