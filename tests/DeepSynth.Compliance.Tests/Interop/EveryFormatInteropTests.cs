using DeepSynth.Compliance.Metadata;
using DeepSynth.Compliance.Tests.Support;

namespace DeepSynth.Compliance.Tests.Interop;

/// <summary>
/// Files ffmpeg writes in every media format the SDK labels: after labeling, ffmpeg decodes the same frames and samples,
/// exiftool reports no warning, and the inspector calls the file compliant (skipped without ffmpeg and exiftool).
/// </summary>
public class EveryFormatInteropTests
{
    public static TheoryData<string, string> Media => new()
    {
        { "a.png", "-frames:v 1" }, { "a.jpg", "-frames:v 1" }, { "a.webp", "-frames:v 1" }, { "a.gif", "-frames:v 1" }, { "a.tiff", "-frames:v 1 -pix_fmt rgb24" },
        { "a.wav", "-vn" }, { "a.mp3", "-vn" }, { "a.flac", "-vn" }, { "a.opus", "-vn -c:a libopus" }, { "a.ogg", "-vn -c:a libvorbis" }, { "a.m4a", "-vn -c:a aac" },
        { "a.mp4", "-an -c:v mpeg4" }, { "a.mov", "-an -c:v mpeg4 -movflags +faststart" }, { "a.avi", "-an -c:v mjpeg" },
    };

    [ToolTheory("ffmpeg", "exiftool")]
    [MemberData(nameof(Media))]
    public void Ffmpeg_output_labeled_by_the_sdk_decodes_the_same_and_exiftool_does_not_warn(string name, string options)
    {
        using var temp = new TempDirectory();
        var input = temp.File(name);
        var arguments = new List<string> { "-v", "error", "-f", "lavfi", "-i", "testsrc=size=64x48:rate=5:duration=0.4", "-f", "lavfi", "-i", "sine=duration=0.4" };
        arguments.AddRange(options.Split(' '));
        arguments.Add(input);
        Assert.Equal(0, ExternalTool.Run("ffmpeg", arguments.ToArray()).Exit);
        var output = temp.File("labeled-" + name);
        File.WriteAllBytes(output, new AigcFileLabeler("ACME-001").Label(File.ReadAllBytes(input)));

        Assert.Equal(AigcVerdict.Compliant, AigcLabelInspector.Inspect(File.ReadAllBytes(output)).Verdict);
        Assert.Equal(Md5(input), Md5(output));
        var warning = ExternalTool.Run("exiftool", "-q", "-q", "-Warning", "-s3", output);
        Assert.Equal(string.Empty, warning.Output.Trim());
    }

    private static string Md5(string path)
    {
        var run = ExternalTool.Run("ffmpeg", "-v", "error", "-i", path, "-f", "md5", "-");
        Assert.True(run.Exit == 0 && run.Error.Length == 0, run.Error);
        return run.Output.Trim();
    }
}
