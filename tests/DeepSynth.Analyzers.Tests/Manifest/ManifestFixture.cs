using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using DeepSynth.TestSupport.Concurrency;
using Verifier = DeepSynth.TestSupport.AnalyzerVerifier<DeepSynth.Analyzers.ProjectDutiesAnalyzer>;

namespace DeepSynth.Analyzers.Tests.Manifest;

/// <summary>A compliant service (manifest, agreement, footer page, code) that each test breaks in one place.</summary>
internal static class ManifestFixture
{
    public const string ManifestPath = "/0/deepsynth.json";
    public const string AgreementPath = "/0/legal/user-agreement.md";
    public const string FooterPath = "/0/wwwroot/footer.html";

    public const string CompliantManifest = """
        {
          "providerCode": "ACME-CHAT-2025",
          "roles": [ "provider" ],
          "jurisdictions": [ "CN" ],
          "publicOpinionAttributes": true,
          "algorithmFiling": { "number": "Beijing-ACME-202501", "displayedAt": [ "/about", "wwwroot/footer.html" ] },
          "complaints": { "portal": "/api/complaints", "feedbackDays": 7 },
          "userAgreement": { "file": "legal/user-agreement.md", "labelingSection": "5. Labels on AI-generated content" },
          "securityAssessments": [
            { "scope": "publicOpinion", "date": "2025-06-30", "reference": "CAC-SA-2025-014" },
            { "scope": "biometric", "date": "2025-06-30" }
          ],
          "logRetentionDays": 180,
          "rumorRefutation": { "contact": "rumor-desk@acme.example" },
          "users": { "applicable": "Adults in mainland China drafting text", "minors": "notServed" }
        }
        """;

    public const string Agreement = """
        # ACME Chat user agreement

        ## 5. Labels on
        AI-generated content

        Answers carry the label "AI生成". You must not remove it when you share them.
        """;

    public const string Footer = "<footer>算法备案号 Beijing-ACME-202501</footer>";

    /// <summary>A web service that generates text, maps its about page under the root and its complaint portal in a group.</summary>
    public const string Service = """
        public static class Site
        {
            [GeneratedContentSource] public static string Draft(string topic) => "draft about " + topic;

            public static void Map(WebApplication app)
            {
                app.MapGet("/about", () => "ACME Chat");
                var api = app.MapGroup("/api");
                api.MapPost("/complaints", (string text) => Results.Accepted());
            }
        }
        """;

    public static Task VerifyAsync(string code, string manifest, params DiagnosticResult[] expected) =>
        VerifyFilesAsync(code, manifest, Agreement, expected);

    public static Task VerifyFilesAsync(string code, string? manifest, string? agreement, params DiagnosticResult[] expected) =>
        VerifyFilesAsync(code, manifest, agreement, configure: null, expected);

    public static Task VerifyFilesAsync(string code, string? manifest, string? agreement, Action<AnalyzerTestWithConcurrentCopies<ProjectDutiesAnalyzer>>? configure, params DiagnosticResult[] expected) =>
        Verifier.VerifyAsync(new[] { code }, OutputKind.DynamicallyLinkedLibrary, test =>
        {
            if (manifest != null)
            {
                test.TestState.AdditionalFiles.Add((ManifestPath, manifest));
            }

            if (agreement != null)
            {
                test.TestState.AdditionalFiles.Add((AgreementPath, agreement));
            }

            test.TestState.AdditionalFiles.Add((FooterPath, Footer));
            configure?.Invoke(test);
        }, expected);

    /// <summary>The expected diagnostic at the first occurrence of <paramref name="token"/> in the manifest (after <paramref name="after"/>, if given).</summary>
    public static DiagnosticResult At(string id, string manifest, string token, string? after = null)
    {
        var start = after == null ? 0 : manifest.IndexOf(after, StringComparison.Ordinal) + after.Length;
        var index = manifest.IndexOf(token, start, StringComparison.Ordinal);
        Assert.True(index >= 0, $"'{token}' is not in the manifest");

        var line = manifest[..index].Count(c => c == '\n') + 1;
        var column = index - (index == 0 ? 0 : manifest.LastIndexOf('\n', index - 1) + 1) + 1;

        return Verifier.Diagnostic(id).WithSpan(ManifestPath, line, column, line, column + token.Length);
    }

    /// <summary>The expected diagnostic at the start of the manifest (a key missing at the top level).</summary>
    public static DiagnosticResult AtStart(string id) => Verifier.Diagnostic(id).WithSpan(ManifestPath, 1, 1, 1, 1);
}
