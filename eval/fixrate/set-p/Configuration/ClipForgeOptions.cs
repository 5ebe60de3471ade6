namespace ClipForge.Configuration;

public sealed class AiModelOptions
{
    public const string Section = "Ai";

    /// <summary>OpenAI-compatible endpoint (DashScope compatible mode in production).</summary>
    public string Endpoint { get; set; } = "https://dashscope.aliyuncs.com/compatible-mode/v1";
    public string ApiKey { get; set; } = string.Empty;
    public string ChatModel { get; set; } = "qwen-plus";
    public string CaptionModel { get; set; } = "qwen-turbo";
    public string ImageModel { get; set; } = "gpt-image-1";
    public string SpeechModel { get; set; } = "gpt-4o-mini-tts";
    public string TranscriptionModel { get; set; } = "whisper-1";
    public AzureDigestOptions Digest { get; set; } = new();
    public AnthropicOptions Anthropic { get; set; } = new();
    public OllamaOptions Ollama { get; set; } = new();
}

public sealed class AzureDigestOptions
{
    public string Endpoint { get; set; } = string.Empty;
    public string ApiKey { get; set; } = string.Empty;
    public string Deployment { get; set; } = "gpt-4o-mini";
}

public sealed class AnthropicOptions
{
    public string ApiKey { get; set; } = string.Empty;
    public string Model { get; set; } = "claude-sonnet-4-6";
    public int MaxTokens { get; set; } = 600;
}

public sealed class OllamaOptions
{
    public string Endpoint { get; set; } = "http://localhost:11434";
    public string Model { get; set; } = "qwen2.5:7b";
}

public sealed class StorageOptions
{
    public const string Section = "Storage";

    public string MongoConnectionString { get; set; } = "mongodb://localhost:27017";
    public string MongoDatabase { get; set; } = "clipforge";
    public string RedisConnectionString { get; set; } = "localhost:6379";
    public MinioOptions Minio { get; set; } = new();
    public string BlobConnectionString { get; set; } = "UseDevelopmentStorage=true";
    public string AudioContainer { get; set; } = "voiceovers";
}

public sealed class MinioOptions
{
    public string Endpoint { get; set; } = "localhost:9000";
    public string AccessKey { get; set; } = string.Empty;
    public string SecretKey { get; set; } = string.Empty;
    public string Bucket { get; set; } = "clipforge-covers";
    public bool UseSsl { get; set; }
    public int PresignedUrlMinutes { get; set; } = 60;
}

public sealed class MessagingOptions
{
    public const string Section = "Messaging";

    public string Host { get; set; } = "localhost";
    public string VirtualHost { get; set; } = "/";
    public string Username { get; set; } = "guest";
    public string Password { get; set; } = "guest";
}

public sealed class NotificationOptions
{
    public const string Section = "Notifications";

    public SmtpOptions Smtp { get; set; } = new();
    public WebPushOptions WebPush { get; set; } = new();
    public SmsOptions Sms { get; set; } = new();
}

public sealed class SmtpOptions
{
    public string Host { get; set; } = "smtp.exmail.qq.com";
    public int Port { get; set; } = 465;
    public bool UseSsl { get; set; } = true;
    public string Username { get; set; } = string.Empty;
    public string Password { get; set; } = string.Empty;
    public string FromAddress { get; set; } = "studio@clipforge.cn";
    public string FromName { get; set; } = "ClipForge 创作工作台";
}

public sealed class WebPushOptions
{
    public string PublicKey { get; set; } = string.Empty;
    public string PrivateKey { get; set; } = string.Empty;
    public string Subject { get; set; } = "mailto:ops@clipforge.cn";
}

public sealed class SmsOptions
{
    public string GatewayUrl { get; set; } = "https://sms.internal.clipforge.cn/v1/send";
    public string ApiKey { get; set; } = string.Empty;
    public string SignName { get; set; } = "ClipForge";
    public string DigestTemplate { get; set; } = "SMS_DIGEST_01";
}

public sealed class PlatformOptions
{
    public const string Section = "Platform";

    public string PublishApiBase { get; set; } = "https://open.platform-gateway.cn/";
    public string PublishApiToken { get; set; } = string.Empty;
    public string ShareBaseUrl { get; set; } = "https://clipforge.cn/share/";
    public int MaxCaptionVariants { get; set; } = 5;
}
