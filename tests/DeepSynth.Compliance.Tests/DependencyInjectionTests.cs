using DeepSynth.Compliance.Audit;
using DeepSynth.Compliance.Labeling;
using DeepSynth.Compliance.Metadata;
using DeepSynth.Compliance.RealName;
using DeepSynth.Compliance.Review;
using DeepSynth.Compliance.Tests.Support;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DeepSynth.Compliance.Tests;

public sealed class DependencyInjectionTests : IDisposable
{
    private readonly TempDirectory _folder = new();

    [Fact]
    public async Task One_call_registers_working_services()
    {
        File.WriteAllText(_folder.File("lib.json"), """{"rules":[{"id":"R1","keywords":["禁词"]}]}""");
        using var provider = new ServiceCollection()
            .AddLogging()
            .AddDeepSynthCompliance(o =>
            {
                Configure(o);
                o.Review.FeatureLibraryPath = _folder.File("lib.json");
                o.Review.HoldMediaForManualReview = true;
            })
            .AddScoped<IRealNameVerifier, NoOneVerified>()
            .AddAuthentication(NoAuthentication.SchemeName).AddScheme<AuthenticationSchemeOptions, NoAuthentication>(NoAuthentication.SchemeName, null).Services
            .BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true, ValidateOnBuild = true });

        Assert.Equal("【AI生成】\nx", provider.GetRequiredService<IAigcTextLabeler>().Label("x"));
        Assert.Equal("ACME-001", provider.GetRequiredService<IAigcFileLabeler>().Read(provider.GetRequiredService<IAigcFileLabeler>().Label(TestMedia.Png()))!.ContentProducer);
        Assert.Equal(ReviewDecision.Blocked, (await provider.GetRequiredService<IContentReviewer>().ReviewAsync("禁词", ReviewStage.Input)).Decision);
        await provider.GetRequiredService<ISynthesisAuditLog>().RecordAsync("x", new GenerationRecord());
        Assert.Same(provider.GetRequiredService<ISynthesisAuditLog>(), provider.GetRequiredService<ISynthesisAuditLog>());
        Assert.Equal(2, AuditLogVerifier.Verify(_folder.File("audit")).RecordCount);
    }

    [Fact]
    public async Task Checkpoint_settings_bind_from_configuration()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["DeepSynth:Audit:CheckpointPrivateKey"] = TestKeys.CheckpointPrivateKey,
            ["DeepSynth:Audit:CheckpointInterval"] = "00:00:00",
            ["DeepSynth:Audit:CheckpointCopyDirectory"] = _folder.File("offhost"),
        }).Build();
        File.WriteAllText(_folder.File("lib.json"), """{"rules":[{"id":"R1","keywords":["禁词"]}]}""");
        using (var provider = new ServiceCollection().AddLogging().AddDeepSynthCompliance(o =>
        {
            Configure(o);
            o.Review.FeatureLibraryPath = _folder.File("lib.json");
            o.Review.HoldMediaForManualReview = true;
            configuration.GetSection("DeepSynth").Bind(o);
        })
        .AddScoped<IRealNameVerifier, NoOneVerified>()
        .AddAuthentication(NoAuthentication.SchemeName).AddScheme<AuthenticationSchemeOptions, NoAuthentication>(NoAuthentication.SchemeName, null).Services
        .BuildServiceProvider())
        {
            await provider.GetRequiredService<ISynthesisAuditLog>().RecordAsync("x", new GenerationRecord());
        }

        var options = new AuditVerificationOptions { TrustedKey = AuditCheckpointSigner.Parse(TestKeys.CheckpointPrivateKey).PublicKey };
        options.CheckpointFiles.Add(AuditCheckpointFile.PathIn(_folder.File("offhost")));
        var result = AuditLogVerifier.Verify(_folder.File("audit"), options);
        Assert.True(result.IsIntact, result.FirstBreak?.ToString());
        Assert.Equal(2, result.CheckpointsMatched);
    }

    [Fact]
    public void Invalid_options_fail_with_every_problem_listed()
    {
        using var provider = new ServiceCollection()
            .AddDeepSynthCompliance(o =>
            {
                o.ProviderCode = "阿克米";
                o.Label.Text = "AI";
                o.Audit.RetentionDays = 30;
            })
            .BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<ComplianceOptions>>().Value);
        Assert.Contains(error.Failures, f => f.Contains("ProviderCode"));
        Assert.Contains(error.Failures, f => f.Contains("Label:Text"));
        Assert.Contains(error.Failures, f => f.Contains("Audit:RetentionDays"));
        Assert.Contains(error.Failures, f => f.Contains("Audit:Directory"));
    }

    [Fact]
    public void A_missing_application_service_is_named()
    {
        using var provider = new ServiceCollection().AddLogging().AddDeepSynthCompliance(Configure).BuildServiceProvider();
        using var scope = provider.CreateScope();
        var error = Assert.Throws<InvalidOperationException>(() => scope.ServiceProvider.GetRequiredService<IRealNameGate>());
        Assert.Contains("IRealNameVerifier", error.Message);
    }

    [Fact]
    public void Start_up_names_everything_the_application_must_still_register_in_one_message()
    {
        using var provider = new ServiceCollection().AddLogging().AddDeepSynthCompliance(Configure).BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<ComplianceOptions>>().Value);

        Assert.Equal(4, error.Failures.Count());
        Assert.Contains("IContentModerationAdapter", error.Message);
        Assert.Contains("FeatureLibraryPath", error.Message);
        Assert.Contains("IMediaModerationAdapter", error.Message);
        Assert.Contains("HoldMediaForManualReview", error.Message);
        Assert.Contains("IRealNameVerifier", error.Message);
        Assert.Contains("AddAuthentication", error.Message);
    }

    [Fact]
    public void Registrations_made_after_the_sdk_satisfy_the_start_up_check()
    {
        using var provider = new ServiceCollection().AddLogging()
            .AddDeepSynthCompliance(Configure)
            .AddSingleton<IContentModerationAdapter, AllowEverything>()
            .AddSingleton<IMediaModerationAdapter, AllowEverything>()
            .AddScoped<IRealNameVerifier, NoOneVerified>()
            .AddAuthentication(NoAuthentication.SchemeName).AddScheme<AuthenticationSchemeOptions, NoAuthentication>(NoAuthentication.SchemeName, null).Services
            .BuildServiceProvider();

        Assert.Equal("ACME-001", provider.GetRequiredService<IOptions<ComplianceOptions>>().Value.ProviderCode);
    }

    [Fact]
    public async Task The_host_does_not_start_when_the_application_left_something_out()
    {
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseTestServer();
        builder.Logging.ClearProviders();
        builder.Services.AddDeepSynthCompliance(o =>
        {
            Configure(o);
            o.Review.HoldMediaForManualReview = true;
        });
        builder.Services.AddSingleton<IContentModerationAdapter, AllowEverything>();
        builder.Services.AddScoped<IRealNameVerifier, NoOneVerified>();
        await using var app = builder.Build();

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => app.StartAsync());

        // Only what is missing is named: review, media and the verifier are there, authentication is not.
        Assert.Contains("AddAuthentication", Assert.Single(error.Failures));
    }

    public void Dispose() => _folder.Dispose();

    private sealed class AllowEverything : IContentModerationAdapter, IMediaModerationAdapter
    {
        public string Name => "allow";

        public Task<ReviewVerdict> ModerateAsync(string content, ReviewStage stage, CancellationToken cancellationToken) => Task.FromResult(ReviewVerdict.Allowed(stage));

        public Task<ReviewVerdict> ModerateAsync(byte[] media, string mediaType, ReviewStage stage, CancellationToken cancellationToken) => Task.FromResult(ReviewVerdict.Allowed(stage));
    }

    private sealed class NoOneVerified : IRealNameVerifier
    {
        public Task<RealNameVerification> GetVerificationAsync(string userId, CancellationToken cancellationToken = default) =>
            Task.FromResult(RealNameVerification.NotVerified(userId, "test"));
    }


    private void Configure(ComplianceOptions options)
    {
        options.ProviderCode = "ACME-001";
        options.Audit.Directory = _folder.File("audit");
        options.Audit.PseudonymKey = TestKeys.PseudonymKey;
    }
}
