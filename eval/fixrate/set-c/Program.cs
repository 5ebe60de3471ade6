using Microsoft.Extensions.AI;
using OpenAI;
using TravelDesk.Features.Chat;
using TravelDesk.Features.Trips;
using TravelDesk.Features.Tutor;

var builder = WebApplication.CreateBuilder(args);
var client = new OpenAIClient(builder.Configuration["OpenAI:Key"] ?? "sk-dev");
builder.Services.AddChatClient(client.GetChatClient(builder.Configuration["OpenAI:Model"] ?? "gpt-4o-mini").AsIChatClient());
builder.Services.AddSingleton(client);
builder.Services.AddControllers();
builder.Services.AddSignalR();
builder.Services.AddScoped<ItineraryPlanner>();
builder.Services.AddHostedService<DailyTipBroadcaster>();

var app = builder.Build();
app.MapControllers();
app.MapHub<ConciergeHub>("/hubs/concierge");
app.MapGroup("/api/trips").MapTrips();
app.MapTutor();
app.MapQuickAnswers();
app.MapPostcards();
app.Run();
