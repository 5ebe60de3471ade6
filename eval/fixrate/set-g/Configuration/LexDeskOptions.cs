namespace LexDesk.Configuration;

public sealed class OpenAiSettings
{
    public const string SectionName = "OpenAI";
    public string? ApiKey { get; set; }
    public string ChatModel { get; set; } = "gpt-4o";
    public string AzureEndpoint { get; set; } = "https://lexdesk-eastasia.openai.azure.com/";
    public string? AzureApiKey { get; set; }
    public string ImageDeployment { get; set; } = "dall-e-3";
}

public sealed class LexDeskOptions
{
    public const string SectionName = "LexDesk";
    public string FirmName { get; set; } = "衡信律师事务所";
    public string DefaultJurisdiction { get; set; } = "中华人民共和国";
    public int MaxContractCharacters { get; set; } = 60_000;
    public int MaxChatTurns { get; set; } = 20;
    public TimeSpan ReminderInterval { get; set; } = TimeSpan.FromHours(6);
    public int ReminderLookaheadDays { get; set; } = 7;
}
