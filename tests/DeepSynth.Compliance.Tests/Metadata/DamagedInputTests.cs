using DeepSynth.Compliance.Metadata;

namespace DeepSynth.Compliance.Tests.Metadata;

/// <summary>
/// Every carrier's parser meets damaged input: the labeled sample of each format cut at many lengths and with bytes
/// flipped. The inspector must answer (inconclusive, not found or a verdict) and never throw; the carriers may only throw
/// <see cref="AigcMetadataException"/>.
/// </summary>
public class DamagedInputTests
{
    [Theory]
    [MemberData(nameof(CarrierRoundTripTests.Formats), MemberType = typeof(CarrierRoundTripTests))]
    public void Truncated_and_bit_flipped_files_never_crash_the_reader(string format)
    {
        var labeled = new AigcFileLabeler("ACME").Label(CarrierRoundTripTests.Sample(format), new FileLabelRequest { FileName = CarrierRoundTripTests.FileName(format) });
        var random = new Random(17);
        var damaged = new List<byte[]>();
        for (var cut = 0; cut < labeled.Length; cut += Math.Max(1, labeled.Length / 97))
        {
            damaged.Add(labeled[..cut]);
        }

        for (var i = 0; i < 200; i++)
        {
            var copy = (byte[])labeled.Clone();
            for (var flips = 0; flips < 4; flips++)
            {
                copy[random.Next(copy.Length)] ^= (byte)(1 << random.Next(8));
            }

            damaged.Add(copy);
        }

        foreach (var file in damaged)
        {
            var inspection = AigcLabelInspector.Inspect(file, CarrierRoundTripTests.FileName(format));
            Assert.True(Enum.IsDefined(inspection.Verdict));
            if (AigcMetadataCarriers.TryFor(MediaFormatDetector.Detect(file, CarrierRoundTripTests.FileName(format))) is { } carrier)
            {
                try
                {
                    carrier.Embed(file, new AigcMetadataBuilder("ACME").Build());
                }
                catch (AigcMetadataException)
                {
                    // Refusing damaged input is the contract; anything else escaping is a parser bug.
                }
            }
        }
    }
}
