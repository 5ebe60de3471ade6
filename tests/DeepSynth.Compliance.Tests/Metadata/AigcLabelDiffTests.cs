using System.Text;
using DeepSynth.Compliance.Metadata;
using DeepSynth.Compliance.Tests.Support;
using static DeepSynth.Compliance.Tests.Support.HandBuiltLabels;

namespace DeepSynth.Compliance.Tests.Metadata;

public class AigcLabelDiffTests
{
    private static readonly byte[] Labeled = PngWith(TestMedia.Png(), PngXmpChunk(XmpElement(DoubaoJson)));

    [Fact]
    public void A_step_that_keeps_the_label_byte_for_byte_is_kept()
    {
        var diff = AigcLabelDiff.Compare(Labeled, Labeled);
        Assert.Equal(AigcLabelChange.Kept, diff.Change);
        Assert.False(diff.IsViolation);
        Assert.Empty(diff.ChangedFields);
    }

    [Fact]
    public void An_added_copy_is_duplicated_and_a_move_to_a_non_standard_site_is_misplaced()
    {
        var duplicated = PngWith(TestMedia.Png(), PngXmpChunk(XmpElement(DoubaoJson)), PngTextChunk("AIGC", DoubaoJson));
        var misplaced = PngWith(TestMedia.Png(), PngChunk("iTXt", Encoding.ASCII.GetBytes("AIGC\0\0\0\0\0" + DoubaoJson)));

        Assert.Equal(AigcLabelChange.Duplicated, AigcLabelDiff.Compare(Labeled, duplicated).Change);
        Assert.Equal(AigcLabelChange.Misplaced, AigcLabelDiff.Compare(Labeled, misplaced).Change);
        Assert.True(AigcLabelDiff.Compare(Labeled, misplaced).IsViolation);
    }

    [Fact]
    public void A_lowered_label_value_is_a_change_not_a_propagation()
    {
        var lowered = PngWith(TestMedia.Png(), PngXmpChunk(XmpElement(DoubaoJson.Replace("\"Label\":\"1\"", "\"Label\":\"3\""))));

        var diff = AigcLabelDiff.Compare(Labeled, lowered);

        Assert.Equal(AigcLabelChange.Changed, diff.Change);
        Assert.Equal(new[] { "Label" }, diff.ChangedFields);
    }

    [Fact]
    public void An_unlabeled_input_and_a_damaged_output_are_not_violations()
    {
        Assert.Equal(AigcLabelChange.NoneBefore, AigcLabelDiff.Compare(TestMedia.Png(), Labeled).Change);
        var damaged = AigcLabelDiff.Compare(Labeled, Labeled[..60]);
        Assert.Equal(AigcLabelChange.Inconclusive, damaged.Change);
        Assert.False(damaged.IsViolation);
    }
}
