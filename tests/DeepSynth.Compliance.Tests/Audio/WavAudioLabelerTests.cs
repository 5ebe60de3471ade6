using DeepSynth.Compliance.Audio;
using DeepSynth.Compliance.Labeling;
using DeepSynth.Compliance.Metadata;
using DeepSynth.Compliance.Tests.Support;
using NAudio.Wave;

namespace DeepSynth.Compliance.Tests.Audio;

public class WavAudioLabelerTests
{
    [Theory]
    [InlineData(16, 1)]
    [InlineData(16, 2)]
    [InlineData(24, 1)]
    [InlineData(32, 1)]
    public void Start_cue_precedes_the_untouched_original_samples(int bits, int channels)
    {
        var wav = TestMedia.Wav(sampleRate: 16000, channels: channels, seconds: 0.3, bits: bits);
        var options = new AudioLabelOptions { UnitMilliseconds = 100, GapMilliseconds = 200 };
        var labeled = new WavAudioLabeler(options).LabelWav(wav);

        using var original = new WaveFileReader(new MemoryStream(wav));
        using var reader = new WaveFileReader(new MemoryStream(labeled));
        Assert.Equal(original.WaveFormat, reader.WaveFormat);
        var originalBytes = ReadAll(original);
        var labeledBytes = ReadAll(reader);
        var cueBytes = (int)(16000 * (1.1 + 0.2)) * original.WaveFormat.BlockAlign; // 11 Morse units of 100 ms, then the gap
        Assert.Equal(originalBytes, labeledBytes[cueBytes..]);

        var cue = Mono(reader.WaveFormat, labeledBytes[..cueBytes]);
        Assert.Equal(new[] { 100, 300, 100, 100 }, RhythmCueTests.Beats(cue, 16000).Select(b => (int)Math.Round(b / 100.0) * 100));
    }

    [Fact]
    public void End_position_appends_the_cue_and_metadata_survives()
    {
        var metadata = new AigcMetadataBuilder("ACME").WithProduceId("w-1").Build();
        var wav = new WavAigcCarrier().Embed(TestMedia.Wav(seconds: 0.2), metadata);

        var labeled = new WavAudioLabeler(new AudioLabelOptions { Position = LabelPosition.End }).LabelWav(wav);

        using var reader = new WaveFileReader(new MemoryStream(labeled));
        var bytes = ReadAll(reader);
        var originalLength = (int)new WaveFileReader(new MemoryStream(wav)).Length;
        Assert.Equal(ReadAll(new WaveFileReader(new MemoryStream(wav))), bytes[..originalLength]);
        Assert.True(bytes.Length > originalLength + 16000); // at least half a second of gap and cue at 16 kHz 16-bit
        Assert.Equal("w-1", new WavAigcCarrier().Read(labeled)!.ProduceId);
    }

    [Fact]
    public void A_voice_clip_replaces_the_rhythm_and_is_resampled()
    {
        using var temp = new TempDirectory();
        File.WriteAllBytes(temp.File("voice.wav"), TestMedia.Wav(sampleRate: 8000, seconds: 0.5));
        var labeler = new WavAudioLabeler(new AudioLabelOptions { VoiceClipPath = temp.File("voice.wav"), GapMilliseconds = 0 });

        var labeled = labeler.LabelWav(TestMedia.Wav(sampleRate: 16000, seconds: 0.25));

        using var reader = new WaveFileReader(new MemoryStream(labeled));
        Assert.Equal(0.75, reader.TotalTime.TotalSeconds, 2);
    }

    [Fact]
    public void Compressed_wav_is_refused_with_the_reason()
    {
        var wav = TestMedia.Wav();
        wav[20] = 2; // format tag 2: MS ADPCM
        var error = Assert.Throws<AigcMetadataException>(() => new WavAudioLabeler().LabelWav(wav));
        Assert.Contains("format tag 2", error.Message);
    }

    private static byte[] ReadAll(WaveFileReader reader)
    {
        using var output = new MemoryStream();
        var buffer = new byte[reader.WaveFormat.BlockAlign * 1024];
        int read;
        while ((read = reader.Read(buffer, 0, buffer.Length)) > 0)
        {
            output.Write(buffer, 0, read);
        }

        return output.ToArray();
    }

    private static float[] Mono(WaveFormat format, byte[] bytes)
    {
        var frames = bytes.Length / format.BlockAlign;
        var result = new float[frames];
        for (var f = 0; f < frames; f++)
        {
            var at = f * format.BlockAlign;
            result[f] = format.BitsPerSample switch
            {
                8 => (bytes[at] - 128) / 128f,
                16 => BitConverter.ToInt16(bytes, at) / 32768f,
                32 => BitConverter.ToSingle(bytes, at),
                _ => ((bytes[at + 2] << 24 | bytes[at + 1] << 16 | bytes[at] << 8) >> 8) / 8388608f,
            };
        }

        return result;
    }
}
