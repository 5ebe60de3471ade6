using System;
using System.CommandLine;
using System.IO;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using DeepSynth.Compliance.Metadata;

namespace DeepSynth.Cli
{
    /// <summary>
    /// <c>deepsynth inspect &lt;file&gt;</c>: prints the file's AIGC metadata as JSON. Exit 0: a valid label is present;
    /// 1: no label; 2: the file or its label is malformed.
    /// </summary>
    internal static class InspectCommand
    {
        public const int LabelPresent = 0;
        public const int NoLabel = 1;
        public const int Error = 2;

        public static Command Create()
        {
            var file = new Argument<FileInfo>("file") { Description = "A file of any format the SDK carries labels in (images, audio, video, documents; see docs/sdk.md)." };
            var command = new Command("inspect", "Print a file's AIGC metadata as JSON (exit 0 valid label, 1 none, 2 error).");
            command.Arguments.Add(file);
            command.SetAction((result, cancellationToken) => RunAsync(result.GetValue(file)!, result.InvocationConfiguration.Output, result.InvocationConfiguration.Error, cancellationToken));
            return command;
        }

        public static async Task<int> RunAsync(FileInfo file, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
        {
            AigcMetadata? metadata;
            MediaFormat format;
            try
            {
                var content = await File.ReadAllBytesAsync(file.FullName, cancellationToken).ConfigureAwait(false);
                format = MediaFormatDetector.Detect(content);
                metadata = AigcMetadataCarriers.For(content).Read(content);
            }
            catch (Exception ex) when (ex is AigcMetadataException or IOException or UnauthorizedAccessException)
            {
                await stderr.WriteLineAsync($"deepsynth inspect: {file.Name}: {ex.Message}").ConfigureAwait(false);
                return Error;
            }

            var report = new
            {
                file = file.FullName,
                format = format.ToString(),
                labeled = metadata is not null,
                conformant = metadata?.IsConformant,
                problems = metadata?.Problems,
                metadata = metadata is null ? (JsonElement?)null : JsonDocument.Parse(metadata.ToJson()).RootElement,
            };
            var json = JsonSerializer.Serialize(report, new JsonSerializerOptions { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
            await stdout.WriteLineAsync(json).ConfigureAwait(false);
            if (metadata is null)
            {
                return NoLabel;
            }

            if (!metadata.IsConformant)
            {
                await stderr.WriteLineAsync($"deepsynth inspect: {file.Name}: the AIGC label is malformed: {string.Join(" ", metadata.Problems)}").ConfigureAwait(false);
                return Error;
            }

            return LabelPresent;
        }
    }
}
