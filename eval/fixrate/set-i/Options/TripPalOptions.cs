namespace TripPal.Options;

public sealed class OpenAiSettings
{
    public const string Section = "OpenAI";
    public string ApiKey { get; set; } = "sk-local-development";
    public string ChatModel { get; set; } = "gpt-4o-mini";
    public string ImageModel { get; set; } = "dall-e-3";
    public string AzureEndpoint { get; set; } = "https://trippal-merchants.openai.azure.com/";
    public string AzureApiKey { get; set; } = "local-development";
    public string MerchantDeployment { get; set; } = "gpt-4o-merchant-content";
}

public sealed class SmtpSettings
{
    public const string Section = "Smtp";
    public string Host { get; set; } = "localhost";
    public int Port { get; set; } = 25;
    public bool EnableSsl { get; set; }
    public string? UserName { get; set; }
    public string? Password { get; set; }
    public string FromAddress { get; set; } = "trips@trippal.example";
    public string FromName { get; set; } = "TripPal";
}

public sealed class DestinationTipsSettings
{
    public const string Section = "DestinationTips";
    public int RunAtHourUtc { get; set; } = 2;
    public int TipsPerDestination { get; set; } = 5;
    public TimeSpan CacheLifetime { get; set; } = TimeSpan.FromHours(26);
}
