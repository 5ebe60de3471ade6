using System;
using System.Threading.Tasks;
using DeepSynth.Compliance.RealName;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace DeepSynth.Compliance.AspNetCore
{
    /// <summary>Meets <see cref="RealNameRequirement"/> when the signed-in user's verification is on record.</summary>
    public sealed class RealNameAuthorizationHandler : AuthorizationHandler<RealNameRequirement>
    {
        internal const string VerificationItem = "DeepSynth.RealNameVerification";
        private readonly IServiceProvider _services;
        private readonly RealNameOptions _options;

        /// <param name="services">The request's services; the verifier is resolved only when a real-name check runs, so an
        /// app without <see cref="IRealNameVerifier"/> still authorizes its other endpoints.</param>
        /// <param name="options">The SDK options.</param>
        public RealNameAuthorizationHandler(IServiceProvider services, IOptions<ComplianceOptions> options)
        {
            _services = services;
            _options = options.Value.RealName;
        }

        protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, RealNameRequirement requirement)
        {
            var http = context.Resource as HttpContext ?? (context.Resource as HubInvocationContext)?.Context.GetHttpContext();
            var userId = RealNameClaims.FindUserId(context.User, _options.UserIdClaimTypes);
            if (userId is null)
            {
                // Not signed in: the middleware challenges (401) instead of forbidding.
                context.Fail(new AuthorizationFailureReason(this, "The user is not signed in."));
                return;
            }

            var verifier = _services.GetService<IRealNameVerifier>()
                ?? throw new InvalidOperationException("[RequireRealName] needs an IRealNameVerifier registered by the application.");
            var verification = await verifier.GetVerificationAsync(userId, http?.RequestAborted ?? default).ConfigureAwait(false);
            if (verification.IsVerified)
            {
                context.Succeed(requirement);
                return;
            }

            if (http is not null)
            {
                http.Items[VerificationItem] = verification;
            }

            context.Fail(new AuthorizationFailureReason(this, "Real-name verification is required (DSP Art. 9): " + verification.Reason));
        }
    }
}
