using Verifier = DeepSynth.TestSupport.AnalyzerVerifier<DeepSynth.Analyzers.ContentFlowAnalyzer>;

namespace DeepSynth.Analyzers.Tests.Flow;

/// <summary>Every generation API of the catalogue, against the real packages.</summary>
public class SdkSourceTests
{
    private static Task Verify(string code, params Microsoft.CodeAnalysis.Testing.DiagnosticResult[] expected) =>
        Verifier.VerifyAsync("""
            using OpenAI.Chat;
            using OpenAI.Images;
            using OpenAI.Audio;
            using Microsoft.SemanticKernel;
            using Microsoft.SemanticKernel.ChatCompletion;

            """ + code + TestSteps.Source, expected);

    [Fact]
    public async Task OpenAI_chat_completion_through_ClientResult_and_content_parts()
    {
        await Verify("""
            [RequireRealName]
            public class ChatController(ChatClient client) : ControllerBase
            {
                public async Task<IActionResult> Ask()
                {
                    ChatCompletion completion = await client.CompleteChatAsync("Say hello");
                    var text = completion.Content[0].Text;
                    Steps.EnsureAllowed(text);
                    Steps.Record(text);
                    return {|DSYN001:Content(text, "text/plain")|};
                }

                public async Task<IActionResult> AskValue()
                {
                    var result = await client.CompleteChatAsync("Say hello");
                    Steps.EnsureAllowed(result.Value.Content[0].Text);
                    Steps.Record(result.Value.Content[0].Text);
                    return {|DSYN001:Ok(result.Value.Content[0].Text)|};
                }
            }
            """);
    }

    [Fact]
    public async Task OpenAI_image_bytes_must_be_labeled_as_media()
    {
        await Verify("""
            [RequireRealName]
            public class ImageController(ImageClient images) : ControllerBase
            {
                public async Task<IActionResult> Draw()
                {
                    GeneratedImage image = await images.GenerateImageAsync("a cat");
                    var bytes = image.ImageBytes.ToArray();
                    Steps.EnsureAllowed("image");
                    Steps.Record(Convert.ToBase64String(bytes));
                    return {|DSYN001:{|DSYN003:File(bytes, "image/png")|}|};
                }

                public async Task<IActionResult> DrawLabeled()
                {
                    GeneratedImage image = await images.GenerateImageAsync("a cat");
                    var bytes = Steps.LabelImage(image.ImageBytes.ToArray());
                    await Steps.RecordAsync("a cat", bytes);
                    return {|DSYN003:File(bytes, "image/png")|};
                }
            }
            """);
    }

    [Fact]
    public async Task Label_notice_does_not_label_media()
    {
        await Verify("""
            public class SpeechController(AudioClient audio) : ControllerBase
            {
                [RequireRealName]
                public async Task Speak()
                {
                    var speech = await audio.GenerateSpeechAsync("hello", GeneratedSpeechVoice.Alloy);
                    await Response.WriteAsync(Steps.Notice);
                    await Steps.RecordAsync("hello", speech.Value);
                    await {|DSYN001:{|DSYN003:Response.Body.WriteAsync(speech.Value.ToArray())|}|};
                }
            }
            """);
    }

    [Fact]
    public async Task Semantic_kernel_prompt_function_result()
    {
        await Verify("""
            [RequireRealName]
            public class KernelController(Kernel kernel) : ControllerBase
            {
                public async Task<string> Summarize()
                {
                    var result = await kernel.InvokePromptAsync("Summarize the news");
                    var summary = result.GetValue<string>() ?? "";
                    Steps.EnsureAllowed(summary);
                    return {|DSYN001:{|DSYN005:summary|}|};
                }

                public async Task<string> Chat([FromServices] IChatCompletionService chat)
                {
                    var history = new ChatHistory();
                    history.AddUserMessage("hello");
                    var reply = await chat.GetChatMessageContentAsync(history);
                    Steps.EnsureAllowed(reply.Content!);
                    Steps.Record(reply.Content!);
                    return {|DSYN001:reply.ToString()|};
                }
            }
            """);
    }

    [Fact]
    public async Task Azure_AI_Inference_and_OllamaSharp_clients_called_directly()
    {
        await Verify("""
            [RequireRealName]
            public class DirectController(Azure.AI.Inference.ChatCompletionsClient inference, OllamaSharp.OllamaApiClient ollama) : ControllerBase
            {
                public async Task<string> Inference(string question)
                {
                    var options = new Azure.AI.Inference.ChatCompletionsOptions { Messages = { new Azure.AI.Inference.ChatRequestUserMessage(question) } };
                    Steps.EnsureAllowed(question);
                    var completion = await inference.CompleteAsync(options);
                    Steps.EnsureAllowed(completion.Value.Content);
                    Steps.Record(completion.Value.Content);
                    return {|DSYN001:completion.Value.Content|};
                }

                public async Task<string> Ollama()
                {
                    var chat = new OllamaSharp.Chat(ollama);
                    var text = new System.Text.StringBuilder();
                    await foreach (var token in chat.SendAsync("Tell a story"))
                        text.Append(token);
                    Steps.EnsureAllowed(text.ToString());
                    return {|DSYN001:{|DSYN005:text.ToString()|}|};
                }

                public string Model(string question) => inference.ToString()!;
            }
            """);
    }

    [Fact]
    public async Task Anthropic_messages_created_and_streamed_are_generated_and_their_ids_are_not()
    {
        await Verify("""
            [RequireRealName]
            public class ClaudeController(Anthropic.AnthropicClient claude) : ControllerBase
            {
                private static Anthropic.Models.Messages.MessageCreateParams Ask(string question) => new()
                {
                    Model = "claude-sonnet-4-5",
                    MaxTokens = 512,
                    Messages = [new Anthropic.Models.Messages.UserMessageParam(question)],
                };

                public async Task<string> Answer()
                {
                    var message = await claude.Messages.Create(Ask("Write a haiku"));
                    var text = string.Concat(message.Content.Select(b => b.Value).OfType<Anthropic.Models.Messages.TextBlock>().Select(t => t.Text));
                    Steps.EnsureAllowed(text);
                    Steps.Record(text);
                    return {|DSYN001:text|};
                }

                public async Task<string> Streamed()
                {
                    var text = new System.Text.StringBuilder();
                    await foreach (var update in claude.Messages.CreateStreaming(Ask("Tell a story")))
                    {
                        if (update.TryPickContentBlockDelta(out var delta) && delta.Delta.TryPickText(out var piece))
                            text.Append(piece.Text);
                    }

                    Steps.EnsureAllowed(text.ToString());
                    Steps.Record(text.ToString());
                    return {|DSYN001:text.ToString()|};
                }

                public async Task<string> Id()
                {
                    var message = await claude.Messages.Create(Ask("Write a haiku"));
                    return message.ID + " " + message.StopReason;
                }
            }
            """);
    }

    [Fact]
    public async Task LLamaSharp_executor_tokens_and_chat_session_answers_are_generated_and_the_model_file_name_is_not()
    {
        await Verify("""
            [RequireRealName]
            public class LocalHintController(LLama.Abstractions.ILLamaExecutor executor, LLama.ChatSession session, LLama.Common.ModelParams model) : ControllerBase
            {
                public async Task<string> Hint(string question)
                {
                    Steps.EnsureAllowed(question);
                    var hint = new System.Text.StringBuilder();
                    await foreach (var token in executor.InferAsync(question, new LLama.Common.InferenceParams { MaxTokens = 128 }))
                    {
                        hint.Append(token);
                    }

                    Steps.EnsureAllowed(hint.ToString());
                    Steps.Record(hint.ToString());
                    return {|DSYN001:hint.ToString()|};
                }

                public async IAsyncEnumerable<string> Chat(string question)
                {
                    Steps.EnsureAllowed(question);
                    await foreach (var token in session.ChatAsync(new LLama.Common.ChatHistory.Message(LLama.Common.AuthorRole.User, question), new LLama.Common.InferenceParams()))
                    {
                        Steps.EnsureAllowed(token);
                        Steps.Record(token);
                        yield return {|DSYN001:token|};
                    }
                }

                public string ModelName() => System.IO.Path.GetFileNameWithoutExtension(model.ModelPath);
            }
            """);
    }

    [Fact]
    public async Task Betalgo_chat_completion_image_and_speech_are_generated_and_the_response_status_is_not()
    {
        await Verify("""
            using Betalgo.Ranul.OpenAI.Interfaces;
            using Betalgo.Ranul.OpenAI.ObjectModels.RequestModels;

            [RequireRealName]
            public class BroadcastController(IOpenAIService openAi) : ControllerBase
            {
                [HttpPost("/script")]
                public async Task<IActionResult> Script(string topic)
                {
                    Steps.EnsureAllowed(topic);
                    var response = await openAi.ChatCompletion.CreateCompletion(new ChatCompletionCreateRequest
                    {
                        Model = "qwen-plus",
                        Messages = [Betalgo.Ranul.OpenAI.ObjectModels.RequestModels.ChatMessage.FromUser(topic)],
                    });
                    if (!response.Successful)
                    {
                        return StatusCode((int)response.HttpStatusCode, new { error = response.Error?.Message, response.Model });
                    }

                    var script = response.Choices.First().Message.Content ?? "";
                    Steps.Record(script);
                    return {|DSYN001:{|DSYN003:Ok(script)|}|};
                }

                [HttpPost("/poster")]
                public async Task<IActionResult> Poster(string theme)
                {
                    Steps.EnsureAllowed(theme);
                    var image = await openAi.Image.CreateImage(new Betalgo.Ranul.OpenAI.Contracts.Requests.Image.CreateImageRequest { Prompt = theme });
                    return {|DSYN001:{|DSYN003:{|DSYN005:Ok(image.Data!.First().B64Json)|}|}|};
                }

                [HttpPost("/speech")]
                public async Task<IActionResult> Speech(string text)
                {
                    Steps.EnsureAllowed(text);
                    var speech = await openAi.Audio.CreateSpeech<byte[]>(new AudioCreateSpeechRequest { Model = "tts-1", Input = text, Voice = "alloy" });
                    return {|DSYN001:{|DSYN003:{|DSYN005:File(speech.Data!, "audio/mpeg")|}|}|};
                }
            }
            """);
    }

    [Fact]
    public async Task Azure_OpenAI_v2_client_hands_out_the_OpenAI_chat_client()
    {
        await Verify("""
            [RequireRealName]
            public class AzureController(Azure.AI.OpenAI.AzureOpenAIClient azure) : ControllerBase
            {
                public async Task<string> Ask()
                {
                    var client = azure.GetChatClient("gpt-4o");
                    var completion = await client.CompleteChatAsync("hi");
                    Steps.EnsureAllowed(completion.Value.Content[0].Text);
                    Steps.Record(completion.Value.Content[0].Text);
                    return {|DSYN001:completion.Value.Content[0].Text|};
                }
            }
            """);
    }

    [Fact]
    public async Task Annotated_member_is_a_source_and_embeddings_are_not()
    {
        await Verify("""
            public class Writer
            {
                [GeneratedContentSource] public string Draft(string topic) => "text about " + topic;
                [GeneratedContentSource] public string LatestDraft => "latest";
            }

            [RequireRealName]
            public class DraftController(Writer writer, IEmbeddingGenerator<string, Embedding<float>> embeddings) : ControllerBase
            {
                public string Get()
                {
                    Steps.EnsureAllowed("topic");
                    return {|DSYN001:{|DSYN003:{|DSYN005:writer.Draft("topic")|}|}|};
                }

                public string Latest() => {|DSYN001:{|DSYN003:{|DSYN005:writer.LatestDraft|}|}|};

                public async Task<IActionResult> Embed()
                {
                    var vectors = await embeddings.GenerateAsync(new[] { "hello" });
                    return Ok(vectors.Select(v => v.Vector.ToArray()).ToList());
                }
            }
            """);
    }
}
