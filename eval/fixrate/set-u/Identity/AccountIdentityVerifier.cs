using DeepSynth.Compliance.RealName;
using StarHarbor.LiveOps.Data;
using StarHarbor.LiveOps.Models;

namespace StarHarbor.LiveOps.Identity;

/// <summary>
/// Reads the verification records the account platform (实名认证 / 防沉迷 system) writes into the
/// identity-records container. We never see the ID or phone number itself, only how and when.
/// </summary>
public sealed class AccountIdentityVerifier(IDocumentStore store, ILogger<AccountIdentityVerifier> logger) : IRealNameVerifier
{
    public async Task<RealNameVerification> GetVerificationAsync(string userId, CancellationToken cancellationToken)
    {
        var record = await store.GetAsync<IdentityRecordDoc>(Containers.Identity, userId, userId, cancellationToken);
        if (record is null)
            return RealNameVerification.NotVerified(userId, "no verification record from the account platform");
        if (record.Revoked)
            return RealNameVerification.NotVerified(userId, "verification revoked by the account platform");

        var method = record.Method switch
        {
            "mobile" => RealNameMethod.MobileNumber,
            "id_card" => RealNameMethod.IdentityNumber,
            "ctid" => RealNameMethod.NationalNetworkIdentity,
            "uscc" => RealNameMethod.UnifiedSocialCreditCode,
            _ => (RealNameMethod?)null,
        };

        if (method is null)
        {
            logger.LogWarning("Unknown verification method {Method} from {Source}", record.Method, record.Source);
            return RealNameVerification.NotVerified(userId, "unrecognised verification method");
        }

        return RealNameVerification.Verified(userId, record.VerifiedAt, [method.Value]);
    }
}
