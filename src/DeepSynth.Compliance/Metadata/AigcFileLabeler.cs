using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using DeepSynth.Compliance.Audio;
using DeepSynth.Compliance.Imaging;

namespace DeepSynth.Compliance.Metadata
{
    /// <summary>Implicit plus optional explicit file labels. Thread-safe.</summary>
    public sealed class AigcFileLabeler : IAigcFileLabeler
    {
        private readonly string? _providerCode;
        private readonly IVisibleImageLabeler _images;
        private readonly IAudioLabeler _audio;
        private readonly TimeProvider _time;

        /// <param name="providerCode">Your provider code for new labels; may be null when every request brings its metadata.</param>
        /// <param name="images">The visible image labeler; by default one with default options.</param>
        /// <param name="audio">The audio labeler; by default one with default options.</param>
        /// <param name="time">The clock for new content numbers.</param>
        public AigcFileLabeler(string? providerCode, IVisibleImageLabeler? images = null, IAudioLabeler? audio = null, TimeProvider? time = null)
        {
            if (providerCode is not null)
            {
                AigcMetadataBuilder.RequireValid(nameof(providerCode), providerCode, required: true);
            }

            _providerCode = providerCode;
            _images = images ?? new VisibleImageLabeler();
            _audio = audio ?? new WavAudioLabeler();
            _time = time ?? TimeProvider.System;
        }

        /// <inheritdoc />
        [AigcLabeler]
        public byte[] Label(byte[] content, FileLabelRequest? request = null, CancellationToken cancellationToken = default)
        {
            if (content is null)
            {
                throw new ArgumentNullException(nameof(content));
            }

            request ??= new FileLabelRequest();
            var carrier = AigcMetadataCarriers.For(content, request.FileName);
            var metadata = request.Metadata ?? NewMetadata();
            var labeled = content;
            if (request.AddExplicitLabel)
            {
                labeled = carrier.Format switch
                {
                    MediaFormat.Png or MediaFormat.Jpeg => _images.Label(content, cancellationToken),
                    MediaFormat.Wav => _audio.LabelWav(content, cancellationToken),
                    MediaFormat.Mp3 => throw new NotSupportedException("An explicit label cannot be added to an MP3 without re-encoding it; add RhythmCue to the PCM before encoding, or label the WAV."),
                    _ => throw new NotSupportedException($"The SDK adds no explicit label to {carrier.Format} files; add the visible text (e.g. IAigcTextLabeler) before saving the document, or the prompt before encoding."),
                };
            }

            cancellationToken.ThrowIfCancellationRequested();
            return carrier.Embed(labeled, metadata);
        }

        /// <inheritdoc />
        public async Task LabelFileAsync(string inputPath, string outputPath, FileLabelRequest? request = null, CancellationToken cancellationToken = default)
        {
            var content = await ReadAllBytesAsync(inputPath, cancellationToken).ConfigureAwait(false);
            request ??= new FileLabelRequest();
            request.FileName ??= Path.GetFileName(inputPath);
            var labeled = Label(content, request, cancellationToken);
            var directory = Path.GetDirectoryName(Path.GetFullPath(outputPath))!;
            var temporary = Path.Combine(directory, "." + Path.GetFileName(outputPath) + "." + Guid.NewGuid().ToString("N") + ".tmp");
            try
            {
                using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true))
                {
                    await stream.WriteAsync(labeled, 0, labeled.Length, cancellationToken).ConfigureAwait(false);
                    stream.Flush(flushToDisk: true);
                }

                if (File.Exists(outputPath))
                {
                    File.Replace(temporary, outputPath, null);
                }
                else
                {
                    File.Move(temporary, outputPath);
                }
            }
            finally
            {
                if (File.Exists(temporary))
                {
                    File.Delete(temporary);
                }
            }
        }

        /// <inheritdoc />
        public AigcMetadata? Read(byte[] content) => AigcMetadataCarriers.For(content).Read(content);

        internal static async Task<byte[]> ReadAllBytesAsync(string path, CancellationToken cancellationToken)
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, useAsync: true);
            var buffer = new byte[stream.Length];
            var read = 0;
            while (read < buffer.Length)
            {
                var n = await stream.ReadAsync(buffer, read, buffer.Length - read, cancellationToken).ConfigureAwait(false);
                if (n == 0)
                {
                    break;
                }

                read += n;
            }

            return read == buffer.Length ? buffer : buffer.AsSpan(0, read).ToArray();
        }

        private AigcMetadata NewMetadata()
        {
            if (_providerCode is null)
            {
                throw new InvalidOperationException("No provider code is configured (ComplianceOptions.ProviderCode); pass FileLabelRequest.Metadata or configure one.");
            }

            return new AigcMetadataBuilder(_providerCode).WithTime(_time).Build();
        }
    }
}
