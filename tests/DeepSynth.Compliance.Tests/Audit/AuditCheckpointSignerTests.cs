using System.Text;
using DeepSynth.Compliance.Audit;

namespace DeepSynth.Compliance.Tests.Audit;

public class AuditCheckpointSignerTests
{
    [Theory]
    [InlineData("ecdsa-p256")]
    [InlineData("sm2")]
    public void A_signature_verifies_with_its_public_key_only_and_only_for_the_signed_bytes(string algorithm)
    {
        var signer = AuditCheckpointSigner.Generate(algorithm);
        var message = Encoding.UTF8.GetBytes("deepsynth-audit-checkpoint/v1\nsize 3\n");
        var signature = signer.Sign(message);

        var key = AuditPublicKey.Parse(signer.PublicKey.ToString());
        Assert.Equal(algorithm, key.Algorithm);
        Assert.True(key.Verify(message, signature));
        Assert.False(key.Verify(Encoding.UTF8.GetBytes("deepsynth-audit-checkpoint/v1\nsize 4\n"), signature));
        Assert.False(AuditCheckpointSigner.Generate(algorithm).PublicKey.Verify(message, signature));
        signature[signature.Length / 2] ^= 0x01;
        Assert.False(key.Verify(message, signature));
    }

    [Theory]
    [InlineData("ecdsa-p256")]
    [InlineData("sm2")]
    public void The_private_key_text_round_trips_to_the_same_public_key(string algorithm)
    {
        var signer = AuditCheckpointSigner.Generate(algorithm);
        var text = signer.ExportPrivateKey();
        Assert.StartsWith(algorithm + "-private:", text);
        Assert.Equal(signer.PublicKey, AuditCheckpointSigner.Parse(text).PublicKey);
    }

    [Fact]
    public void Bad_keys_are_refused_with_the_expected_form()
    {
        Assert.Contains("ecdsa-p256-private:BASE64", Assert.Throws<FormatException>(() => AuditCheckpointSigner.Parse("rsa:AAAA")).Message);
        Assert.Throws<FormatException>(() => AuditPublicKey.Parse("ecdsa-p256:" + Convert.ToBase64String(new byte[65])));
        Assert.Throws<FormatException>(() => AuditPublicKey.Parse("ed25519:AAAA"));
        var options = new AuditLogOptions { Directory = "x", PseudonymKey = Support.TestKeys.PseudonymKey, CheckpointPrivateKey = "sm2-private:not-base64" };
        Assert.Contains(options.Validate(), p => p.StartsWith("Audit:CheckpointPrivateKey", StringComparison.Ordinal));
    }
}
