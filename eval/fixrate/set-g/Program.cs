using System.ClientModel;
using Azure.AI.OpenAI;
using LexDesk.Background;
using LexDesk.Configuration;
using LexDesk.Data;
using LexDesk.Endpoints;
using LexDesk.Hubs;
using LexDesk.Services;
using Microsoft.Extensions.AI;
using Microsoft.SemanticKernel;
using OpenAI.Chat;
using OpenAI.Images;

var builder = WebApplication.CreateBuilder(args);

builder.Services.Configure<LexDeskOptions>(builder.Configuration.GetSection(LexDeskOptions.SectionName));
var openAi = builder.Configuration.GetSection(OpenAiSettings.SectionName).Get<OpenAiSettings>() ?? new OpenAiSettings();
var apiKey = openAi.ApiKey ?? Environment.GetEnvironmentVariable("OPENAI_API_KEY") ?? "missing-key";

// The raw SDK client for the explainer, and the same model wrapped as an IChatClient for everything else.
builder.Services.AddSingleton(new ChatClient(openAi.ChatModel, apiKey));
builder.Services.AddSingleton<IChatClient>(_ => new ChatClient(openAi.ChatModel, apiKey).AsIChatClient());
// Cover images come from the firm's Azure OpenAI resource.
builder.Services.AddSingleton<ImageClient>(_ =>
    new AzureOpenAIClient(new Uri(openAi.AzureEndpoint), new ApiKeyCredential(openAi.AzureApiKey ?? apiKey))
        .GetImageClient(openAi.ImageDeployment));
builder.Services.AddKernel().AddOpenAIChatCompletion(openAi.ChatModel, apiKey);

builder.Services.AddSingleton<IMatterStore, InMemoryMatterStore>();
builder.Services.AddScoped<IClauseDrafter, ClauseDraftingService>();
builder.Services.AddScoped<IContractSummarizer, ContractSummarizer>();
builder.Services.AddScoped<ClauseExplanationService>();
builder.Services.AddScoped<ILegalAdvisorChat, LegalAdvisorChat>();
builder.Services.AddHostedService<DeadlineReminderService>();
builder.Services.AddControllers();
builder.Services.AddSignalR();
builder.Services.AddProblemDetails();

var app = builder.Build();
app.UseExceptionHandler();
app.MapControllers();
app.MapHub<ConsultationHub>("/hubs/consultation");

var api = app.MapGroup("/api");
api.MapDraftingEndpoints();
api.MapSystemEndpoints();

app.Run();
