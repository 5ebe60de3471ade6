using Microsoft.Extensions.AI;
using OpenAI;
using WriterApp.Endpoints;
using WriterApp.Hubs;

var builder = WebApplication.CreateBuilder(args);

var openAi = new OpenAIClient(builder.Configuration["OpenAI:Key"] ?? "sk-dev");
builder.Services.AddSingleton(openAi);
builder.Services.AddChatClient(openAi.GetChatClient("gpt-4o-mini").AsIChatClient());
builder.Services.AddControllers();
builder.Services.AddSignalR();
builder.Services.AddScoped<WriterApp.Services.OutlineService>();
builder.Services.AddSingleton<WriterApp.Services.DigestNotifier>();

var app = builder.Build();

app.MapControllers();
app.MapHub<AssistantHub>("/hubs/assistant");
app.MapChatEndpoints();
app.MapSummaryEndpoints();
app.MapFaqEndpoints();
app.MapStreamEndpoints();
app.MapImageEndpoints();
app.UseMiddleware<WriterApp.Middleware.InstantAnswerMiddleware>();

app.Run();
