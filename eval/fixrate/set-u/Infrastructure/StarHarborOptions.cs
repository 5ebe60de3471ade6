namespace StarHarbor.LiveOps.Infrastructure;

public sealed class ProviderEndpointOptions
{
    public string BaseUrl { get; set; } = "";
    public string ApiKey { get; set; } = "";
    public string Model { get; set; } = "";
    public int TimeoutSeconds { get; set; } = 60;
}

public sealed class MiniMaxOptions
{
    public string BaseUrl { get; set; } = "https://api.minimaxi.com";
    public string ApiKey { get; set; } = "";
    public string GroupId { get; set; } = "";
    public string Model { get; set; } = "speech-02-hd";
    public int SampleRate { get; set; } = 32000;
}

public sealed class AzureOpenAIOptions
{
    public string Endpoint { get; set; } = "";
    public string ApiKey { get; set; } = "";
    public string TranslationDeployment { get; set; } = "gpt-4o-mini-translate";
}

public sealed class ModelProvidersOptions
{
    public const string Section = "ModelProviders";

    public ProviderEndpointOptions Qianfan { get; set; } = new();
    public ProviderEndpointOptions Moonshot { get; set; } = new();
    public ProviderEndpointOptions SiliconFlow { get; set; } = new();
    public ProviderEndpointOptions Gemini { get; set; } = new();
    public ProviderEndpointOptions DashScope { get; set; } = new();
    public ProviderEndpointOptions OpenAI { get; set; } = new();
    public MiniMaxOptions MiniMax { get; set; } = new();
    public AzureOpenAIOptions AzureOpenAI { get; set; } = new();
}

public sealed class CosmosOptions
{
    public const string Section = "Cosmos";
    public string ConnectionString { get; set; } = "";
    public string Database { get; set; } = "starharbor";
}

public sealed class ServiceBusOptions
{
    public const string Section = "ServiceBus";
    public string ConnectionString { get; set; } = "";
    public string BannerTopic { get; set; } = "ingame-banners";
    public string MilestoneQueue { get; set; } = "player-milestones";
    public int MaxConcurrentCalls { get; set; } = 4;
}

public sealed class SmtpOptions
{
    public const string Section = "Smtp";
    public string Host { get; set; } = "";
    public int Port { get; set; } = 587;
    public string UserName { get; set; } = "";
    public string Password { get; set; } = "";
    public string FromAddress { get; set; } = "no-reply@starharbor.example.cn";
    public string FromName { get; set; } = "星港 StarHarbor";
}

public sealed class VapidOptions
{
    public const string Section = "WebPush";
    public string Subject { get; set; } = "mailto:liveops@starharbor.example.cn";
    public string PublicKey { get; set; } = "";
    public string PrivateKey { get; set; } = "";
}

public sealed class LiveOpsOptions
{
    public const string Section = "LiveOps";
    public string PublicAssetRoot { get; set; } = "/srv/starharbor/public";
    public string PublicBaseUrl { get; set; } = "https://community.starharbor.example.cn";
    public int DailyImageQuota { get; set; } = 20;
    public int DailyVoiceQuota { get; set; } = 30;
    public string OpsWebhookUrl { get; set; } = "";
    public string[] Regions { get; set; } = ["cn-east", "cn-south", "cn-north"];
    public Dictionary<string, bool> FeatureFlags { get; set; } = new();
}
