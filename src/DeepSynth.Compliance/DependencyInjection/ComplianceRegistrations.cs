using System;
using System.Collections.Generic;
using System.Linq;
using DeepSynth.Compliance.RealName;
using DeepSynth.Compliance.Review;
using Microsoft.Extensions.DependencyInjection;

namespace DeepSynth.Compliance
{
    /// <summary>
    /// What the application registered besides the SDK, checked at host start: the services the SDK needs from the
    /// application (a moderation service for review, a real-name verifier and an authentication scheme for the real-name
    /// gate, a media moderation service). Keeps the service collection itself, so registrations made after
    /// AddDeepSynthCompliance count too.
    /// </summary>
    internal sealed partial class ComplianceRegistrations
    {
        private readonly IServiceCollection _services;

        public ComplianceRegistrations(IServiceCollection services) => _services = services;

        private bool Has<T>() => _services.Any(d => d.ServiceType == typeof(T));

        /// <summary>Everything the application still has to configure, one sentence each (English, then Chinese).</summary>
        public IEnumerable<string> Problems(ComplianceOptions options, IServiceProvider services)
        {
            if (options.Review?.FeatureLibraryPath is null && !Has<IContentModerationAdapter>())
            {
                yield return "Review has nothing to review with: set DeepSynth:Review:FeatureLibraryPath to a feature library, or register an " +
                    "IContentModerationAdapter (services.AddSingleton<IContentModerationAdapter, MyModeration>()). / 内容审核未配置：请设置 " +
                    "DeepSynth:Review:FeatureLibraryPath（特征库），或注册 IContentModerationAdapter。";
            }

            if (!Has<IMediaModerationAdapter>() && options.Review?.HoldMediaForManualReview != true)
            {
                yield return "Generated images, audio and video need a media moderation service: register an IMediaModerationAdapter, or set " +
                    "DeepSynth:Review:HoldMediaForManualReview to true (every generated medium is then held for manual review and not published). / " +
                    "生成的图片、音频、视频需要媒体审核：请注册 IMediaModerationAdapter，或将 DeepSynth:Review:HoldMediaForManualReview 设为 true（所有生成媒体转人工审核，不发布）。";
            }

            if (!Has<IRealNameVerifier>())
            {
                yield return "The real-name gate (RequireRealName, IRealNameGate) needs your IRealNameVerifier: " +
                    "services.AddScoped<IRealNameVerifier, MyVerifier>(). / 实名门槛需要应用提供 IRealNameVerifier（例如 services.AddScoped<IRealNameVerifier, MyVerifier>()）。";
            }

            foreach (var problem in PlatformProblems(services))
            {
                yield return problem;
            }
        }

        /// <summary>Checks of the platform integration (ASP.NET Core authentication on net8.0).</summary>
        private partial IEnumerable<string> PlatformProblems(IServiceProvider services);
    }
}
