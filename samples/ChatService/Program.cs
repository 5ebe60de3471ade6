using System.ClientModel;
using ChatService.Endpoints;
using ChatService.Hubs;
using ChatService.Services;
using DeepSynth.Compliance.Consent;
using DeepSynth.Compliance.Export;
using DeepSynth.Compliance.RealName;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.Extensions.AI;
using Microsoft.SemanticKernel;
using OpenAI;

var builder = WebApplication.CreateBuilder(args);

// Models: one OpenAI client; chat through Microsoft.Extensions.AI, images through OpenAI, writing through Semantic Kernel.
var apiKey = builder.Configuration["OpenAI:ApiKey"] ?? "not-configured";
var chatModel = builder.Configuration["OpenAI:ChatModel"] ?? "gpt-4o-mini";
var openAi = new OpenAIClient(new ApiKeyCredential(apiKey));
builder.Services.AddSingleton(openAi.GetChatClient(chatModel));
builder.Services.AddSingleton(openAi.GetImageClient(builder.Configuration["OpenAI:ImageModel"] ?? "gpt-image-1"));
builder.Services.AddChatClient(openAi.GetChatClient(chatModel).AsIChatClient());
builder.Services.AddKernel().AddOpenAIChatCompletion(chatModel, apiKey);

// The web stack.
builder.Services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme).AddCookie();
builder.Services.AddAuthorization();
builder.Services.AddControllers();
builder.Services.AddSignalR();

// Compliance: labels, review, audit log, real-name gate (DeepSynth.Compliance), plus what only this service knows.
builder.Services.AddDeepSynthCompliance(options => builder.Configuration.GetSection("DeepSynth").Bind(options));
builder.Services.AddScoped<IRealNameVerifier, ClaimsRealNameVerifier>();
builder.Services.AddSingleton<IConsentRegistry, InMemoryConsentRegistry>();
builder.Services.AddSingleton<IUserAgreementRegistry, NoUnlabeledExportAgreements>();
builder.Services.AddScoped<AnswerService>();

var app = builder.Build();
app.UseAuthentication();
app.UseAuthorization();

app.MapChatEndpoints();
app.MapImageEndpoints();
app.MapServiceInformationEndpoints();
app.MapControllers();
app.MapHub<ChatHub>("/hubs/chat");

app.Run();
