using System.ClientModel;
using Azure.AI.OpenAI;
using InkWell.Background;
using InkWell.Data;
using InkWell.Email;
using InkWell.Endpoints;
using InkWell.Hubs;
using InkWell.Middleware;
using InkWell.Plugins;
using InkWell.Services;
using Microsoft.Extensions.AI;
using Microsoft.SemanticKernel;
using OpenAI;

var builder = WebApplication.CreateBuilder(args);
var config = builder.Configuration;
var openAiKey = config["InkWell:AI:OpenAIKey"] ?? "";
var editorModel = config["InkWell:AI:EditorModel"] ?? "gpt-4o-mini";

builder.Services.Configure<NewsletterOptions>(config.GetSection("InkWell:Newsletter"));
builder.Services.Configure<SmtpOptions>(config.GetSection("InkWell:Smtp"));
builder.Services.Configure<EditorsNoteOptions>(config.GetSection("InkWell:EditorsNote"));

builder.Services.AddChatClient(_ => new OpenAIClient(openAiKey).GetChatClient(editorModel).AsIChatClient()).UseLogging();

// The moderation team's Azure deployment, used through the OpenAI SDK.
builder.Services.AddSingleton(_ => new AzureOpenAIClient(
        new Uri(config["InkWell:AI:AzureEndpoint"] ?? "https://inkwell-moderation.openai.azure.com/"),
        new ApiKeyCredential(config["InkWell:AI:AzureKey"] ?? ""))
    .GetChatClient(config["InkWell:AI:AzureDeployment"] ?? "moderation-replies"));

builder.Services.AddOpenAIChatCompletion(editorModel, openAiKey);
builder.Services.AddKernel().Plugins.AddFromType<NewsroomPlugin>("newsroom");

builder.Services.AddSingleton<NewsroomCatalog>();
builder.Services.AddSingleton<SavedDraftRepository>();
builder.Services.AddScoped<IHeadlineService, HeadlineService>();
builder.Services.AddScoped<IReplyDraftService, ReplyDraftService>();
builder.Services.AddScoped<ITagSuggester, TagSuggester>();
builder.Services.AddSingleton<IReaderQaService, ReaderQaService>();
builder.Services.AddSingleton<INewsletterComposer, NewsletterComposer>();
builder.Services.AddSingleton<IEmailSender, SmtpEmailSender>();
builder.Services.AddHostedService<NewsletterWorker>();
builder.Services.AddControllers();
builder.Services.AddSignalR();

var app = builder.Build();
app.UseMiddleware<EditorsNoteMiddleware>();

app.MapGet("/health", () => Results.Ok(new { status = "ok", service = "inkwell", at = DateTimeOffset.UtcNow }));

app.MapGet("/api/articles", (NewsroomCatalog catalog, int? take) =>
    catalog.Articles.OrderByDescending(a => a.PublishedAt).Take(take ?? 20).Select(a => new { a.Id, a.Title, a.Section, Author = catalog.AuthorName(a.AuthorId), a.PublishedAt }));

app.MapGet("/read/{id:int}", (int id, NewsroomCatalog catalog) =>
{
    var article = catalog.FindArticle(id);
    if (article is null) return Results.NotFound();
    var html = $"<html><head><title>{article.Title}</title></head><body><article><h1>{article.Title}</h1><p>{article.Body}</p></article></body></html>";
    return Results.Content(html, "text/html");
});

app.MapEditorTools();
app.MapDraftEndpoints();
app.MapControllers();
app.MapHub<ReaderQaHub>("/hubs/reader-qa");

app.Run();
