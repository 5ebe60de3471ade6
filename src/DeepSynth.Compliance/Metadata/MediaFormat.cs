namespace DeepSynth.Compliance.Metadata
{
    /// <summary>File formats the SDK can carry AIGC metadata in.</summary>
    public enum MediaFormat
    {
        Unknown = 0,
        Png,
        Jpeg,
        Wav,
        Mp3,

        /// <summary>ISO base media: MP4, MOV, M4A (any file with an <c>ftyp</c> box, or a bare QuickTime <c>moov</c>).</summary>
        Mp4,
        WebP,
        Flac,

        /// <summary>Office Open XML: DOCX, XLSX, PPTX (a ZIP package with <c>[Content_Types].xml</c>).</summary>
        Ooxml,
        Pdf,

        Tiff,
        Gif,
        Avi,

        /// <summary>Ogg Vorbis or Ogg Opus (OGG, OGA, OPUS), one logical stream.</summary>
        Ogg,

        /// <summary>Markdown, recognised by its file name or a front matter block at the start.</summary>
        Markdown,
    }
}
