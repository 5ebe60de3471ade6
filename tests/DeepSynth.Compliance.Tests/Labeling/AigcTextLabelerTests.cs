using System.Text.Json;
using DeepSynth.Compliance.Labeling;

namespace DeepSynth.Compliance.Tests.Labeling;

public class AigcTextLabelerTests
{
    [Fact]
    public void Default_label_goes_before_the_text()
    {
        var labeler = new AigcTextLabeler();
        Assert.Equal("【AI生成】\n你好", labeler.Label("你好"));
        Assert.Equal("【AI生成】", labeler.Notice);
    }

    [Fact]
    public void Both_positions_label_start_and_end_and_labeling_twice_adds_nothing()
    {
        var labeler = new AigcTextLabeler(new TextLabelOptions { Position = LabelPosition.Both, Text = "人工智能生成", Format = "[{0}]" });
        var once = labeler.Label("正文");
        Assert.Equal("[人工智能生成]\n正文\n[人工智能生成]", once);
        Assert.Equal(once, labeler.Label(once));
    }

    [Fact]
    public void Invalid_label_text_in_options_is_a_configuration_error()
    {
        var error = Assert.Throws<ComplianceConfigurationException>(() => new AigcTextLabeler(new TextLabelOptions { Text = "AI" }));
        Assert.Contains("Label:Text", error.Message);
        Assert.Contains("generation element", error.Message);
    }

    [Fact]
    public async Task Stream_emits_the_label_before_the_first_token_and_after_the_last()
    {
        var labeler = new AigcTextLabeler(new TextLabelOptions { Position = LabelPosition.Both });
        var gate = new TaskCompletionSource();
        var enumerator = labeler.LabelStream(Tokens(gate.Task)).GetAsyncEnumerator();

        // The start label is available while the model has not produced anything yet.
        Assert.True(await enumerator.MoveNextAsync());
        Assert.Equal("【AI生成】\n", enumerator.Current);
        gate.SetResult();
        var rest = new List<string>();
        while (await enumerator.MoveNextAsync())
        {
            rest.Add(enumerator.Current);
        }

        Assert.Equal(new[] { "你", "好", "\n【AI生成】" }, rest);
    }

    [Fact]
    public async Task Stream_honours_cancellation()
    {
        var labeler = new AigcTextLabeler();
        using var cts = new CancellationTokenSource();
        var seen = new List<string>();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (var token in labeler.LabelStream(Endless(), cts.Token))
            {
                seen.Add(token);
                if (seen.Count == 3)
                {
                    cts.Cancel();
                }
            }
        });
        Assert.Equal("【AI生成】\n", seen[0]);
    }

    [Fact]
    public void Json_helper_labels_the_text_at_a_path_and_adds_the_notice()
    {
        var labeler = new AigcTextLabeler();
        var json = labeler.LabelJson("""{"choices":[{"message":{"content":"答案"}}],"id":"x"}""", "choices.0.message.content");
        using var document = JsonDocument.Parse(json);
        Assert.Equal("【AI生成】\n答案", document.RootElement.GetProperty("choices")[0].GetProperty("message").GetProperty("content").GetString());
        Assert.Equal("【AI生成】", document.RootElement.GetProperty("aigcLabel").GetString());
        Assert.Equal("x", document.RootElement.GetProperty("id").GetString());
    }

    [Theory]
    [InlineData("""{"content":5}""", "content", "not a string")]
    [InlineData("""{"content":"x"}""", "missing", "has no 'missing'")]
    [InlineData("""[1,2]""", "0", "must be an object")]
    [InlineData("""{"content":""", "content", "not valid JSON")]
    public void Json_helper_rejects_responses_it_cannot_label(string json, string path, string expected)
    {
        var error = Assert.Throws<ArgumentException>(() => new AigcTextLabeler().LabelJson(json, path));
        Assert.Contains(expected, error.Message);
    }

    private static async IAsyncEnumerable<string> Tokens(Task gate)
    {
        await gate;
        yield return "你";
        yield return "好";
    }

    private static async IAsyncEnumerable<string> Endless([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        while (true)
        {
            await Task.Yield();
            cancellationToken.ThrowIfCancellationRequested();
            yield return "token";
        }
    }
}
