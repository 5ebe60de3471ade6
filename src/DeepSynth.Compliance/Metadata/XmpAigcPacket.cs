using System;
using System.IO;
using System.Linq;
using System.Text;
using System.Xml;
using System.Xml.Linq;

namespace DeepSynth.Compliance.Metadata
{
    /// <summary>
    /// The AIGC property inside an XMP packet, in the TC260 namespace used by GB 45438 implementations
    /// (<c>TC260:AIGC</c>). Other properties of the packet are kept untouched.
    /// </summary>
    internal static class XmpAigcPacket
    {
        public const string Namespace = "http://www.tc260.org.cn/ns/AIGC/1.0/";
        private const string Rdf = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";

        /// <summary>The JSON of the first property named AIGC in any namespace, or <c>null</c>.</summary>
        public static string? Read(string packet)
        {
            var document = Load(packet);
            foreach (var element in document.Descendants())
            {
                var attribute = element.Attributes().FirstOrDefault(a => !a.IsNamespaceDeclaration && string.Equals(a.Name.LocalName, "AIGC", StringComparison.OrdinalIgnoreCase));
                if (attribute is not null)
                {
                    return attribute.Value;
                }

                if (string.Equals(element.Name.LocalName, "AIGC", StringComparison.OrdinalIgnoreCase))
                {
                    return element.Value;
                }
            }

            return null;
        }

        /// <summary><paramref name="packet"/> (or a new packet) with its AIGC property set to <paramref name="json"/>.</summary>
        public static string Write(string? packet, string json)
        {
            if (packet is null)
            {
                return "<?xpacket begin=\"\uFEFF\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>"
                    + "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\"><rdf:RDF xmlns:rdf=\"" + Rdf + "\">"
                    + "<rdf:Description rdf:about=\"\" xmlns:TC260=\"" + Namespace + "\" TC260:AIGC=\"" + Escape(json) + "\"/>"
                    + "</rdf:RDF></x:xmpmeta><?xpacket end=\"w\"?>";
            }

            var document = Load(packet);
            XNamespace tc260 = Namespace;
            var ours = document.Descendants().Attributes(tc260 + "AIGC").FirstOrDefault();
            var others = document.Descendants().SelectMany(e => e.Attributes())
                .Where(a => a != ours && !a.IsNamespaceDeclaration && string.Equals(a.Name.LocalName, "AIGC", StringComparison.OrdinalIgnoreCase))
                .ToList();
            foreach (var attribute in others)
            {
                attribute.Remove();
            }

            document.Descendants().Where(e => string.Equals(e.Name.LocalName, "AIGC", StringComparison.OrdinalIgnoreCase)).Remove();
            if (ours is not null)
            {
                // Rewrite in place so relabeling does not pile up descriptions.
                ours.Value = json;
                return document.ToString(SaveOptions.DisableFormatting);
            }

            var rdf = document.Descendants(XName.Get("RDF", Rdf)).FirstOrDefault()
                ?? throw new AigcMetadataException("The XMP packet has no rdf:RDF element, so the AIGC property cannot be added.");
            rdf.Add(new XElement(
                XName.Get("Description", Rdf),
                new XAttribute(XName.Get("about", Rdf), string.Empty),
                new XAttribute(XNamespace.Xmlns + "TC260", Namespace),
                new XAttribute(tc260 + "AIGC", json)));
            return document.ToString(SaveOptions.DisableFormatting);
        }

        private static XDocument Load(string packet)
        {
            try
            {
                var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null, MaxCharactersInDocument = 4 * 1024 * 1024 };
                using var reader = XmlReader.Create(new StringReader(packet), settings);
                return XDocument.Load(reader, LoadOptions.PreserveWhitespace);
            }
            catch (XmlException ex)
            {
                throw new AigcMetadataException("The XMP packet is not well-formed XML: " + ex.Message, ex);
            }
        }

        private static string Escape(string value)
        {
            var builder = new StringBuilder(value.Length + 32);
            foreach (var c in value)
            {
                builder.Append(c switch
                {
                    '"' => "&quot;",
                    '&' => "&amp;",
                    '<' => "&lt;",
                    '>' => "&gt;",
                    _ => c.ToString(),
                });
            }

            return builder.ToString();
        }
    }
}
