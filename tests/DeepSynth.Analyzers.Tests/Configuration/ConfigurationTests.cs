using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using DeepSynth.Analyzers.Tests.Flow;
using Verifier = DeepSynth.TestSupport.AnalyzerVerifier<DeepSynth.Analyzers.ContentFlowAnalyzer>;

namespace DeepSynth.Analyzers.Tests.Configuration;

/// <summary>deepsynth.json and options: custom catalogue entries work, and every mistake is a located DSYN9xx, never an exception.</summary>
public class ConfigurationTests
{
    private const string Gateway = """
        namespace MyCompany.Llm
        {
            public class Gateway
            {
                public string Complete(string prompt) => "generated";
                public string Complete(string prompt, int maxTokens) => "generated";
                public void Push(string userId, string body) { }
                public void Approve(string content) { }
            }
        }

        public class NotifyController(MyCompany.Llm.Gateway gateway) : ControllerBase
        {
            public void Notify(string userId)
            {
                var text = gateway.Complete("daily digest");
                MARK;
            }
        }
        """;

    private static Task VerifyWithJson(string code, string json, params DiagnosticResult[] expected) =>
        VerifyWithJson(code, json, skipCopiesBecause: null, expected);

    private static Task VerifyWithJson(string code, string json, string? skipCopiesBecause, params DiagnosticResult[] expected) =>
        Verifier.VerifyAsync(new[] { code + TestSteps.Source }, OutputKind.DynamicallyLinkedLibrary, test =>
        {
            test.TestState.AdditionalFiles.Add(("/0/deepsynth.json", json));
            if (skipCopiesBecause != null)
            {
                test.SkipConcurrentCopies(skipCopiesBecause);
            }
        }, expected);

    [Fact]
    public async Task Custom_sources_publishers_and_steps_are_used()
    {
        const string json = """
            {
              // Our in-house model gateway and push channel.
              "catalogue": {
                "sources": [ "MyCompany.Llm.Gateway.Complete" ],
                "publishers": [ { "member": "M:MyCompany.Llm.Gateway.Push(System.String,System.String)", "parameters": [ "body" ] } ],
                "reviewers": [ "MyCompany.Llm.Gateway.Approve" ]
              }
            }
            """;
        await VerifyWithJson(Gateway.Replace("MARK", "gateway.Approve(text); {|DSYN001:{|DSYN002:{|DSYN005:gateway.Push(userId, text)|}|}|}"), json,
            skipCopiesBecause: "the catalogue names MyCompany.Llm.Gateway by its full name, which the copies' Concurrent1.MyCompany.Llm.Gateway does not match");
    }

    [Fact]
    public async Task Json_syntax_error_is_reported_at_its_line_and_column()
    {
        const string json = "{\n  \"catalogue\": {\n    \"sources\": [ \"A.B\" \n  }\n}";
        await VerifyWithJson(Gateway.Replace("MARK", "_ = text"), json,
            Verifier.Diagnostic("DSYN901").WithSpan("/0/deepsynth.json", 4, 3, 4, 3).WithArguments("expected ',' or ']'"));
    }

    [Fact]
    public async Task Unknown_keys_wrong_types_and_unresolved_members_are_located()
    {
        const string json = """
            {
              "catalog": {},
              "catalogue": {
                "sources": "MyCompany.Llm.Gateway.Complete",
                "publishers": [ 42, { "member": "MyCompany.Llm.Gateway.Send" }, { "parameters": ["x"] } ],
                "reviewer": []
              }
            }
            """;
        await VerifyWithJson(Gateway.Replace("MARK", "_ = text"), json,
            Verifier.Diagnostic("DSYN902").WithSpan("/0/deepsynth.json", 2, 3, 2, 12).WithArguments("unknown key 'catalog'; did you mean 'catalogue'?"),
            Verifier.Diagnostic("DSYN902").WithSpan("/0/deepsynth.json", 4, 16, 4, 48).WithArguments("'sources' must be of type array, not string"),
            Verifier.Diagnostic("DSYN902").WithSpan("/0/deepsynth.json", 5, 21, 5, 23).WithArguments("entries of 'catalogue.publishers' must be strings or objects, not number"),
            Verifier.Diagnostic("DSYN902").WithSpan("/0/deepsynth.json", 5, 69, 5, 92).WithArguments("an entry of 'catalogue.publishers' needs a \"member\" string"),
            Verifier.Diagnostic("DSYN902").WithSpan("/0/deepsynth.json", 6, 5, 6, 15).WithArguments("unknown key 'catalogue.reviewer'; did you mean 'reviewers'?"),
            Verifier.Diagnostic("DSYN903").WithSpan("/0/deepsynth.json", 5, 37, 5, 65).WithArguments("MyCompany.Llm.Gateway.Send", "method or property"));
    }

    [Fact]
    public async Task Invalid_option_values_are_reported_and_defaults_used()
    {
        var code = """
            [RequireRealName]
            public class ChatController(IChatClient chat) : ControllerBase
            {
                public async Task<IActionResult> Ask(string question)
                {
                    Steps.EnsureAllowed(question);
                    var response = await chat.GetResponseAsync(question);
                    Steps.EnsureAllowed(response.Text);
                    Steps.Record(response.Text);
                    return Ok(Steps.Label(response.Text));
                }
            }
            """ + TestSteps.Source;
        await Verifier.VerifyAsync(new[] { code }, OutputKind.DynamicallyLinkedLibrary,
            test => test.TestState.AnalyzerConfigFiles.Add(("/.globalconfig", "is_global = true\ndeepsynth.max_call_depth = lots\ndeepsynth.authorize_counts_as_identity = maybe\n")),
            // Reported once each, at the first token of the first file (by path) the options apply to.
            Verifier.Diagnostic("DSYN904").WithSpan("/0/GlobalUsings.cs", 1, 1, 1, 7).WithArguments("deepsynth.authorize_counts_as_identity", "maybe", "expected true or false; the default is used"),
            Verifier.Diagnostic("DSYN904").WithSpan("/0/GlobalUsings.cs", 1, 1, 1, 7).WithArguments("deepsynth.max_call_depth", "lots", "expected an integer from 1 to 16; the default is used"));
    }

    [Fact]
    public async Task Authorize_counts_when_configured()
    {
        var code = """
            [Authorize]
            public class ChatController(IChatClient chat) : ControllerBase
            {
                public async Task<IActionResult> Ask(string question)
                {
                    Steps.EnsureAllowed(question);
                    var response = await chat.GetResponseAsync(question);
                    Steps.EnsureAllowed(response.Text);
                    Steps.Record(response.Text);
                    return Ok(Steps.Label(response.Text));
                }
            }
            """ + TestSteps.Source;
        await Verifier.VerifyAsync(new[] { code }, OutputKind.DynamicallyLinkedLibrary,
            test => test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", "root = true\n[*.cs]\ndeepsynth.authorize_counts_as_identity = true\n")));
    }
}
