using DeepSynth.Compliance.Audit;

namespace DeepSynth.Compliance.Tests.Audit;

/// <summary>One byte changed at every position of a day's file, and of the checkpoint file: each is reported where it is.</summary>
public class AuditCorruptionTests : CheckpointedLogTestBase
{
    [Fact]
    public async Task A_changed_byte_anywhere_in_a_segment_is_reported_at_its_line_and_offset()
    {
        await AppendAsync(3);
        Log.Dispose();
        var file = Files().Single();
        var original = File.ReadAllBytes(file);
        var lineStarts = LineStarts(original);

        for (var position = 0; position < original.Length; position++)
        {
            var corrupt = (byte[])original.Clone();
            corrupt[position] ^= 0x01;
            File.WriteAllBytes(file, corrupt);

            var result = VerifyTrusted();
            var line = lineStarts.Count(start => start <= position);
            Assert.False(result.IsIntact, $"byte {position} changed, nothing reported");
            Assert.Equal(file, result.FirstBreak!.File);
            Assert.True(line == result.FirstBreak.Line, $"byte {position}: reported line {result.FirstBreak.Line}, expected {line}");
            Assert.Equal(lineStarts[line - 1], result.FirstBreak.Offset);
        }

        File.WriteAllBytes(file, original);
        Assert.True(VerifyTrusted().IsIntact);
    }

    [Fact]
    public async Task A_changed_byte_anywhere_in_the_checkpoint_file_is_reported_at_its_line()
    {
        await AppendAsync(2);
        Log.Dispose();
        var original = File.ReadAllBytes(CheckpointFile);
        var lineStarts = LineStarts(original);

        for (var position = 0; position < original.Length; position++)
        {
            var corrupt = (byte[])original.Clone();
            corrupt[position] ^= 0x01;
            File.WriteAllBytes(CheckpointFile, corrupt);

            var result = VerifyTrusted();
            var line = lineStarts.Count(start => start <= position);
            var reported = result.Breaks.Where(b => b.File == CheckpointFile).ToList();
            Assert.True(reported.Count > 0, $"byte {position} changed, nothing reported");
            Assert.True(reported.Any(b => b.Line == line && b.Offset == lineStarts[line - 1]), $"byte {position}: reported {string.Join("; ", reported)}");
        }
    }

    [Fact]
    public async Task A_writer_refuses_to_cut_off_a_complete_record_whose_line_end_was_damaged()
    {
        await AppendAsync(3);
        Log.Dispose();
        var file = Files().Single();
        var bytes = File.ReadAllBytes(file);
        bytes[^1] = (byte)'x';
        File.WriteAllBytes(file, bytes);

        Reopen();
        var error = await Assert.ThrowsAsync<InvalidDataException>(() => Log.RecordAsync("more", new GenerationRecord()));
        Assert.Contains("line end is damaged", error.Message);
        Assert.Equal(bytes, File.ReadAllBytes(file)); // the committed record is still there, untouched
    }

    private static List<long> LineStarts(byte[] bytes)
    {
        var starts = new List<long> { 0 };
        for (var i = 0; i < bytes.Length - 1; i++)
        {
            if (bytes[i] == (byte)'\n')
            {
                starts.Add(i + 1);
            }
        }

        return starts;
    }
}
