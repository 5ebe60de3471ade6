namespace MenuMuse.Options;

public sealed class OpenAiOptions
{
    public const string SectionName = "OpenAI";
    public string ApiKey { get; set; } = string.Empty;
    public string? AzureEndpoint { get; set; } // set in production: we call our Azure OpenAI resource
    public string ChatModel { get; set; } = "gpt-4o-mini";
    public string ImageModel { get; set; } = "gpt-image-1";
}

public sealed class PromotionOptions
{
    public const string SectionName = "Promotions";
    public bool Enabled { get; set; } = true;
    public TimeSpan SendAt { get; set; } = new(10, 30, 0);
    public string[] Cities { get; set; } = ["Lyon", "Porto"];
    public int DishesPerPush { get; set; } = 3;
}

public sealed class PhotoStorageOptions
{
    public const string SectionName = "Photos";
    public string Directory { get; set; } = "generated-photos";
    public string DefaultStyle { get; set; } = "bright natural light, overhead shot, rustic wooden table";
}
