using System.Text;
using DeepSynth.Compliance.Metadata;
using DeepSynth.Compliance.Tests.Support;
using MetadataExtractor;
using NAudio.Wave;

namespace DeepSynth.Compliance.Tests.Metadata;

public class WavAigcCarrierTests
{
    private readonly WavAigcCarrier _carrier = new();

    [Fact]
    public void NAudio_opens_the_labeled_file_with_the_same_audio_and_finds_the_chunk()
    {
        var wav = TestMedia.Wav(sampleRate: 22050, channels: 2);
        var metadata = new AigcMetadataBuilder("ACME-001").WithProduceId("p-1").Build();
        var labeled = _carrier.Embed(wav, metadata);

        using var original = new WaveFileReader(new MemoryStream(wav));
        using var reader = new WaveFileReader(new MemoryStream(labeled));
        Assert.Equal(original.WaveFormat, reader.WaveFormat);
        Assert.Equal(original.Length, reader.Length);
        Assert.Equal(ReadAll(original), ReadAll(reader));

        var chunk = reader.ExtraChunks.Single(c => c.IdentifierAsString == "AIGC");
        Assert.Equal(metadata.ToPayloadJson(), Encoding.UTF8.GetString(reader.GetChunkData(chunk)));
    }

    [Fact]
    public void MetadataExtractor_still_reads_the_wav_format()
    {
        var labeled = _carrier.Embed(TestMedia.Wav(sampleRate: 16000), new AigcMetadataBuilder("A").Build());
        var format = MetadataExtractor.Formats.Wav.WavMetadataReader.ReadMetadata(new MemoryStream(labeled))
            .OfType<MetadataExtractor.Formats.Wav.WavFormatDirectory>().Single();
        Assert.Equal(16000, format.GetInt32(MetadataExtractor.Formats.Wav.WavFormatDirectory.TagSamplesPerSec));
    }

    [Fact]
    public void Truncated_wav_is_reported()
    {
        var wav = TestMedia.Wav();
        var error = Assert.Throws<AigcMetadataException>(() => _carrier.Embed(wav[..(wav.Length / 2)], new AigcMetadataBuilder("A").Build()));
        Assert.Contains("Truncated WAV", error.Message);
    }

    [Fact]
    public void A_wav_without_data_chunk_is_refused()
    {
        var wav = TestMedia.Wav();
        var headerOnly = wav[..wav.AsSpan().IndexOf("data"u8)]; // RIFF header and fmt chunk
        BitConverter.GetBytes(headerOnly.Length - 8).CopyTo(headerOnly, 4);
        var error = Assert.Throws<AigcMetadataException>(() => _carrier.Embed(headerOnly, new AigcMetadataBuilder("A").Build()));
        Assert.Contains("no data chunk", error.Message);
    }

    private static byte[] ReadAll(WaveFileReader reader)
    {
        using var output = new MemoryStream();
        reader.CopyTo(output);
        return output.ToArray();
    }
}
