namespace DeepSynth.Compliance.Imaging
{
    /// <summary>The corner of the image the visible label is drawn in.</summary>
    public enum ImageLabelCorner
    {
        BottomRight = 0,
        BottomLeft,
        TopRight,
        TopLeft,
    }
}
