using DeepSynth.Manifest;
using DeepSynth.Findings;

namespace DeepSynth.Build.Tests;

/// <summary>A flow duty that only a role bears (a platform's upload inspection) is not met by a project without the role.</summary>
public class DutyJudgementTests
{
    private static readonly ComplianceDuty Propagation = ComplianceDuties.All.Single(d => d.Key == "propagation");
    private static readonly ComplianceDuty Label = ComplianceDuties.All.Single(d => d.Key == "label");

    [Fact]
    public void A_platform_duty_is_not_applicable_to_a_provider_and_judged_for_a_platform()
    {
        var provider = new DutyContext { Roles = new[] { ManifestValues.Provider } };
        var platform = new DutyContext { Roles = new[] { ManifestValues.PropagationPlatform } };

        Assert.Equal(DutyState.NotApplicable, DutyJudgement.Judge(Propagation, 0, 0, provider).State);
        Assert.Equal(DutyState.Met, DutyJudgement.Judge(Propagation, 0, 0, platform).State);
        Assert.Equal(DutyState.NotMet, DutyJudgement.Judge(Propagation, 1, 0, platform).State);
        Assert.Equal(DutyState.Met, DutyJudgement.Judge(Label, 0, 0, provider).State);
    }

    [Fact]
    public void With_an_unreadable_manifest_the_roles_are_unknown_so_a_platform_duty_is_not_verified()
    {
        var broken = new DutyContext { ManifestProblem = "DSYN901", Roles = new[] { ManifestValues.Provider } };

        Assert.Equal(DutyState.NotVerified, DutyJudgement.Judge(Propagation, 0, 0, broken).State);
    }

    [Fact]
    public void A_package_the_catalogue_lost_track_of_leaves_flow_duties_not_verified_on_no_findings()
    {
        Assert.Null(DutyJudgement.CatalogueGap(new[] { "DSYN001", "DSYN901" }));
        var gap = DutyJudgement.CatalogueGap(new[] { "DSYN909" });
        Assert.NotNull(gap);

        var context = new DutyContext { IncompleteCode = gap };
        Assert.Equal(DutyState.NotVerified, DutyJudgement.Judge(Label, 0, 0, context).State);
        Assert.Equal(DutyState.NotMet, DutyJudgement.Judge(Label, 1, 0, context).State);
    }
}
