using System.ClientModel;
using Azure.AI.OpenAI;
using Microsoft.Extensions.AI;
using Microsoft.SemanticKernel;
using OpenAI;
using OpenAI.Images;
using TalentDesk.Background;
using TalentDesk.Data;
using TalentDesk.Endpoints;
using TalentDesk.Hubs;
using TalentDesk.Services;

var builder = WebApplication.CreateBuilder(args);
var config = builder.Configuration;

var openAiKey = config["OpenAI:ApiKey"] ?? throw new InvalidOperationException("OpenAI:ApiKey is not set");
var chatModel = config["OpenAI:ChatModel"] ?? "gpt-4o-mini";
var openAi = new OpenAIClient(openAiKey);

builder.Services.AddChatClient(openAi.GetChatClient(chatModel).AsIChatClient()).UseFunctionInvocation();

// CV parsing runs against the Azure deployment (data residency for candidate documents).
builder.Services.AddSingleton(_ =>
{
    var azure = new AzureOpenAIClient(
        new Uri(config["AzureOpenAI:Endpoint"] ?? "https://talentdesk.openai.azure.com/"),
        new ApiKeyCredential(config["AzureOpenAI:ApiKey"] ?? string.Empty));
    return azure.GetChatClient(config["AzureOpenAI:Deployment"] ?? "cv-gpt4o");
});

builder.Services.AddSingleton<ImageClient>(_ => openAi.GetImageClient(config["OpenAI:ImageModel"] ?? "dall-e-3"));

builder.Services.AddKernel().AddOpenAIChatCompletion(chatModel, openAiKey);

builder.Services.AddSingleton<ICandidateStore, InMemoryCandidateStore>();
builder.Services.AddSingleton<JobPostingStore>();
builder.Services.AddScoped<IJobDescriptionWriter, JobDescriptionWriter>();
builder.Services.AddScoped<CvSummaryService>();
builder.Services.AddScoped<InterviewQuestionGenerator>();
builder.Services.AddScoped<ICandidateEmailDrafter, CandidateEmailDrafter>();
builder.Services.AddScoped<JobBannerService>();
builder.Services.AddScoped<HiringDigestBuilder>();
builder.Services.AddHostedService<WeeklyDigestWorker>();

builder.Services.AddControllers();
builder.Services.AddSignalR();
builder.Services.AddProblemDetails();

var app = builder.Build();
app.UseExceptionHandler();
app.UseStaticFiles();

app.MapGet("/healthz", () => Results.Ok(new { status = "ok", time = DateTimeOffset.UtcNow }));
app.MapControllers();
app.MapHub<RecruiterHub>("/hubs/recruiters");
app.MapInterviewEndpoints();
app.MapAssistantEndpoints();

app.Run();
