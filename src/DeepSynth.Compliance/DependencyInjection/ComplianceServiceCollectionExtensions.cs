using System;
using DeepSynth.Compliance;
using DeepSynth.Compliance.Audio;
using DeepSynth.Compliance.Audit;
using DeepSynth.Compliance.Consent;
using DeepSynth.Compliance.Export;
using DeepSynth.Compliance.Imaging;
using DeepSynth.Compliance.Labeling;
using DeepSynth.Compliance.Metadata;
using DeepSynth.Compliance.Propagation;
using DeepSynth.Compliance.RealName;
using DeepSynth.Compliance.Review;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection
{
    /// <summary>Registers the compliance SDK.</summary>
    public static partial class ComplianceServiceCollectionExtensions
    {
        /// <summary>
        /// Registers every SDK service as a singleton with validated <see cref="ComplianceOptions"/> (checked at host start
        /// and on first use). The app still registers what only it knows: <see cref="IRealNameVerifier"/>,
        /// <see cref="IConsentRegistry"/>, <see cref="IUserAgreementRegistry"/>, an <see cref="IContentModerationAdapter"/>
        /// (or a feature library), an <see cref="IMediaModerationAdapter"/> (or Review:HoldMediaForManualReview) and, on
        /// ASP.NET Core, an authentication scheme; the start-up check names whichever of these is missing, all in one message.
        /// On net8.0 this also adds the real-name authorization policy for ASP.NET Core. <see cref="IRealNameGate"/> is scoped,
        /// so a scoped verifier (one that uses a DbContext) works.
        /// </summary>
        public static IServiceCollection AddDeepSynthCompliance(this IServiceCollection services, Action<ComplianceOptions> configure)
        {
            if (services is null)
            {
                throw new ArgumentNullException(nameof(services));
            }

            if (configure is null)
            {
                throw new ArgumentNullException(nameof(configure));
            }

            services.AddOptions<ComplianceOptions>().Configure(configure).ValidateOnStart();
            services.TryAddSingleton(new ComplianceRegistrations(services));
            services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ComplianceOptions>, ComplianceOptionsValidator>());
            services.TryAddSingleton(TimeProvider.System);
            services.TryAddSingleton<IComplianceUserAccessor, ComplianceUser>();

            services.TryAddSingleton<IAigcTextLabeler>(sp => new AigcTextLabeler(Options(sp).Label));
            services.TryAddSingleton<IVisibleImageLabeler>(sp => new VisibleImageLabeler(Options(sp).Image));
            services.TryAddSingleton<IAudioLabeler>(sp => new WavAudioLabeler(Options(sp).Audio));
            services.TryAddSingleton<IAigcFileLabeler>(sp => new AigcFileLabeler(
                Options(sp).ProviderCode, sp.GetRequiredService<IVisibleImageLabeler>(), sp.GetRequiredService<IAudioLabeler>(), sp.GetRequiredService<TimeProvider>()));
            services.TryAddSingleton<IPropagationInspector>(sp => new PropagationInspector(Options(sp).ProviderCode!, sp.GetRequiredService<TimeProvider>()));

            services.TryAddSingleton<ISynthesisAuditLog>(sp => new SynthesisAuditLog(
                Options(sp).Audit, sp.GetRequiredService<TimeProvider>(), sp.GetService<ILogger<SynthesisAuditLog>>(), sp.GetService<IComplianceUserAccessor>()));
            services.TryAddSingleton<IContentReviewer>(sp => new ContentReviewer(
                Options(sp).Review.FeatureLibraryPath is { } path
                    ? new FeatureLibraryReviewer(path, Options(sp).Review.ReloadCheckInterval, sp.GetRequiredService<TimeProvider>(), sp.GetService<ILogger<FeatureLibraryReviewer>>())
                    : null,
                sp.GetServices<IContentModerationAdapter>(),
                sp.GetRequiredService<ISynthesisAuditLog>(),
                Options(sp).Audit.RecordAllowedReviews,
                Options(sp).Review.AdapterTimeout,
                sp.GetService<ILogger<ContentReviewer>>(),
                sp.GetServices<IMediaModerationAdapter>()));

            services.TryAddScoped<IRealNameGate>(sp => new RealNameGate(
                Required<IRealNameVerifier>(sp, "real-name verification"), Options(sp).RealName, sp.GetService<ILogger<RealNameGate>>()));
            services.TryAddSingleton<IBiometricConsentVerifier>(sp => new BiometricConsentVerifier(
                Required<IConsentRegistry>(sp, "face/voice consent checks"), sp.GetRequiredService<ISynthesisAuditLog>(), sp.GetRequiredService<TimeProvider>()));
            services.TryAddSingleton<IUnlabeledExportGate>(sp => new UnlabeledExportGate(
                Required<IUserAgreementRegistry>(sp, "unlabeled export"), Options(sp).Export, Options(sp).Audit.PseudonymKey!, sp.GetRequiredService<TimeProvider>(), sp.GetService<ILogger<UnlabeledExportGate>>()));

            AddPlatformServices(services);
            return services;
        }

        static partial void AddPlatformServices(IServiceCollection services);

        private static ComplianceOptions Options(IServiceProvider services) => services.GetRequiredService<IOptions<ComplianceOptions>>().Value;

        private static T Required<T>(IServiceProvider services, string feature)
            where T : class =>
            services.GetService<T>() ?? throw new InvalidOperationException($"{feature} needs an {typeof(T).Name} registered by the application (for example services.AddSingleton<{typeof(T).Name}, MyImplementation>()).");
    }
}
