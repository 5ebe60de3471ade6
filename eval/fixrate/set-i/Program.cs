using System.ClientModel;
using Azure.AI.OpenAI;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Options;
using Microsoft.SemanticKernel;
using OpenAI;
using OpenAI.Chat;
using TripPal.Background;
using TripPal.Data;
using TripPal.Endpoints;
using TripPal.Hubs;
using TripPal.Options;
using TripPal.Services;

var builder = WebApplication.CreateBuilder(args);

builder.Services.Configure<OpenAiSettings>(builder.Configuration.GetSection(OpenAiSettings.Section));
builder.Services.Configure<SmtpSettings>(builder.Configuration.GetSection(SmtpSettings.Section));
builder.Services.Configure<DestinationTipsSettings>(builder.Configuration.GetSection(DestinationTipsSettings.Section));

var openAi = builder.Configuration.GetSection(OpenAiSettings.Section).Get<OpenAiSettings>() ?? new OpenAiSettings();
var openAiClient = new OpenAIClient(new ApiKeyCredential(openAi.ApiKey));

// Customer-facing text goes through Microsoft.Extensions.AI so we can swap providers later.
builder.Services.AddChatClient(openAiClient.GetChatClient(openAi.ChatModel).AsIChatClient()).UseLogging();
builder.Services.AddSingleton(openAiClient.GetImageClient(openAi.ImageModel));
// Merchant content runs on the Azure deployment the partner team pays for.
builder.Services.AddSingleton<ChatClient>(_ =>
    new AzureOpenAIClient(new Uri(openAi.AzureEndpoint), new ApiKeyCredential(openAi.AzureApiKey)).GetChatClient(openAi.MerchantDeployment));
builder.Services.AddKernel().AddOpenAIChatCompletion(openAi.ChatModel, openAi.ApiKey);

builder.Services.AddMemoryCache();
builder.Services.AddDistributedMemoryCache();
builder.Services.AddSignalR();
builder.Services.AddControllers();

builder.Services.AddSingleton<TravelCatalog>();
builder.Services.AddSingleton<IChatSessionStore, InMemoryChatSessionStore>();
builder.Services.AddSingleton<IDestinationImageStore, InMemoryDestinationImageStore>();
builder.Services.AddSingleton<DescriptionRevisionArchive>();
builder.Services.AddScoped<IItineraryPlanner, ItineraryPlanner>();
builder.Services.AddScoped<IHotelDescriptionRewriter, HotelDescriptionRewriter>();
builder.Services.AddScoped<ICustomerChatService, CustomerChatService>();
builder.Services.AddScoped<ITripSummaryMailer, TripSummaryMailer>();
builder.Services.AddScoped<IFaqAnswerService, FaqAnswerService>();
builder.Services.AddScoped<DestinationImageService>();
builder.Services.AddHostedService<DestinationTipsWorker>();

var app = builder.Build();

app.MapGet("/health", () => Results.Ok(new { status = "ok", service = "trippal", time = DateTimeOffset.UtcNow }));

app.MapGet("/api/rates", (TravelCatalog catalog, string? currency) =>
    currency is null ? Results.Ok(catalog.Rates()) : Results.Ok(catalog.Rates().Where(r => r.Code == currency.ToUpperInvariant())));

app.MapGet("/api/assistant/models", (IOptions<OpenAiSettings> options) =>
    new { chat = options.Value.ChatModel, merchant = options.Value.MerchantDeployment, images = options.Value.ImageModel });

app.MapControllers();
app.MapHub<TripChatHub>("/hubs/chat");
app.MapAssistantEndpoints();
app.MapContentEndpoints();

app.Run();
