using DeepSynth.Compliance.Audio;

namespace DeepSynth.Compliance.Tests.Audio;

public class RhythmCueTests
{
    [Fact]
    public void The_cue_is_short_long_short_short()
    {
        var samples = RhythmCue.Generate(16000, new AudioLabelOptions { UnitMilliseconds = 100 });
        var beats = Beats(samples, 16000);

        Assert.Equal(4, beats.Count);
        Assert.InRange(beats[0], 90, 110);
        Assert.InRange(beats[1], 280, 320);
        Assert.InRange(beats[2], 90, 110);
        Assert.InRange(beats[3], 90, 110);
    }

    /// <summary>Durations in ms of the stretches where the signal is on, measured with 5 ms RMS windows.</summary>
    internal static List<int> Beats(float[] samples, int sampleRate)
    {
        var window = sampleRate / 200;
        var beats = new List<int>();
        var run = 0;
        for (var start = 0; start + window <= samples.Length; start += window)
        {
            var rms = Math.Sqrt(samples.Skip(start).Take(window).Sum(s => s * s) / window);
            if (rms > 0.05)
            {
                run++;
            }
            else if (run > 0)
            {
                beats.Add(run * 5);
                run = 0;
            }
        }

        if (run > 0)
        {
            beats.Add(run * 5);
        }

        return beats;
    }
}
