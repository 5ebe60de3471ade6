using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Xml;
using System.Xml.Linq;

namespace DeepSynth.Compliance.Metadata
{
    /// <summary>
    /// The AIGC property inside an XMP packet. Writes the element form <c>&lt;TC260:AIGC&gt;{...}&lt;/TC260:AIGC&gt;</c> in
    /// the TC260 namespace (TC260-PG-20259A, the form Doubao ships and verifiers read); reads the element and the
    /// attribute form in any namespace. Other properties of the packet are kept.
    /// </summary>
    internal static class XmpAigcPacket
    {
        public const string Namespace = "http://www.tc260.org.cn/ns/AIGC/1.0/";
        public const string ImageGuide = "TC260-PG-20259A";
        private const string Rdf = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
        private static readonly XNamespace Tc260 = Namespace;

        /// <summary>Each AIGC property of the packet, labelled with its form; <paramref name="container"/> names the carrier.</summary>
        public static List<AigcLabelSite> FindSites(string packet, string container)
        {
            var sites = new List<AigcLabelSite>();
            foreach (var element in Load(packet).Descendants())
            {
                foreach (var attribute in element.Attributes().Where(IsAigc))
                {
                    // RDF allows a simple property as an attribute, but the guide's verifiers read the element only.
                    sites.Add(new AigcLabelSite($"{container} > XMP {Prefixed(attribute.Name)} attribute", AigcLabelPlacement.NonStandard, ImageGuide, Encoding.UTF8.GetBytes(attribute.Value)));
                }

                if (IsAigc(element.Name))
                {
                    var placement = element.Name == Tc260 + "AIGC" ? AigcLabelPlacement.Standard : AigcLabelPlacement.NonStandard;
                    sites.Add(new AigcLabelSite($"{container} > XMP {Prefixed(element.Name)} element", placement, ImageGuide, Encoding.UTF8.GetBytes(element.Value)));
                }
            }

            return sites;
        }

        /// <summary>The packet stored in <paramref name="data"/>[offset, offset+count) as text; XMP is UTF-8.</summary>
        /// <exception cref="AigcMetadataException">The bytes are not UTF-8; <paramref name="where"/> names the carrier.</exception>
        public static string Decode(byte[] data, int offset, int count, string where)
        {
            try
            {
                return new UTF8Encoding(false, true).GetString(data, offset, count);
            }
            catch (DecoderFallbackException ex)
            {
                throw new AigcMetadataException($"The XMP packet in {where} is not valid UTF-8.", ex);
            }
        }

        /// <summary>A new packet holding only the label.</summary>
        public static string Create(string json) =>
            "<?xpacket begin=\"\uFEFF\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>"
            + "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\"><rdf:RDF xmlns:rdf=\"" + Rdf + "\">"
            + "<rdf:Description rdf:about=\"\" xmlns:TC260=\"" + Namespace + "\"><TC260:AIGC>" + Escape(json) + "</TC260:AIGC></rdf:Description>"
            + "</rdf:RDF></x:xmpmeta><?xpacket end=\"w\"?>";

        /// <summary>
        /// <paramref name="packet"/> (or a new packet) with exactly one AIGC property, the <c>TC260:AIGC</c> element set to
        /// <paramref name="json"/>. An existing element is updated where it stands; other AIGC properties are removed.
        /// </summary>
        public static string Write(string? packet, string json)
        {
            if (packet is null)
            {
                return Create(json);
            }

            var document = Load(packet);
            var ours = document.Descendants(Tc260 + "AIGC").FirstOrDefault();
            var holder = ours?.Parent
                ?? document.Descendants().FirstOrDefault(e => e.Attributes().Any(IsAigc))
                ?? document.Descendants(XName.Get("Description", Rdf)).FirstOrDefault();
            foreach (var attribute in document.Descendants().SelectMany(e => e.Attributes()).Where(IsAigc).ToList())
            {
                attribute.Remove();
            }

            foreach (var element in document.Descendants().Where(e => IsAigc(e.Name) && e != ours).ToList())
            {
                element.Remove();
            }

            if (ours is not null)
            {
                // Rewrite in place so relabeling does not pile up descriptions.
                ours.Value = json;
                return document.ToString(SaveOptions.DisableFormatting);
            }

            if (holder is null)
            {
                var rdf = document.Descendants(XName.Get("RDF", Rdf)).FirstOrDefault()
                    ?? throw new AigcMetadataException("The XMP packet has no rdf:RDF element, so the AIGC property cannot be added.");
                holder = new XElement(XName.Get("Description", Rdf), new XAttribute(XName.Get("about", Rdf), string.Empty));
                rdf.Add(holder);
            }

            // Bind the usual prefix unless the packet already uses "TC260" for another namespace; then the writer picks one.
            if (holder.GetPrefixOfNamespace(Tc260) is null && holder.Attribute(XNamespace.Xmlns + "TC260") is null)
            {
                holder.Add(new XAttribute(XNamespace.Xmlns + "TC260", Namespace));
            }

            holder.Add(new XElement(Tc260 + "AIGC", json));
            try
            {
                return document.ToString(SaveOptions.DisableFormatting);
            }
            catch (Exception ex) when (ex is InvalidOperationException or ArgumentException or XmlException)
            {
                throw new AigcMetadataException("The XMP packet cannot be written back: " + ex.Message, ex);
            }
        }

        private static bool IsAigc(XAttribute attribute) => !attribute.IsNamespaceDeclaration && IsAigc(attribute.Name);

        private static bool IsAigc(XName name) => string.Equals(name.LocalName, "AIGC", StringComparison.OrdinalIgnoreCase);

        private static string Prefixed(XName name) => name.Namespace == Tc260 ? "TC260:" + name.LocalName : "{" + name.NamespaceName + "}" + name.LocalName;

        private static XDocument Load(string packet)
        {
            try
            {
                // No DTDs, no resolver, bounded size: a packet is attacker-controlled input.
                var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null, MaxCharactersInDocument = 4 * 1024 * 1024 };
                using var reader = XmlReader.Create(new StringReader(packet.TrimEnd('\0')), settings);
                return XDocument.Load(reader, LoadOptions.PreserveWhitespace);
            }
            catch (XmlException ex)
            {
                throw new AigcMetadataException("The XMP packet is not well-formed XML: " + ex.Message, ex);
            }
        }

        private static string Escape(string value) =>
            value.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;");
    }
}
