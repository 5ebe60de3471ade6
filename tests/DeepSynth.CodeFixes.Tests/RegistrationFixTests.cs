using DeepSynth.Analyzers;
using DeepSynth.CodeFixes.Fixes;
using DeepSynth.TestSupport;
using Microsoft.CodeAnalysis;

namespace DeepSynth.CodeFixes.Tests;

/// <summary>DSYN908: SDK services injected in an app that never registers the SDK, and the fix that registers it.</summary>
public class RegistrationFixTests
{
    private const string Program = """
        using DeepSynth.Compliance.Labeling;

        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddScoped<AnswerService>();
        var app = builder.Build();

        app.MapGet("/hello", (IAigcTextLabeler label) => label.Label("hello"));
        app.MapGet("/audit", (HttpContext context) => context.RequestServices.GetRequiredService<DeepSynth.Compliance.Audit.ISynthesisAuditLog>().ToString());
        app.Run();

        public sealed class AnswerService(DeepSynth.Compliance.Review.IContentReviewer review)
        {
            public DeepSynth.Compliance.Review.IContentReviewer Review { get; } = review;
        }
        """;

    private static readonly CodeFixRunner Runner = new(new ComplianceRegistrationAnalyzer(), new RegisterComplianceFixProvider());

    [Fact]
    public async Task Every_injection_site_is_reported_when_nothing_registers_the_sdk()
    {
        var diagnostics = (await Runner.AnalyzeAsync(AppProject(Program))).Where(d => d.Id == "DSYN908").ToList();

        Assert.Equal(new[] { "IAigcTextLabeler", "ISynthesisAuditLog", "IContentReviewer" }, diagnostics.Select(d => d.Properties["DeepSynth.Service"]));
        Assert.All(diagnostics, d => Assert.Equal(DiagnosticSeverity.Warning, d.Severity));
        Assert.Contains("AddDeepSynthCompliance", diagnostics[0].GetMessage());
    }

    [Theory]
    [InlineData("builder.Services.AddDeepSynthCompliance(o => o.ProviderCode = \"ACME\");")]
    [InlineData("ComplianceServiceCollectionExtensions.AddDeepSynthCompliance(builder.Services, o => { });")]
    public async Task Nothing_is_reported_once_the_sdk_is_registered(string registration)
    {
        var registered = Program.Replace("var app = builder.Build();", registration + "\nvar app = builder.Build();");
        Assert.Empty((await Runner.AnalyzeAsync(AppProject(registered))).Where(d => d.Id == "DSYN908"));
    }

    [Fact]
    public async Task A_service_the_app_registers_itself_is_not_reported()
    {
        var own = Program.Replace("var app = builder.Build();", "builder.Services.AddSingleton<IAigcTextLabeler>(new AigcTextLabeler(new TextLabelOptions()));\nvar app = builder.Build();");
        var services = (await Runner.AnalyzeAsync(AppProject(own))).Where(d => d.Id == "DSYN908").Select(d => d.Properties["DeepSynth.Service"]);
        Assert.Equal(new[] { "ISynthesisAuditLog", "IContentReviewer" }, services);
    }

    [Fact]
    public async Task A_library_is_not_reported_its_app_registers_the_sdk()
    {
        var library = CodeFixRunner.CreateProject(new Dictionary<string, string>
        {
            ["AnswerService.cs"] = "public sealed class AnswerService(DeepSynth.Compliance.Review.IContentReviewer review) { public object Review => review; }",
        });
        Assert.Empty((await Runner.AnalyzeAsync(library)).Where(d => d.Id == "DSYN908"));
    }

    [Fact]
    public async Task The_fix_registers_the_sdk_once_after_the_builder_and_the_app_still_compiles()
    {
        var project = AppProject(Program);
        project = await Runner.FixAllAsync(project, "DSYN908", RegisterComplianceFixProvider.EquivalenceKey);

        var compilation = await project.GetCompilationAsync();
        Assert.Empty(compilation!.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).Select(d => d.ToString()));
        Assert.Empty(await Runner.AnalyzeAsync(project));
        var text = (await project.Documents.Single(d => d.Name == "Program.cs").GetTextAsync()).ToString();
        var lines = text.Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        var builder = lines.FindIndex(l => l.StartsWith("var builder = WebApplication.CreateBuilder", StringComparison.Ordinal));
        Assert.Equal("builder.Services.AddDeepSynthCompliance(options => builder.Configuration.GetSection(\"DeepSynth\").Bind(options));", lines[builder + 1]);
        Assert.Single(lines, l => l.Contains("AddDeepSynthCompliance", StringComparison.Ordinal));

        // Blocked content answers 422 (the SDK's exception handler), not 500.
        var app = lines.FindIndex(l => l.StartsWith("var app = builder.Build();", StringComparison.Ordinal));
        Assert.Equal("app.UseExceptionHandler();", lines[app + 1]);
        Assert.Single(lines, l => l.Contains("UseExceptionHandler", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_app_that_handles_exceptions_itself_keeps_its_handler()
    {
        var own = Program.Replace("var app = builder.Build();", "var app = builder.Build();\napp.UseExceptionHandler(\"/error\");");
        var project = await Runner.FixAllAsync(AppProject(own), "DSYN908", RegisterComplianceFixProvider.EquivalenceKey);
        var text = (await project.Documents.Single(d => d.Name == "Program.cs").GetTextAsync()).ToString();
        Assert.Single(text.Split('\n'), l => l.Contains("UseExceptionHandler", StringComparison.Ordinal));
        Assert.Contains("app.UseExceptionHandler(\"/error\");", text);
        Assert.Contains("AddDeepSynthCompliance", text);
    }

    [Fact]
    public async Task No_fix_is_offered_where_there_is_no_host_builder_to_register_on()
    {
        var noBuilder = """
            using DeepSynth.Compliance.Labeling;
            var app = WebApplication.Create(args);
            app.MapGet("/hello", (IAigcTextLabeler label) => label.Label("hello"));
            app.Run();
            """;
        var project = AppProject(noBuilder);
        var diagnostic = (await Runner.AnalyzeAsync(project)).Single(d => d.Id == "DSYN908");
        Assert.Empty(await Runner.OfferedAsync(project, diagnostic));
    }

    private static Project AppProject(string program) => CodeFixRunner.CreateProject(new Dictionary<string, string>
    {
        ["Program.cs"] = program,
        ["GlobalUsings.g.cs"] = WebSdk.ImplicitUsings,
    }, OutputKind.ConsoleApplication);
}
