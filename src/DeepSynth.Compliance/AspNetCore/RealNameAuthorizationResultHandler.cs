using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.AspNetCore.Http;

namespace DeepSynth.Compliance.AspNetCore
{
    /// <summary>
    /// Turns a failed real-name check into a 403 with a problem+json body that says what to do, instead of a bare 403
    /// (or a redirect to an access-denied page). Every other outcome goes to ASP.NET Core's default handling.
    /// </summary>
    public sealed class RealNameAuthorizationResultHandler : IAuthorizationMiddlewareResultHandler
    {
        private readonly AuthorizationMiddlewareResultHandler _default = new AuthorizationMiddlewareResultHandler();

        public async Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
        {
            var realNameFailure = authorizeResult.Forbidden
                && authorizeResult.AuthorizationFailure?.FailureReasons.Any(r => r.Handler is RealNameAuthorizationHandler) == true;
            if (!realNameFailure || context.Response.HasStarted)
            {
                await _default.HandleAsync(next, context, policy, authorizeResult).ConfigureAwait(false);
                return;
            }

            context.Response.StatusCode = StatusCodes.Status403Forbidden;
            context.Response.ContentType = "application/problem+json";
            var body = new
            {
                type = RealNamePolicy.ProblemType,
                title = "Real-name verification required",
                status = StatusCodes.Status403Forbidden,
                detail = "This service publishes information only for users whose real identity is verified (Deep Synthesis Provisions Art. 9). Verify with a mobile number, ID number, unified social credit code or the national network identity service, then retry.",
                acceptedMethods = new[] { "MobileNumber", "IdentityNumber", "UnifiedSocialCreditCode", "NationalNetworkIdentity" },
            };
            await JsonSerializer.SerializeAsync(context.Response.Body, body, cancellationToken: context.RequestAborted).ConfigureAwait(false);
        }
    }
}
