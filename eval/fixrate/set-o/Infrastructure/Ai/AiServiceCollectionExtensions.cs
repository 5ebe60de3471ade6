using System.ClientModel;
using Azure;
using Azure.AI.Inference;
using Betalgo.Ranul.OpenAI.Extensions;
using Microsoft.Extensions.AI;
using OpenAI;

namespace ZhengWuTong.Infrastructure.Ai;

public sealed class AzureInferenceOptions
{
    public string Endpoint { get; set; } = "https://zwt-foundry.services.ai.azure.com/models";
    public string ApiKey { get; set; } = string.Empty;
    public string Model { get; set; } = "DeepSeek-V3-0324";
}

public sealed class DashScopeOptions
{
    public string Endpoint { get; set; } = "https://dashscope.aliyuncs.com/compatible-mode/v1";
    public string ApiKey { get; set; } = string.Empty;
    public string ChatModel { get; set; } = "qwen-plus";
}

public sealed class BetalgoOptions
{
    public string BaseDomain { get; set; } = "https://api.moonshot.cn/";
    public string ApiKey { get; set; } = string.Empty;
    public string ChatModel { get; set; } = "moonshot-v1-32k";
    public string SpeechModel { get; set; } = "tts-1";
    public string ImageModel { get; set; } = "dall-e-3";
}

public static class AiServiceCollectionExtensions
{
    public static IServiceCollection AddZhengWuTongAi(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<AzureInferenceOptions>(configuration.GetSection("Ai:AzureInference"));
        services.Configure<DashScopeOptions>(configuration.GetSection("Ai:DashScope"));
        services.Configure<BetalgoOptions>(configuration.GetSection("Ai:Betalgo"));
        services.Configure<QianfanOptions>(configuration.GetSection("Ai:Qianfan"));
        services.Configure<ArkOptions>(configuration.GetSection("Ai:Ark"));

        // Policy Q&A model hosted on Azure AI Foundry.
        services.AddSingleton(sp =>
        {
            var o = configuration.GetSection("Ai:AzureInference").Get<AzureInferenceOptions>() ?? new AzureInferenceOptions();
            return new ChatCompletionsClient(new Uri(o.Endpoint), new AzureKeyCredential(o.ApiKey));
        });

        // Resident assistant and form helper: Qwen through DashScope's OpenAI-compatible endpoint.
        var dash = configuration.GetSection("Ai:DashScope").Get<DashScopeOptions>() ?? new DashScopeOptions();
        services.AddChatClient(_ =>
                new OpenAIClient(new ApiKeyCredential(dash.ApiKey), new OpenAIClientOptions { Endpoint = new Uri(dash.Endpoint) })
                    .GetChatClient(dash.ChatModel)
                    .AsIChatClient())
            .UseLogging();

        // Letters, translations and speech through an OpenAI-style provider.
        var betalgo = configuration.GetSection("Ai:Betalgo").Get<BetalgoOptions>() ?? new BetalgoOptions();
        services.AddOpenAIService(o =>
        {
            o.ApiKey = betalgo.ApiKey;
            o.BaseDomain = betalgo.BaseDomain;
            o.DefaultModelId = betalgo.ChatModel;
        });

        services.AddHttpClient<IQianfanClient, QianfanClient>();
        services.AddHttpClient<IArkImageClient, ArkImageClient>();

        return services;
    }
}
