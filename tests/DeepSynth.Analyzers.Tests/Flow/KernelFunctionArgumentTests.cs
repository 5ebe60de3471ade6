using DeepSynth.TestSupport;

namespace DeepSynth.Analyzers.Tests.Flow;

/// <summary>
/// Semantic Kernel plugins (the real package): the model calls a [KernelFunction] and writes its arguments, so what the
/// function publishes from them is generated content. Real identity is the duty of the request that ran the kernel (not
/// reported at the function); a function that only answers the model publishes nothing.
/// </summary>
public class KernelFunctionArgumentTests
{
    private const string Plugin = """
        using System.ComponentModel;
        using Microsoft.AspNetCore.SignalR;
        using Microsoft.SemanticKernel;

        public class ChatHub : Hub { }

        public class NotifyPlugin
        {
            private readonly IHubContext<ChatHub> _hub;
            public NotifyPlugin(IHubContext<ChatHub> hub) { _hub = hub; }

            ATTRIBUTE
            public async Task PostAsync(string message, Kernel kernel, CancellationToken cancellationToken) =>
                await _hub.Clients.All.SendAsync("post", BODY, cancellationToken);

            [KernelFunction, Description("Today's weather in a city")]
            public string GetWeather(string city) => "sunny in " + city;
        }
        """;

    private static async Task<List<string>> FindingsAsync(string attribute, string body = "message")
    {
        var source = Plugin.Replace("ATTRIBUTE", attribute).Replace("BODY", body);
        var run = await AnalyzerRunner.RunAsync(AnalyzerRunner.Compile([source]), [new ContentFlowAnalyzer()]);
        Assert.Empty(run.Exceptions);
        return run.Diagnostics.Where(d => d.Id.StartsWith("DSYN00", StringComparison.Ordinal))
            .Select(d => d.Id + "@" + (d.Location.GetLineSpan().StartLinePosition.Line + 1)).OrderBy(s => s, StringComparer.Ordinal).ToList();
    }

    [Fact]
    public async Task What_a_kernel_function_publishes_from_the_model_s_arguments_is_generated_content()
    {
        var found = await FindingsAsync("[KernelFunction, Description(\"Posts a message to every user\")]");

        // The hub send (line 14): label, review and audit are missing; identity belongs to the request that ran the kernel.
        Assert.Equal(new[] { "DSYN001@14", "DSYN003@14", "DSYN005@14" }, found);
    }

    [Fact]
    public async Task A_kernel_function_publishing_only_its_own_text_reports_nothing()
    {
        Assert.Empty(await FindingsAsync("[KernelFunction]", "\"a fixed notice\""));
    }

    [Fact]
    public async Task The_same_method_without_KernelFunction_is_a_helper_whose_callers_answer_for_its_arguments()
    {
        Assert.Empty(await FindingsAsync(string.Empty));
    }
}
