using System;
using System.Linq;
using Microsoft.Extensions.Options;

namespace DeepSynth.Compliance
{
    /// <summary>
    /// Runs <see cref="ComplianceOptions.Validate"/> and checks what the application must register for the SDK, when the
    /// options are first used or at host start; every problem in one message, so one restart tells everything to configure.
    /// </summary>
    internal sealed class ComplianceOptionsValidator : IValidateOptions<ComplianceOptions>
    {
        private readonly ComplianceRegistrations _registrations;
        private readonly IServiceProvider _services;

        public ComplianceOptionsValidator(ComplianceRegistrations registrations, IServiceProvider services)
        {
            _registrations = registrations;
            _services = services;
        }

        public ValidateOptionsResult Validate(string? name, ComplianceOptions options)
        {
            var problems = options.Validate().Concat(_registrations.Problems(options, _services)).ToArray();
            return problems.Length == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
        }
    }
}
