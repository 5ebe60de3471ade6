using System.ClientModel;
using Anthropic;
using Azure.AI.OpenAI;
using LinguaPath.Data;
using LinguaPath.Endpoints;
using LinguaPath.Hubs;
using LinguaPath.Jobs;
using LinguaPath.Middleware;
using LinguaPath.Models;
using LinguaPath.Notifications;
using LinguaPath.Services;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.AI;
using Microsoft.SemanticKernel;
using OpenAI;
using Quartz;

var builder = WebApplication.CreateBuilder(args);

builder.Services.Configure<AiOptions>(builder.Configuration.GetSection(AiOptions.Section));
builder.Services.Configure<SmtpOptions>(builder.Configuration.GetSection(SmtpOptions.Section));
builder.Services.Configure<TwilioOptions>(builder.Configuration.GetSection(TwilioOptions.Section));

var ai = builder.Configuration.GetSection(AiOptions.Section).Get<AiOptions>() ?? new AiOptions();

// ---- data ----
builder.Services.AddDbContext<TutorDbContext>(options =>
    options.UseSqlite(builder.Configuration.GetConnectionString("Tutor") ?? "Data Source=linguapath.db"));
builder.Services.AddMemoryCache();
builder.Services.AddSingleton(TimeProvider.System);

// ---- model clients ----
OpenAIClient openAi = string.IsNullOrEmpty(ai.AzureEndpoint)
    ? new OpenAIClient(ai.OpenAiApiKey)
    : new AzureOpenAIClient(new Uri(ai.AzureEndpoint), new ApiKeyCredential(ai.AzureApiKey ?? ai.OpenAiApiKey));

builder.Services.AddSingleton(openAi.GetChatClient(ai.CorrectionModel));
builder.Services.AddSingleton(openAi.GetImageClient(ai.ImageModel));
builder.Services.AddSingleton(openAi.GetAudioClient(ai.SpeechModel));

builder.Services
    .AddChatClient(openAi.GetChatClient(ai.ChatModel).AsIChatClient())
    .UseLogging();

builder.Services.AddKernel()
    .AddOpenAIChatCompletion(ai.ChatModel, ai.OpenAiApiKey)
    .Plugins.AddFromType<CurriculumPlugin>("curriculum");

builder.Services.AddSingleton(_ => new AnthropicClient { ApiKey = ai.AnthropicApiKey });

builder.Services.AddHttpClient<IStudyTipClient, GlmStudyTipClient>(client =>
{
    client.BaseAddress = new Uri(ai.GlmBaseUrl);
    client.Timeout = TimeSpan.FromSeconds(90);
});

// ---- application services ----
builder.Services.AddScoped<ITutorChatService, TutorChatService>();
builder.Services.AddScoped<IEssayCorrectionService, EssayCorrectionService>();
builder.Services.AddScoped<IQuizService, QuizService>();
builder.Services.AddScoped<IMediaGenerationService, MediaGenerationService>();
builder.Services.AddScoped<ILessonPlanService, LessonPlanService>();

builder.Services.AddSingleton<ReminderQueue>();
builder.Services.AddSingleton<IReminderQueue>(sp => sp.GetRequiredService<ReminderQueue>());
builder.Services.AddHostedService<ReminderDispatcher>();

// ---- scheduled jobs ----
builder.Services.AddQuartz(q =>
{
    q.AddJob<DailyLessonJob>(job => job.WithIdentity(DailyLessonJob.Key));
    q.AddTrigger(trigger => trigger
        .ForJob(DailyLessonJob.Key)
        .WithIdentity("daily-lesson-05utc")
        .WithCronSchedule("0 0 5 * * ?"));

    q.AddJob<WeeklyReportJob>(job => job.WithIdentity(WeeklyReportJob.Key));
    q.AddTrigger(trigger => trigger
        .ForJob(WeeklyReportJob.Key)
        .WithIdentity("weekly-report-sunday")
        .WithCronSchedule("0 0 18 ? * SUN"));
});
builder.Services.AddQuartzHostedService(options => options.WaitForJobsToComplete = true);

// ---- web ----
builder.Services.AddControllers();
builder.Services.AddSignalR();
builder.Services.AddProblemDetails();
builder.Services.AddCors(options => options.AddDefaultPolicy(policy => policy
    .WithOrigins(builder.Configuration.GetSection("Cors:Origins").Get<string[]>() ?? ["http://localhost:5173"])
    .AllowAnyHeader()
    .AllowAnyMethod()
    .AllowCredentials()));

var app = builder.Build();

using (var scope = app.Services.CreateScope())
{
    var db = scope.ServiceProvider.GetRequiredService<TutorDbContext>();
    db.Database.EnsureCreated();
}

app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseCors();
app.UseStaticFiles();
app.UseStudentContext();

app.MapControllers();
app.MapHub<ConversationHub>("/hubs/conversation");
app.MapCatalogEndpoints();
app.MapTutorEndpoints();

app.Run();
