using Microsoft.Extensions.Options;

namespace DeepSynth.Compliance
{
    /// <summary>Runs <see cref="ComplianceOptions.Validate"/> when the options are first used or at host start.</summary>
    internal sealed class ComplianceOptionsValidator : IValidateOptions<ComplianceOptions>
    {
        public ValidateOptionsResult Validate(string? name, ComplianceOptions options)
        {
            var problems = options.Validate();
            return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
        }
    }
}
