namespace XueBa.Coach.Configuration;

public sealed class AiProviderOptions
{
    public const string Section = "Ai";

    public OpenAiCompatibleOptions Moonshot { get; set; } = new() { Endpoint = "https://api.moonshot.cn/v1", Model = "kimi-k2-0905-preview" };
    public OpenAiCompatibleOptions DeepSeek { get; set; } = new() { Endpoint = "https://api.deepseek.com/v1", Model = "deepseek-chat" };
    public AnthropicOptions Anthropic { get; set; } = new();
    public HunyuanOptions Hunyuan { get; set; } = new();
    public MiniMaxOptions MiniMax { get; set; } = new();
    public LocalModelOptions Local { get; set; } = new();
}

public sealed class OpenAiCompatibleOptions
{
    public string Endpoint { get; set; } = "";
    public string ApiKey { get; set; } = "";
    public string Model { get; set; } = "";
}

public sealed class AnthropicOptions
{
    public string ApiKey { get; set; } = "";
    public string Model { get; set; } = "claude-sonnet-4-6";
    public int MaxTokens { get; set; } = 2048;
}

public sealed class HunyuanOptions
{
    public string BaseUrl { get; set; } = "https://api.hunyuan.cloud.tencent.com/v1/";
    public string ApiKey { get; set; } = "";
    public string TextModel { get; set; } = "hunyuan-turbos-latest";
    public string ImageModel { get; set; } = "hunyuan-image";
}

public sealed class MiniMaxOptions
{
    public string BaseUrl { get; set; } = "https://api.minimaxi.com/v1/";
    public string ApiKey { get; set; } = "";
    public string GroupId { get; set; } = "";
    public string Model { get; set; } = "speech-02-hd";
    public string DefaultVoice { get; set; } = "female-shaonv";
}

public sealed class LocalModelOptions
{
    public string ModelPath { get; set; } = "/models/qwen2.5-1.5b-instruct-q4_k_m.gguf";
    public uint ContextSize { get; set; } = 4096;
    public int GpuLayerCount { get; set; }
    public int MaxTokens { get; set; } = 256;
}

public sealed class KafkaOptions
{
    public const string Section = "Kafka";

    public string BootstrapServers { get; set; } = "localhost:9092";
    public string ConsumerGroup { get; set; } = "xueba-coach-notify";
    public string EssayFeedbackTopic { get; set; } = "xueba.essay.feedback";
    public string TutoringSessionTopic { get; set; } = "xueba.tutoring.session-ended";
    public string DailyTipTopic { get; set; } = "xueba.daily-tip";
}

public sealed class NotificationOptions
{
    public const string Section = "Notifications";

    public SmtpOptions Smtp { get; set; } = new();
    public TwilioOptions Twilio { get; set; } = new();
}

public sealed class SmtpOptions
{
    public string Host { get; set; } = "smtp.exmail.qq.com";
    public int Port { get; set; } = 465;
    public bool UseSsl { get; set; } = true;
    public string User { get; set; } = "";
    public string Password { get; set; } = "";
    public string FromAddress { get; set; } = "noreply@xueba-coach.cn";
    public string FromName { get; set; } = "学霸教练";
}

public sealed class TwilioOptions
{
    public string AccountSid { get; set; } = "";
    public string AuthToken { get; set; } = "";
    public string FromNumber { get; set; } = "";
}

public sealed class StorageOptions
{
    public const string Section = "Storage";

    public string MediaRoot { get; set; } = "/var/lib/xueba/media";
    public string QdrantHost { get; set; } = "localhost";
    public int QdrantPort { get; set; } = 6334;
    public string? QdrantApiKey { get; set; }
    public string TextbookCollection { get; set; } = "textbook_chunks";
    public TimeSpan ExplanationCacheTtl { get; set; } = TimeSpan.FromDays(3);
}
