using System;
using System.CommandLine;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using DeepSynth.Compliance;
using DeepSynth.Compliance.Metadata;

namespace DeepSynth.Cli
{
    /// <summary>
    /// <c>deepsynth label &lt;input&gt; -o &lt;output&gt; --producer &lt;code&gt; [--visible]</c>: writes the GB 45438 implicit label
    /// (and with --visible the explicit one) into a file of any format the SDK carries labels in (docs/sdk.md).
    /// </summary>
    internal static class LabelCommand
    {
        public static Command Create()
        {
            var input = new Argument<FileInfo>("input") { Description = "The generated file: image, audio, video or document (see docs/sdk.md; --visible for PNG, JPEG and WAV only)." };
            var output = new Option<FileInfo>("--output", "-o") { Description = "Where to write the labeled copy (may equal the input).", Required = true };
            var producer = new Option<string>("--producer") { Description = "Your provider code, written as ContentProducer (printable ASCII, no spaces).", Required = true };
            var visible = new Option<bool>("--visible") { Description = "Also add the explicit label: drawn text on images, the rhythm cue on WAV." };

            var command = new Command("label", "Label a generated file with AIGC metadata (GB 45438 Annex E) and optionally a visible or audible label.");
            command.Arguments.Add(input);
            command.Options.Add(output);
            command.Options.Add(producer);
            command.Options.Add(visible);
            command.SetAction((result, cancellationToken) => RunAsync(
                result.GetValue(input)!, result.GetValue(output)!, result.GetValue(producer)!, result.GetValue(visible),
                result.InvocationConfiguration.Output, result.InvocationConfiguration.Error, cancellationToken));
            return command;
        }

        public static async Task<int> RunAsync(FileInfo input, FileInfo output, string producer, bool visible, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
        {
            try
            {
                var labeler = new AigcFileLabeler(producer);
                await labeler.LabelFileAsync(input.FullName, output.FullName, new FileLabelRequest { AddExplicitLabel = visible }, cancellationToken).ConfigureAwait(false);
                var metadata = labeler.Read(await File.ReadAllBytesAsync(output.FullName, cancellationToken).ConfigureAwait(false))!;
                await stdout.WriteLineAsync($"{output.FullName}: labeled, ProduceID {metadata.ProduceId}{(visible ? ", with explicit label" : string.Empty)}").ConfigureAwait(false);
                return 0;
            }
            catch (Exception ex) when (ex is AigcMetadataException or ArgumentException or NotSupportedException or ComplianceConfigurationException or IOException or UnauthorizedAccessException)
            {
                // An ArgumentException ends in " (Parameter 'providerCode')": an internal name, not something the user typed.
                var message = ex is ArgumentException { ParamName: { } name } ? ex.Message.Replace($" (Parameter '{name}')", string.Empty) : ex.Message;
                await stderr.WriteLineAsync($"deepsynth label: {input.Name}: {message}").ConfigureAwait(false);
                return 2;
            }
        }
    }
}
