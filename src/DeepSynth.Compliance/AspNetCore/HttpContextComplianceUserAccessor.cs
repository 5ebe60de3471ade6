using DeepSynth.Compliance.RealName;
using Microsoft.AspNetCore.Http;

namespace DeepSynth.Compliance.AspNetCore
{
    /// <summary>The signed-in user of the current request, falling back to <see cref="ComplianceUser"/> outside requests.</summary>
    internal sealed class HttpContextComplianceUserAccessor : IComplianceUserAccessor
    {
        private readonly IHttpContextAccessor _http;
        private readonly RealNameOptions _options;
        private readonly ComplianceUser _ambient = new ComplianceUser();

        public HttpContextComplianceUserAccessor(IHttpContextAccessor http, RealNameOptions options)
        {
            _http = http;
            _options = options;
        }

        public string? UserId => _ambient.UserId ?? RealNameClaims.FindUserId(_http.HttpContext?.User, _options.UserIdClaimTypes);
    }
}
