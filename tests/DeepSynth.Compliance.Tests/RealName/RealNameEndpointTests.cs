using System.Net;
using System.Security.Claims;
using System.Text.Encodings.Web;
using System.Text.Json;
using DeepSynth.Compliance.RealName;
using DeepSynth.Compliance.Tests.Support;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DeepSynth.Compliance.Tests.RealName;

public sealed class RealNameEndpointTests : IAsyncLifetime
{
    private readonly TempDirectory _audit = new();

    /// <summary>The same requirement reached three ways: endpoint convention, group convention, controller attribute.</summary>
    public static TheoryData<string> ProtectedPaths => new() { "/minimal", "/group/item", "/controller" };
    private WebApplication? _app;
    private HttpClient? _client;

    [Theory]
    [MemberData(nameof(ProtectedPaths))]
    public async Task Anonymous_users_are_challenged(string path)
    {
        var response = await _client!.GetAsync(path);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Theory]
    [MemberData(nameof(ProtectedPaths))]
    public async Task Signed_in_users_without_real_name_get_a_403_problem(string path)
    {
        var response = await Send(path, "bob");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(RealNamePolicy.ProblemType, problem.RootElement.GetProperty("type").GetString());
        Assert.Contains("Art. 9", problem.RootElement.GetProperty("detail").GetString());
    }

    [Theory]
    [MemberData(nameof(ProtectedPaths))]
    public async Task Verified_users_get_through(string path)
    {
        var response = await Send(path, "alice");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("published", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Endpoints_without_the_requirement_are_untouched()
    {
        Assert.Equal(HttpStatusCode.OK, (await Send("/open", "bob")).StatusCode);
    }

    [Fact]
    public void The_attribute_is_authorization_data_with_the_fixed_policy()
    {
        Microsoft.AspNetCore.Authorization.IAuthorizeData data = new RequireRealNameAttribute();
        Assert.Equal(RealNamePolicy.Name, data.Policy);
        Assert.Throws<NotSupportedException>(() => data.Policy = "Other");
    }

    public async Task InitializeAsync()
    {
        var verifier = new InMemoryRealNameVerifier();
        verifier.Record(RealNameVerification.Verified("alice", DateTimeOffset.UnixEpoch, RealNameMethod.MobileNumber));

        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseTestServer();
        builder.Logging.ClearProviders();
        builder.Services.AddDeepSynthCompliance(o =>
        {
            o.ProviderCode = "ACME-001";
            o.Audit.Directory = _audit.Path;
            o.Audit.PseudonymKey = TestKeys.PseudonymKey;
            o.Review.FeatureLibraryPath = _audit.File("features.json");
            o.Review.HoldMediaForManualReview = true;
        });
        File.WriteAllText(_audit.File("features.json"), """{"rules":[]}""");
        builder.Services.AddSingleton<IRealNameVerifier>(verifier);
        builder.Services.AddAuthentication(HeaderAuthentication.SchemeName).AddScheme<AuthenticationSchemeOptions, HeaderAuthentication>(HeaderAuthentication.SchemeName, null);
        builder.Services.AddControllers().AddApplicationPart(typeof(PublishController).Assembly);

        _app = builder.Build();
        _app.UseAuthentication();
        _app.UseAuthorization();
        _app.MapGet("/minimal", () => "published").RequireRealName();
        _app.MapGroup("/group").RequireRealName().MapGet("/item", () => "published");
        _app.MapGet("/open", () => "open");
        _app.MapControllers();
        await _app.StartAsync();
        _client = _app.GetTestClient();
    }

    public async Task DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }

        _audit.Dispose();
    }

    private Task<HttpResponseMessage> Send(string path, string user)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add("X-User", user);
        return _client!.SendAsync(request);
    }

    /// <summary>Signs the request in as the user named in X-User: a login, which is not yet real-name verification.</summary>
    private sealed class HeaderAuthentication(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder)
        : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
    {
        public const string SchemeName = "Header";

        protected override Task<AuthenticateResult> HandleAuthenticateAsync()
        {
            if (!Request.Headers.TryGetValue("X-User", out var user))
            {
                return Task.FromResult(AuthenticateResult.NoResult());
            }

            var identity = new ClaimsIdentity(new[] { new Claim(ClaimTypes.NameIdentifier, user.ToString()) }, SchemeName);
            return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName)));
        }
    }
}

[ApiController]
[Route("controller")]
[RequireRealName]
public sealed class PublishController : ControllerBase
{
    [HttpGet]
    public string Get() => "published";
}
