using System.Net.Http.Json;
using CareMessenger.Data;
using DeepSynth.Compliance;
using DeepSynth.Compliance.RealName;

namespace CareMessenger.Infrastructure;

public sealed class ClinicRealNameVerifier(CareDbContext db) : IRealNameVerifier
{
    public async Task<RealNameVerification> GetVerificationAsync(string userId, CancellationToken ct)
    {
        var row = await db.Verifications.FindAsync([userId], ct);
        return row is null
            ? RealNameVerification.NotVerified(userId, "no real-name verification on record")
            : RealNameVerification.Verified(userId, row.VerifiedAt,
                Enum.TryParse<RealNameMethod>(row.Method, ignoreCase: true, out var method) ? method : RealNameMethod.MobileNumber);
    }
}
