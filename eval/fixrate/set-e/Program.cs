using Microsoft.Extensions.AI;
using Microsoft.SemanticKernel;
using OpenAI;
using OpenAI.Chat;
using StudyBuddy.Background;
using StudyBuddy.Endpoints;
using StudyBuddy.Hubs;
using StudyBuddy.Infrastructure;
using StudyBuddy.Services;

var builder = WebApplication.CreateBuilder(args);

var apiKey = builder.Configuration["OpenAI:ApiKey"]
    ?? Environment.GetEnvironmentVariable("OPENAI_API_KEY")
    ?? throw new InvalidOperationException("OpenAI:ApiKey is not configured.");
var chatModel = builder.Configuration["OpenAI:ChatModel"] ?? "gpt-4o-mini";

var openAi = new OpenAIClient(apiKey);
builder.Services.AddSingleton(openAi.GetChatClient(chatModel));
builder.Services.AddSingleton(openAi.GetImageClient(builder.Configuration["OpenAI:ImageModel"] ?? "dall-e-3"));
builder.Services.AddSingleton(openAi.GetAudioClient(builder.Configuration["OpenAI:SpeechModel"] ?? "tts-1"));

builder.Services.AddChatClient(new ChatClient(chatModel, apiKey).AsIChatClient()).UseLogging();
builder.Services.AddKernel().AddOpenAIChatCompletion(chatModel, apiKey);

builder.Services.AddSingleton<CourseCatalog>();
builder.Services.AddScoped<QuizGenerator>();
builder.Services.AddScoped<TutorService>();
builder.Services.AddHostedService<DailyTipBroadcaster>();

builder.Services.AddControllers();
builder.Services.AddSignalR();
builder.Services.AddProblemDetails();

var app = builder.Build();

app.UseExceptionHandler();
app.UseMiddleware<RequestTimingMiddleware>();

app.MapCatalogEndpoints();
app.MapAskEndpoints();
app.MapStudyPlanEndpoints();
app.MapControllers();
app.MapHub<StudyHub>("/hubs/study");

app.Run();
