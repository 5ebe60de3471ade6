using System.Collections.Immutable;
using DeepSynth.TestSupport;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace DeepSynth.Analyzers.Tests.Configuration;

/// <summary>
/// One service compiled once, analysed with both analyzers under a given deepsynth.json and .editorconfig options:
/// the configuration diagnostics (DSYN9xx) that come out, and the guarantee that no analyzer threw.
/// </summary>
internal static class ConfigurationHarness
{
    public const string ManifestPath = "/0/deepsynth.json";

    /// <summary>A gateway with a member for every catalogue section, an attribute to name, and code that generates.</summary>
    public const string Service = """
        namespace MyCompany.Llm
        {
            public class Gateway
            {
                public int Tokens;
                public string Complete(string prompt) => "generated";
                public string Complete(string prompt, int maxTokens) => "generated";
                public byte[] Paint(string prompt) => new byte[0];
                public void Push(string userId, string body) { }
                public string ReadComment() => "";
                public string Stamp(string text) => "AI生成：" + text;
                public void Approve(string content) { }
                public void RequireRealName(string userId) { }
                public void Record(string content) { }
                public byte[] SwapFace(byte[] photo) => photo;
                public void RequireConsent(string subjectId) { }
            }

            [System.AttributeUsage(System.AttributeTargets.All)]
            public sealed class RealNameRequiredAttribute : System.Attribute { }
        }

        public class Digest(MyCompany.Llm.Gateway gateway)
        {
            public void Send(string userId) => gateway.Push(userId, gateway.Complete("daily digest"));
        }
        """;

    /// <summary>A manifest and catalogue with every key, valid: each case breaks it in one place.</summary>
    public const string ValidManifest = """
        {
          "$schema": "https://deepsynth.example/deepsynth.schema.json",
          "providerCode": "ACME-CHAT-2025", "labelText": "AI生成",
          "roles": [ "provider" ],
          "jurisdictions": [ "CN" ],
          "publicOpinionAttributes": true,
          "algorithmFiling": { "number": "Beijing-ACME-202501", "displayedAt": [ "/about" ] },
          "complaints": { "portal": "/api/complaints", "feedbackDays": 7 },
          "userAgreement": { "file": "legal/user-agreement.md", "labelingSection": "5. Labels on AI-generated content" },
          "securityAssessments": [ { "scope": "publicOpinion", "date": "2025-06-30", "reference": "CAC-SA-2025-014" } ],
          "logRetentionDays": 180,
          "rumorRefutation": { "contact": "rumor-desk@acme.example" },
          "users": { "applicable": "Adults in mainland China", "minors": "notServed" },
          "catalogue": {
            "sources": [ "MyCompany.Llm.Gateway.Complete", { "member": "MyCompany.Llm.Gateway.Paint", "media": "image" } ],
            "publishers": [ { "member": "M:MyCompany.Llm.Gateway.Push(System.String,System.String)", "parameters": [ "body" ] } ],
            "inputs": [ "MyCompany.Llm.Gateway.ReadComment" ],
            "labelers": [ "MyCompany.Llm.Gateway.Stamp" ],
            "reviewers": [ "MyCompany.Llm.Gateway.Approve" ],
            "identityVerifiers": [ "MyCompany.Llm.Gateway.RequireRealName" ],
            "auditors": [ "MyCompany.Llm.Gateway.Record" ],
            "entryPoints": [ "Digest.Send" ],
            "biometricEditors": [ { "member": "MyCompany.Llm.Gateway.SwapFace", "media": "image" } ],
            "consentVerifiers": [ "MyCompany.Llm.Gateway.RequireConsent" ],
            "identityAttributes": [ "MyCompany.Llm.RealNameRequiredAttribute" ],
            "identityPolicies": [ "RealNameVerified" ],
            "modelEndpoints": [ "/llm/complete" ]
          }
        }
        """;

    private static readonly Lazy<Compilation> Compilation = new(() => AnalyzerRunner.Compile(new[] { Service }));

    /// <summary><see cref="Service"/>, compiled once for all cases.</summary>
    public static Compilation ServiceCompilation => Compilation.Value;

    /// <summary>The configuration diagnostics of both analyzers; fails on any analyzer exception or internal error.</summary>
    public static async Task<ImmutableArray<Diagnostic>> ConfigurationDiagnosticsAsync(string? manifest, AnalyzerConfigOptionsProvider? options = null, Compilation? compilation = null)
    {
        var files = manifest == null ? Array.Empty<AdditionalText>() : new AdditionalText[] { new InMemoryAdditionalText(ManifestPath, manifest) };
        var provider = options ?? new InMemoryAnalyzerConfigOptions(new Dictionary<string, string>());
        var run = await AnalyzerRunner.RunAsync(
            compilation ?? Compilation.Value,
            new DiagnosticAnalyzer[] { new ContentFlowAnalyzer(), new ProjectDutiesAnalyzer() },
            new AnalyzerOptions(files.ToImmutableArray(), provider));

        Assert.Empty(run.Exceptions);
        Assert.DoesNotContain(run.Diagnostics, d => d.Id is "DSYN999" or "AD0001");
        return run.Diagnostics.Where(d => d.Id.StartsWith("DSYN9", StringComparison.Ordinal))
            .OrderBy(d => d.Location.SourceSpan.Start).ThenBy(d => d.Id, StringComparer.Ordinal).ToImmutableArray();
    }

    /// <summary>Asserts that the only configuration diagnostic is <paramref name="id"/> at <paramref name="span"/> of <paramref name="path"/>.</summary>
    public static Diagnostic AssertSingle(ImmutableArray<Diagnostic> diagnostics, string id, string path, SourceText text, TextSpan span)
    {
        var diagnostic = Assert.Single(diagnostics);
        Assert.Equal(id, diagnostic.Id);
        var location = diagnostic.Location.GetLineSpan();
        Assert.Equal(path, location.Path);
        Assert.Equal(span, diagnostic.Location.SourceSpan);
        Assert.Equal(text.Lines.GetLinePositionSpan(span), location.Span);
        return diagnostic;
    }
}
