namespace WealthPal.Infrastructure;

public sealed class ModelProviderOptions
{
    public string BaseUrl { get; set; } = "";
    public string ApiKey { get; set; } = "";
    public string Model { get; set; } = "";
    public string? ImageModel { get; set; }
    public int TimeoutSeconds { get; set; } = 60;
}

public static class Providers
{
    public const string Zhipu = "Zhipu";
    public const string DeepSeek = "DeepSeek";
    public const string Ark = "Ark";
    public const string Hunyuan = "Hunyuan";
    public const string DashScope = "DashScope";

    public static readonly string[] All = [Zhipu, DeepSeek, Ark, Hunyuan, DashScope];
}

public sealed class NotificationOptions
{
    public string SmtpHost { get; set; } = "";
    public int SmtpPort { get; set; } = 465;
    public string SmtpUser { get; set; } = "";
    public string SmtpPassword { get; set; } = "";
    public string FromAddress { get; set; } = "noreply@wealthpal.example.cn";
    public string FromName { get; set; } = "财富通";
    public string SmsBaseUrl { get; set; } = "";
    public string SmsAppKey { get; set; } = "";
    public string SmsSign { get; set; } = "财富通";
    public string PushBaseUrl { get; set; } = "";
    public string WeComBaseUrl { get; set; } = "https://qyapi.weixin.qq.com/";
    public string WeComOpenKfId { get; set; } = "";
}
