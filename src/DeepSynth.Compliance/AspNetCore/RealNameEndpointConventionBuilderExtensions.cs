using System;
using Microsoft.AspNetCore.Builder;

namespace DeepSynth.Compliance
{
    /// <summary>Endpoint conventions for real-name verification.</summary>
    public static class RealNameEndpointConventionBuilderExtensions
    {
        /// <summary>
        /// Only users whose real identity is verified may call the endpoint(s) (DSP Art. 9). Adds
        /// <see cref="RequireRealNameAttribute"/> as endpoint metadata, which ASP.NET Core enforces as the
        /// <see cref="RealNamePolicy.Name"/> policy. Works on single endpoints, groups and hubs.
        /// </summary>
        public static TBuilder RequireRealName<TBuilder>(this TBuilder builder)
            where TBuilder : IEndpointConventionBuilder
        {
            if (builder is null)
            {
                throw new ArgumentNullException(nameof(builder));
            }

            builder.Add(endpoint => endpoint.Metadata.Add(new RequireRealNameAttribute()));
            return builder;
        }
    }
}
