using DeepSynth.Compliance;
using DeepSynth.Compliance.AspNetCore;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection
{
    public static partial class ComplianceServiceCollectionExtensions
    {
        static partial void AddPlatformServices(IServiceCollection services)
        {
            services.AddAuthorizationCore(options => options.AddPolicy(RealNamePolicy.Name, policy => policy.RequireAuthenticatedUser().AddRequirements(new RealNameRequirement())));
            services.TryAddEnumerable(ServiceDescriptor.Scoped<IAuthorizationHandler, RealNameAuthorizationHandler>());
            services.AddSingleton<Microsoft.AspNetCore.Authorization.IAuthorizationMiddlewareResultHandler, RealNameAuthorizationResultHandler>();
            services.AddHttpContextAccessor();
            // Blocked content becomes a 422 problem response (with app.UseExceptionHandler()) rather than a 500.
            services.AddExceptionHandler<ContentBlockedExceptionHandler>();
            services.AddProblemDetails();
            services.Replace(ServiceDescriptor.Singleton<IComplianceUserAccessor>(sp => new HttpContextComplianceUserAccessor(
                sp.GetRequiredService<IHttpContextAccessor>(), sp.GetRequiredService<IOptions<ComplianceOptions>>().Value.RealName)));
        }
    }
}
