using System;
using System.Collections.Generic;
using System.IO;
using System.IO.Compression;
using System.IO.Packaging;
using System.Linq;
using System.Text;
using System.Xml;
using System.Xml.Linq;

namespace DeepSynth.Compliance.Metadata
{
    /// <summary>
    /// AIGC metadata in an Office Open XML package (DOCX, XLSX, PPTX) as the custom property <c>AIGC</c> in
    /// <c>docProps/custom.xml</c> (TC260-PG-20258A), a <c>vt:lpwstr</c> holding the JSON. The part, its content type and
    /// its package relationship are created when missing; other custom properties and every other part are kept (the
    /// ZIP container itself is rewritten by <see cref="System.IO.Packaging"/>, so its bytes change).
    /// </summary>
    public sealed class OoxmlAigcCarrier : IAigcMetadataCarrier
    {
        private const string PropertiesNamespace = "http://schemas.openxmlformats.org/officeDocument/2006/custom-properties";
        private const string VariantTypes = "http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes";
        private const string RelationshipType = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/custom-properties";
        private const string ContentType = "application/vnd.openxmlformats-officedocument.custom-properties+xml";

        /// <summary>The format id every user-defined custom property carries.</summary>
        private const string UserDefinedFormatId = "{D5CDD505-2E9C-101B-9397-08002B2CF9AE}";
        private const int MaxPartBytes = 4 * 1024 * 1024;
        private static readonly Uri DefaultPartUri = new Uri("/docProps/custom.xml", UriKind.Relative);
        private static readonly XNamespace Properties = PropertiesNamespace;
        private static readonly XNamespace Vt = VariantTypes;

        public MediaFormat Format => MediaFormat.Ooxml;

        /// <summary>True when the ZIP in <paramref name="content"/> has a <c>[Content_Types].xml</c> entry.</summary>
        internal static bool IsPackage(byte[] content)
        {
            try
            {
                using var zip = new ZipArchive(new MemoryStream(content, writable: false), ZipArchiveMode.Read);
                return zip.Entries.Any(e => e.FullName == "[Content_Types].xml");
            }
            catch (InvalidDataException)
            {
                return false;
            }
        }

        /// <inheritdoc />
        public AigcMetadata? Read(byte[] file) => AigcLabelSites.Preferred(FindSites(file));

        /// <inheritdoc />
        public IReadOnlyList<AigcLabelSite> FindSites(byte[] file) => Guarded(() => FindSitesIn(file));

        /// <inheritdoc />
        [AigcLabeler]
        public byte[] Embed(byte[] file, AigcMetadata metadata) => Guarded(() => EmbedIn(file, metadata));

        /// <summary>The package API reports damage with many exception types; callers get one.</summary>
        private static T Guarded<T>(Func<T> action)
        {
            try
            {
                return action();
            }
            catch (Exception ex) when (ex is InvalidDataException or IOException or FileFormatException or XmlException or InvalidOperationException or NotSupportedException || (ex is ArgumentException && ex is not ArgumentNullException))
            {
                throw new AigcMetadataException("Not a readable Office Open XML package: " + ex.Message, ex);
            }
        }

        private IReadOnlyList<AigcLabelSite> FindSitesIn(byte[] file)
        {
            using var package = Open(file, FileAccess.Read, out _);
            var part = CustomPart(package);
            if (part is null)
            {
                return Array.Empty<AigcLabelSite>();
            }

            return AigcProperties(Load(part))
                .Select(p => new AigcLabelSite(
                    $"OOXML {part.Uri} property {(string?)p.Attribute("name")}",
                    (string?)p.Attribute("name") == "AIGC" && p.Elements().FirstOrDefault()?.Name == Vt + "lpwstr" ? AigcLabelPlacement.Standard : AigcLabelPlacement.NonStandard,
                    MarkdownAigcCarrier.TextGuide,
                    Encoding.UTF8.GetBytes(p.Value)))
                .ToList();
        }

        private byte[] EmbedIn(byte[] file, AigcMetadata metadata)
        {
            var effective = AigcLabelSites.Effective(this, file, metadata);
            MemoryStream buffer;
            using (var package = Open(file, FileAccess.ReadWrite, out buffer))
            {
                var part = CustomPart(package);
                XDocument document;
                if (part is null)
                {
                    part = package.CreatePart(DefaultPartUri, ContentType, CompressionOption.Normal);
                    package.CreateRelationship(part.Uri, TargetMode.Internal, RelationshipType);
                    document = new XDocument(new XDeclaration("1.0", "UTF-8", "yes"), new XElement(Properties + "Properties", new XAttribute(XNamespace.Xmlns + "vt", VariantTypes)));
                }
                else
                {
                    document = Load(part);
                }

                SetProperty(document, effective.ToPayloadJson());
                using var stream = part.GetStream(FileMode.Create, FileAccess.Write);
                using var writer = XmlWriter.Create(stream, new XmlWriterSettings { Encoding = new UTF8Encoding(false) });
                document.Save(writer);
            }

            return buffer.ToArray();
        }

        /// <summary>Sets the AIGC property (kept where it stood), dropping any other AIGC-named property.</summary>
        private static void SetProperty(XDocument document, string json)
        {
            var root = document.Root!;
            var existing = AigcProperties(document).ToList();
            var ours = existing.FirstOrDefault(p => (string?)p.Attribute("name") == "AIGC");
            foreach (var other in existing.Where(p => p != ours))
            {
                other.Remove();
            }

            if (ours is not null)
            {
                ours.ReplaceNodes(new XElement(Vt + "lpwstr", json));
                return;
            }

            // pid 0 and 1 are reserved; user-defined properties count from 2.
            var pid = root.Elements(Properties + "property").Select(p => (int?)p.Attribute("pid") ?? 1).DefaultIfEmpty(1).Max() + 1;
            root.Add(new XElement(
                Properties + "property",
                new XAttribute("fmtid", UserDefinedFormatId),
                new XAttribute("pid", pid),
                new XAttribute("name", "AIGC"),
                new XElement(Vt + "lpwstr", json)));
        }

        private static IEnumerable<XElement> AigcProperties(XDocument document) =>
            document.Root?.Elements(Properties + "property").Where(p => ((string?)p.Attribute("name"))?.IndexOf("AIGC", StringComparison.OrdinalIgnoreCase) >= 0)
            ?? Enumerable.Empty<XElement>();

        private static PackagePart? CustomPart(Package package)
        {
            var relationship = package.GetRelationshipsByType(RelationshipType).FirstOrDefault();
            if (relationship is not null)
            {
                var uri = PackUriHelper.ResolvePartUri(new Uri("/", UriKind.Relative), relationship.TargetUri);
                return package.PartExists(uri) ? package.GetPart(uri) : null;
            }

            return package.PartExists(DefaultPartUri) ? package.GetPart(DefaultPartUri) : null;
        }

        private static XDocument Load(PackagePart part)
        {
            using var stream = part.GetStream(FileMode.Open, FileAccess.Read);
            if (stream.CanSeek && stream.Length > MaxPartBytes)
            {
                throw new AigcMetadataException($"{part.Uri} is larger than {MaxPartBytes} bytes; custom properties are a few kilobytes.");
            }

            try
            {
                var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null, MaxCharactersInDocument = MaxPartBytes };
                using var reader = XmlReader.Create(stream, settings);
                return XDocument.Load(reader);
            }
            catch (XmlException ex)
            {
                throw new AigcMetadataException($"{part.Uri} is not well-formed XML: {ex.Message}", ex);
            }
        }

        private static Package Open(byte[] file, FileAccess access, out MemoryStream buffer)
        {
            if (file is null)
            {
                throw new ArgumentNullException(nameof(file));
            }

            buffer = new MemoryStream();
            buffer.Write(file, 0, file.Length);
            buffer.Position = 0;
            try
            {
                return Package.Open(buffer, FileMode.Open, access);
            }
            catch (Exception ex) when (ex is InvalidDataException or FileFormatException or XmlException or ArgumentException)
            {
                throw new AigcMetadataException("Not a readable Office Open XML package: " + ex.Message, ex);
            }
        }
    }
}
