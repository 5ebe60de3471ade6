namespace DeepSynth.Analyzers.Tests.Surfaces;

/// <summary>
/// A real Blazor and Razor Pages project built with the Web SDK (`dotnet build`): the Razor source generator writes the
/// C# for the .razor and .cshtml files, the analyzer follows content into it, and the warnings point at the Razor files.
/// </summary>
public class RazorBuildTests
{
    private static readonly Dictionary<string, string> Files = new()
    {
        ["Program.cs"] = "var app = WebApplication.CreateBuilder(args).Build();\napp.MapRazorPages();\napp.Run();\n",
        ["Steps.cs"] = SurfaceBuild.Steps,
        ["Components/_Imports.razor"] = "@using Microsoft.AspNetCore.Components.Web\n@using Microsoft.Extensions.AI\n",
        ["Components/Poem.razor"] = """
            @page "/poem"
            <h3>Poem</h3>
            <p>@poem</p>
            <button @onclick="Write">Write</button>
            @code {
                [Inject] public IChatClient Model { get; set; } = default!;
                private string poem = "";
                private async Task Write()
                {
                    var response = await Model.GetResponseAsync("写一首关于春天的诗");
                    poem = response.Text;
                }
            }
            """,
        ["Components/SafePoem.razor"] = """
            @page "/safe-poem"
            @attribute [DeepSynth.Compliance.RequireRealName]
            <h3>Poem</h3>
            <p>@poem</p>
            <p>@status</p>
            <button @onclick="Write">Write</button>
            @code {
                [Inject] public IChatClient Model { get; set; } = default!;
                private string poem = "";
                private string status = "ready";
                private async Task Write()
                {
                    var response = await Model.GetResponseAsync("写一首关于春天的诗");
                    Steps.EnsureAllowed(response.Text);
                    Steps.Record(response.Text);
                    poem = Steps.Label(response.Text);
                }
            }
            """,
        ["Pages/Ask.cshtml"] = """
            @page
            @model App.Pages.AskModel
            <h1>Ask</h1>
            <p>@Model.Answer</p>
            """,
        ["Pages/Ask.cshtml.cs"] = """
            using Microsoft.AspNetCore.Mvc;
            using Microsoft.AspNetCore.Mvc.RazorPages;
            using Microsoft.Extensions.AI;

            namespace App.Pages;

            public class AskModel(IChatClient chat) : PageModel
            {
                [BindProperty] public string Question { get; set; } = "";
                public string Answer { get; private set; } = "";

                public async Task<IActionResult> OnPostAsync()
                {
                    Steps.EnsureAllowed(Question);
                    var response = await chat.GetResponseAsync(Question);
                    Answer = response.Text;
                    return Page();
                }
            }
            """,
    };

    /// <summary>
    /// An MVC controller writes two ViewBag members and one ViewData key; its view renders only ViewBag.Answer. The
    /// unread writes publish nothing (the compiled views are in the compilation, and none reads them).
    /// </summary>
    private static readonly Dictionary<string, string> MvcFiles = new()
    {
        ["Program.cs"] = "var builder = WebApplication.CreateBuilder(args);\nbuilder.Services.AddControllersWithViews();\nvar app = builder.Build();\napp.MapDefaultControllerRoute();\napp.Run();\n",
        ["Controllers/HomeController.cs"] = """
            using Microsoft.AspNetCore.Mvc;
            using Microsoft.Extensions.AI;

            namespace App.Controllers;

            public class HomeController(IChatClient chat) : Controller
            {
                public async Task<IActionResult> Index()
                {
                    var response = await chat.GetResponseAsync("写一首关于春天的诗");
                    ViewBag.Answer = response.Text;
                    return View();
                }

                public async Task<IActionResult> Draft()
                {
                    var response = await chat.GetResponseAsync("写一首关于秋天的诗");
                    ViewBag.Unused = response.Text;
                    ViewData["AlsoUnused"] = response.Text;
                    return View("Index");
                }
            }
            """,
        ["Views/Home/Index.cshtml"] = """
            <h1>Poem</h1>
            <p>@ViewBag.Answer</p>
            <p>@ViewData["Title"]</p>
            """,
    };

    [Fact]
    public async Task View_state_no_compiled_view_reads_publishes_nothing()
    {
        var findings = await SurfaceBuild.FindingsAsync(string.Empty, MvcFiles);
        Assert.Equal(
            new[] { "HomeController.cs:12 DSYN001", "HomeController.cs:12 DSYN002", "HomeController.cs:12 DSYN003", "HomeController.cs:12 DSYN005" },
            findings);
    }

    [Fact]
    public async Task Razor_components_and_pages_report_at_the_razor_files_and_only_there()
    {
        var findings = await SurfaceBuild.FindingsAsync(string.Empty, Files);
        Assert.Equal(
            new[]
            {
                "Ask.cshtml:4 DSYN001", "Ask.cshtml:4 DSYN002", "Ask.cshtml:4 DSYN003", "Ask.cshtml:4 DSYN005",
                "Poem.razor:3 DSYN001", "Poem.razor:3 DSYN002", "Poem.razor:3 DSYN003", "Poem.razor:3 DSYN005",
            },
            findings);
    }

    /// <summary>
    /// A page hands its generated messages to a child component through a parameter (the generator writes that call in
    /// its own hidden plumbing, <c>__builder.AddComponentParameter(2, nameof(...</c>), and the child renders them: the
    /// finding is where the child renders the text, in its .razor file, with the page's identity; the page's own
    /// attribute and the constant title publish nothing, and the count the child shows is not content.
    /// </summary>
    private static readonly Dictionary<string, string> ChildComponentFiles = new()
    {
        ["Program.cs"] = "var app = WebApplication.CreateBuilder(args).Build();\napp.Run();\n",
        ["Components/_Imports.razor"] = "@using Microsoft.AspNetCore.Components.Web\n@using Microsoft.Extensions.AI\n",
        ["Components/Chat.razor"] = """
            @page "/chat"
            <h3>Chat</h3>
            <MessageList Title="Chat"
                         Messages="@messages" />
            <button @onclick="Send">Send</button>
            @code {
                [Inject] public IChatClient Model { get; set; } = default!;
                private readonly List<ChatMessage> messages = new();
                private async Task Send()
                {
                    var response = await Model.GetResponseAsync("写一首关于春天的诗");
                    messages.AddMessages(response);
                }
            }
            """,
        ["Components/MessageList.razor"] = """
            <h4>@Title</h4>
            <p>@Messages.Count()</p>
            @foreach (var message in Messages)
            {
                <p>@message.Text</p>
            }
            @code {
                [Parameter] public required IEnumerable<ChatMessage> Messages { get; set; }
                [Parameter] public string Title { get; set; } = "";
            }
            """,
    };

    [Fact]
    public async Task Content_handed_to_a_child_component_is_reported_where_the_child_renders_it()
    {
        var findings = await SurfaceBuild.FindingsAsync(string.Empty, ChildComponentFiles);
        Assert.Equal(
            new[] { "MessageList.razor:5 DSYN001", "MessageList.razor:5 DSYN002", "MessageList.razor:5 DSYN003", "MessageList.razor:5 DSYN005" },
            findings);
    }
}
