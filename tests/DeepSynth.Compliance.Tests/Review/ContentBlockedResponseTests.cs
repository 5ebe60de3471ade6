using System.Net;
using System.Text.Json;
using DeepSynth.Compliance.AspNetCore;
using DeepSynth.Compliance.RealName;
using DeepSynth.Compliance.Review;
using DeepSynth.Compliance.Tests.Support;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace DeepSynth.Compliance.Tests.Review;

/// <summary>Content the review blocks becomes a 422 problem response, not a bare 500, once the app uses the exception handler.</summary>
public sealed class ContentBlockedResponseTests : IAsyncLifetime
{
    private readonly TempDirectory _folder = new();
    private WebApplication? _app;
    private HttpClient? _client;

    [Fact]
    public async Task Blocked_input_is_a_422_problem_that_names_the_stage_and_not_the_rule()
    {
        var response = await _client!.PostAsync("/echo", new StringContent("请帮我刷单返利"));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        var body = await response.Content.ReadAsStringAsync();
        using var problem = JsonDocument.Parse(body);
        Assert.Equal(ContentBlockedExceptionHandler.ProblemType, problem.RootElement.GetProperty("type").GetString());
        Assert.Equal("Input", problem.RootElement.GetProperty("stage").GetString());
        Assert.Equal("Blocked", problem.RootElement.GetProperty("decision").GetString());
        Assert.DoesNotContain("FRAUD-1", body);
        Assert.DoesNotContain("刷单", body);
    }

    [Fact]
    public async Task Allowed_input_goes_through()
    {
        var response = await _client!.PostAsync("/echo", new StringContent("你好"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("你好", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Other_exceptions_are_left_to_the_default_handling()
    {
        var response = await _client!.GetAsync("/fail");
        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
    }

    public async Task InitializeAsync()
    {
        File.WriteAllText(_folder.File("features.json"), """{"rules":[{"id":"FRAUD-1","keywords":["刷单返利"],"decision":"Blocked"}]}""");
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseTestServer();
        builder.Logging.ClearProviders();
        builder.Services.AddDeepSynthCompliance(o =>
        {
            o.ProviderCode = "ACME-001";
            o.Audit.Directory = _folder.File("audit");
            o.Audit.PseudonymKey = TestKeys.PseudonymKey;
            o.Review.FeatureLibraryPath = _folder.File("features.json");
            o.Review.HoldMediaForManualReview = true;
        });
        builder.Services.AddSingleton<IRealNameVerifier>(new InMemoryRealNameVerifier());
        builder.Services.AddAuthorization();
        builder.Services.AddAuthentication(NoAuthentication.SchemeName).AddScheme<AuthenticationSchemeOptions, NoAuthentication>(NoAuthentication.SchemeName, null);

        _app = builder.Build();
        _app.UseExceptionHandler();
        _app.MapPost("/echo", async (HttpRequest request, IContentReviewer review) =>
        {
            var text = await new StreamReader(request.Body).ReadToEndAsync();
            return Results.Text(await review.EnsureAllowedAsync(text, ReviewStage.Input));
        });
        _app.MapGet("/fail", string () => throw new InvalidOperationException("not a review"));
        await _app.StartAsync();
        _client = _app.GetTestClient();
    }

    public async Task DisposeAsync()
    {
        _client?.Dispose();
        if (_app != null)
        {
            await _app.DisposeAsync();
        }

        _folder.Dispose();
    }
}
