using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using DeepSynth.Analyzers;
using DeepSynth.TestSupport;
using Microsoft.CodeAnalysis;

namespace DeepSynth.CodeFixes.Tests;

/// <summary>
/// From fixes to a running app: a copy of the sample, fixed with every rule's Fix All, is built with `dotnet build`,
/// started on 127.0.0.1 with a stub chat model, and called; the answer carries the label, the review and the generation
/// are in the audit log. The copy gets three test-only edits: the stub model instead of OpenAI, a sign-in endpoint that
/// issues a real-name-verified cookie, and nothing else.
/// </summary>
public sealed class FixedSampleRunTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "deepsynth-fixed-sample", Guid.NewGuid().ToString("N"));

    private const string StubChat = """
        using System.Runtime.CompilerServices;
        using Microsoft.Extensions.AI;

        namespace ChatService;

        /// <summary>Test-only model: answers every prompt with the same sentence.</summary>
        public sealed class StubChatClient : IChatClient
        {
            public const string Answer = "Stub answer from the test model.";

            public Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
                Task.FromResult(new ChatResponse(new ChatMessage(ChatRole.Assistant, Answer)) { ModelId = "stub-model" });

            public async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
            {
                await Task.Yield();
                yield return new ChatResponseUpdate(ChatRole.Assistant, Answer);
            }

            public object? GetService(Type serviceType, object? serviceKey = null) => null;

            public void Dispose() { }
        }
        """;

    private const string SignIn = """
        app.MapPost("/test/sign-in", async (HttpContext context) =>
        {
            var identity = new System.Security.Claims.ClaimsIdentity(new[]
            {
                new System.Security.Claims.Claim(System.Security.Claims.ClaimTypes.NameIdentifier, "alice"),
                new System.Security.Claims.Claim("real_name_verified_at", "2025-01-01T00:00:00Z"),
            }, CookieAuthenticationDefaults.AuthenticationScheme);
            await Microsoft.AspNetCore.Authentication.AuthenticationHttpContextExtensions.SignInAsync(context, new System.Security.Claims.ClaimsPrincipal(identity));
        });
        app.Run();
        """;

    [Fact]
    public async Task The_fixed_sample_builds_starts_and_answers_with_the_label_and_an_audit_record()
    {
        var sample = await WriteFixedCopyAsync();
        var build = await DotnetCli.RunAsync(sample, "build", "-c", "Debug", "-nologo", "-m:1");
        Assert.True(build.ExitCode == 0, build.Output);

        var port = FreePort();
        using var app = Start(sample, port);
        try
        {
            using var client = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false })
            {
                BaseAddress = new Uri($"http://127.0.0.1:{port}"),
            };
            await WaitUntilListeningAsync(client, app);

            var anonymous = await client.PostAsync("/api/quick-answer", Json("""{"prompt":"hello"}"""));
            Assert.NotEqual(HttpStatusCode.OK, anonymous.StatusCode); // the fix added RequireRealName: no user, no answer

            Assert.Equal(HttpStatusCode.OK, (await client.PostAsync("/test/sign-in", null)).StatusCode);
            var answer = await client.PostAsync("/api/quick-answer", Json("""{"prompt":"hello"}"""));
            var body = await answer.Content.ReadAsStringAsync();
            Assert.True(answer.StatusCode == HttpStatusCode.OK, body);
            Assert.Contains("AI生成", System.Text.RegularExpressions.Regex.Unescape(body));
            Assert.Contains("Stub answer from the test model.", body);

            var blocked = await client.PostAsync("/api/quick-answer", Json("""{"prompt":"教我刷单返利"}"""));
            Assert.Equal(HttpStatusCode.UnprocessableEntity, blocked.StatusCode);

            var audit = Directory.GetFiles(Path.Combine(sample, "audit-log"), "*", SearchOption.AllDirectories)
                .Where(f => !Path.GetFileName(f).StartsWith(".", StringComparison.Ordinal)).Select(File.ReadAllText).ToList(); // not the lock file
            var log = string.Join("\n", audit);
            Assert.Contains("\"type\":\"generation\"", log);
            Assert.Contains("\"type\":\"review\"", log);
            Assert.Contains("Blocked", log);
        }
        finally
        {
            app.Kill(entireProcessTree: true);
            await app.WaitForExitAsync();
        }
    }

    /// <summary>The sample copied next to the repository's build files, fixed in memory, written back, with the test-only edits.</summary>
    private async Task<string> WriteFixedCopyAsync()
    {
        var source = RepositoryPaths.Combine("samples", "ChatService");
        var target = Path.Combine(_root, "samples", "ChatService");
        foreach (var file in Directory.GetFiles(source, "*", SearchOption.AllDirectories).Where(f => !IsBuildOutput(source, f)))
        {
            var copy = Path.Combine(target, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(copy)!);
            File.Copy(file, copy);
        }

        foreach (var file in new[] { "Directory.Build.props", "Directory.Packages.props", "global.json" })
        {
            File.Copy(RepositoryPaths.Combine(file), Path.Combine(_root, file));
        }

        var src = RepositoryPaths.Combine("src") + Path.DirectorySeparatorChar;
        var csproj = Path.Combine(target, "ChatService.csproj");
        File.WriteAllText(csproj, File.ReadAllText(csproj).Replace("$(MSBuildThisFileDirectory)..\\..\\src\\", src).Replace("..\\..\\src\\", src));

        var sources = Directory.GetFiles(target, "*.cs", SearchOption.AllDirectories).ToDictionary(f => Path.GetRelativePath(target, f), File.ReadAllText);
        sources["ImplicitUsings.g.cs"] = WebSdk.ImplicitUsings;
        var project = CodeFixRunner.CreateProject(sources, OutputKind.ConsoleApplication);
        foreach (var (rule, key, fixer) in FixShapeTests.Steps)
        {
            project = await new CodeFixRunner(new ContentFlowAnalyzer(), fixer).FixAllAsync(project, rule, key, Microsoft.CodeAnalysis.CodeFixes.FixAllScope.Project);
        }

        foreach (var document in project.Documents.Where(d => d.Name != "ImplicitUsings.g.cs"))
        {
            var path = Path.Combine(target, document.Name.Replace('/', Path.DirectorySeparatorChar));
            if (File.Exists(path))
            {
                File.WriteAllText(path, (await document.GetTextAsync()).ToString());
            }
        }

        var program = Path.Combine(target, "Program.cs");
        var text = File.ReadAllText(program);
        Assert.Contains("app.Run();", text);
        text = text.Replace("builder.Services.AddChatClient(openAi.GetChatClient(chatModel).AsIChatClient());", "builder.Services.AddChatClient(new ChatService.StubChatClient());");
        text = text.Replace("app.Run();", SignIn);
        text = text.Replace("var app = builder.Build();", "var app = builder.Build();\napp.UseExceptionHandler();");
        File.WriteAllText(program, text);
        File.WriteAllText(Path.Combine(target, "StubChatClient.cs"), StubChat);
        return target;
    }

    private static bool IsBuildOutput(string root, string file)
    {
        var first = Path.GetRelativePath(root, file).Split(Path.DirectorySeparatorChar)[0];
        return first is "bin" or "obj" or "audit-log" or "unlabeled-export";
    }

    private static Process Start(string sample, int port)
    {
        var start = new ProcessStartInfo("dotnet", Path.Combine(sample, "bin", "Debug", "net10.0", "ChatService.dll"))
        {
            WorkingDirectory = sample,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private static async Task WaitUntilListeningAsync(HttpClient client, Process app)
    {
        for (var attempt = 0; attempt < 120; attempt++)
        {
            Assert.False(app.HasExited, "the fixed sample stopped at start (exit code " + (app.HasExited ? app.ExitCode : 0) + ")");
            try
            {
                await client.GetAsync("/");
                return;
            }
            catch (HttpRequestException)
            {
                await Task.Delay(250);
            }
        }

        Assert.Fail("the fixed sample did not start listening within 30 s");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static StringContent Json(string json) => new(json, System.Text.Encoding.UTF8, "application/json");

    public void Dispose()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }
}
