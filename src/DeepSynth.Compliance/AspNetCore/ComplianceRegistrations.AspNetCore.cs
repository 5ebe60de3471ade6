using System;
using System.Collections.Generic;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.DependencyInjection;

namespace DeepSynth.Compliance
{
    internal sealed partial class ComplianceRegistrations
    {
        /// <summary>RequireRealName needs a signed-in user: an authentication scheme must exist to say who that is.</summary>
        private partial IEnumerable<string> PlatformProblems(IServiceProvider services)
        {
            var schemes = services.GetService<IAuthenticationSchemeProvider>();
            if (schemes == null || schemes.GetAllSchemesAsync().GetAwaiter().GetResult() is not { } all || !HasAny(all))
            {
                yield return "The real-name gate needs an authenticated user, and no authentication scheme is registered: add " +
                    "builder.Services.AddAuthentication(...) with your scheme (JWT bearer, cookies, ...) and app.UseAuthentication(). / " +
                    "实名门槛需要已登录用户，但未注册身份验证方案：请添加 builder.Services.AddAuthentication(...)（JWT、Cookie 等）并调用 app.UseAuthentication()。";
            }
        }

        private static bool HasAny(IEnumerable<AuthenticationScheme> schemes)
        {
            foreach (var _ in schemes)
            {
                return true;
            }

            return false;
        }
    }
}
