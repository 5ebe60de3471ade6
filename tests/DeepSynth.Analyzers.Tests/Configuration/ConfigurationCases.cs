using DeepSynth.Analyzers.Configuration;
using DeepSynth.Analyzers.Manifest;
using Microsoft.CodeAnalysis.Text;
using static DeepSynth.Analyzers.Tests.Configuration.ConfigurationHarness;

namespace DeepSynth.Analyzers.Tests.Configuration;

/// <summary>A broken deepsynth.json, the diagnostic it must give, and the span of the offending token.</summary>
public sealed record ConfigurationCase(string Json, string Id, TextSpan Span);

/// <summary>
/// Every way deepsynth.json can be wrong, as data. The keys come from the analyzers' own key lists (so a new key is
/// covered the day it is added); what counts as the right JSON type for each kind of key is decided here.
/// </summary>
internal static class ConfigurationCases
{
    private const string Text = "\"text\"";

    /// <summary>One literal of each JSON type.</summary>
    private static readonly string[] Literals = { Text, "7", "true", "null", "[]", "{}" };

    public static readonly IReadOnlyDictionary<string, ConfigurationCase> All = Build();

    private static Dictionary<string, ConfigurationCase> Build()
    {
        var cases = new Dictionary<string, ConfigurationCase>();
        foreach (var (name, markup, id) in SyntaxErrors())
        {
            cases.Add("syntax: " + name, Marked(markup, id));
        }

        foreach (var (name, @case) in UnknownKeys().Concat(WrongTypes()).Concat(InvalidValues()).Concat(UnresolvedMembers()).Concat(Contradictions()))
        {
            cases.Add(name, @case);
        }

        return cases;
    }

    /// <summary>Not JSON at all (DSYN901 at the error, zero width) or not an object (at the root value). « » marks the span.</summary>
    private static IEnumerable<(string Name, string Markup, string Id)> SyntaxErrors()
    {
        yield return ("empty file", "«»", "DSYN901");
        yield return ("only whitespace", "  \n  «»", "DSYN901");
        yield return ("only a comment", "// nothing yet\n«»", "DSYN901");
        yield return ("trailing garbage", "{ \"logRetentionDays\": 180 } «»extra", "DSYN901");
        yield return ("two documents", "{ } «»{ }", "DSYN901");
        yield return ("trailing comma in an object", "{ \"logRetentionDays\": 180, «»}", "DSYN901");
        yield return ("trailing comma in an array", "{ \"roles\": [ \"provider\", «»] }", "DSYN901");
        yield return ("missing comma", "{\n  \"roles\": []\n  «»\"jurisdictions\": []\n}", "DSYN901");
        yield return ("missing colon", "{ \"roles\" «»[] }", "DSYN901");
        yield return ("unquoted key", "{ «»roles: [] }", "DSYN901");
        yield return ("single quotes", "{ «»'roles': [] }", "DSYN901");
        yield return ("unterminated object", "{ \"roles\": [] «»", "DSYN901");
        yield return ("unterminated string", "{ \"providerCode\": «»\"ACME }", "DSYN901");
        yield return ("unterminated comment", "{ «»/* roles: [] }", "DSYN901");
        yield return ("invalid escape", "{ \"providerCode\": \"«»\\q\" }", "DSYN901");
        yield return ("invalid unicode escape", "{ \"providerCode\": \"«»\\u12G4\" }", "DSYN901");
        yield return ("unicode escape with a space", "{ \"providerCode\": \"«»\\u 123\" }", "DSYN901");
        yield return ("control character in a string", "{ \"providerCode\": \"A«»\tB\" }", "DSYN901");
        yield return ("number with two points", "{ \"logRetentionDays\": «»1.2.3 }", "DSYN901");
        yield return ("number with a leading zero", "{ \"logRetentionDays\": «»0180 }", "DSYN901");
        yield return ("number with a trailing point", "{ \"logRetentionDays\": «»180. }", "DSYN901");
        yield return ("number with a plus sign", "{ \"logRetentionDays\": «»+180 }", "DSYN901");
        yield return ("lone minus", "{ \"logRetentionDays\": «»- }", "DSYN901");
        yield return ("NaN", "{ \"logRetentionDays\": «»NaN }", "DSYN901");
        yield return ("misspelt literal", "{ \"publicOpinionAttributes\": «»tru }", "DSYN901");
        yield return ("capitalised literal", "{ \"publicOpinionAttributes\": «»True }", "DSYN901");
        yield return ("nesting too deep", "{ \"catalogue\": " + new string('[', 64) + "«»" + new string('[', 40), "DSYN901");
        yield return ("root is an array", "«[ \"provider\" ]»", "DSYN901");
        yield return ("root is a string", "«\"deepsynth\"»", "DSYN901");
        yield return ("root is a number", "«42»", "DSYN901");
        yield return ("root is null", "  «null»\n", "DSYN901");
        yield return ("byte order mark then an unknown key", "\uFEFF{ «\"catalog\"»: {} }", "DSYN902");
    }

    /// <summary>An unknown key in every object of the file (DSYN902 at the key's name).</summary>
    private static IEnumerable<(string, ConfigurationCase)> UnknownKeys()
    {
        var objects = new List<string> { string.Empty, "catalogue", "catalogue.sources[1]", "catalogue.publishers[0]" };
        objects.AddRange(Paths(ManifestSchema.Root, string.Empty).Where(p => p.Key.Kind is ManifestValueKind.Object).Select(p => p.Path));
        objects.AddRange(Paths(ManifestSchema.Root, string.Empty).Where(p => p.Key.Kind is ManifestValueKind.ObjectArray).Select(p => p.Path + "[0]"));
        foreach (var path in objects)
        {
            yield return ("unknown key in '" + path + "'", InsertKey(path, "«\"notAKey\"»: 1", "DSYN902"));
        }

        // Keys valid in one entry kind only, and misspellings that get a "did you mean".
        yield return ("'media' on a labeler entry", Replace("catalogue.labelers[0]", "{ \"member\": \"MyCompany.Llm.Gateway.Stamp\", «\"media\"»: \"image\" }", "DSYN902"));
        yield return ("'parameters' on a source entry", Replace("catalogue.sources[0]", "{ \"member\": \"MyCompany.Llm.Gateway.Complete\", «\"parameters\"»: [] }", "DSYN902"));
        yield return ("misspelt top-level key", RenameKey("logRetentionDays", "logRetentionDay"));
        yield return ("misspelt catalogue section", RenameKey("catalogue.reviewers", "reviewer"));
        yield return ("misspelt entry key", RenameKey("catalogue.sources[1].member", "membr"));
        yield return ("key in the wrong case", RenameKey("catalogue", "Catalogue"));
    }

    /// <summary>Every key given a value of each JSON type it does not take, and arrays given items of the wrong type (DSYN902 at the value).</summary>
    private static IEnumerable<(string, ConfigurationCase)> WrongTypes()
    {
        var kinds = Paths(ManifestSchema.Root, string.Empty)
            .Where(p => p.Key.Kind != ManifestValueKind.Any)
            .Select(p => (p.Path, Accepts: Accepted(p.Key.Kind), ItemAccepts: p.Key.Kind switch
            {
                ManifestValueKind.StringArray => Text,
                ManifestValueKind.ObjectArray => "{}",
                _ => null,
            }))
            .Concat(CatalogueKinds());
        foreach (var (path, accepts, itemAccepts) in kinds)
        {
            foreach (var literal in Literals.Where(l => l != accepts))
            {
                yield return ($"wrong type: '{path}' = {literal}", Replace(path, "«" + literal + "»", "DSYN902"));
            }

            if (itemAccepts != null)
            {
                foreach (var literal in Literals.Where(l => l != itemAccepts))
                {
                    yield return ($"wrong item type: '{path}[0]' = {literal}", Replace(path + "[0]", "«" + literal + "»", "DSYN902"));
                }
            }
        }

        yield return ("wrong type: whole number expected, fraction given", Replace("logRetentionDays", "«180.5»", "DSYN902"));
        yield return ("wrong type: number larger than any retention", Replace("complaints.feedbackDays", "«1e10»", "DSYN902"));
    }

    /// <summary>Values of the right type that the key does not allow (DSYN905, DSYN906 for a short retention).</summary>
    private static IEnumerable<(string, ConfigurationCase)> InvalidValues()
    {
        var values = new (string Path, string Value, string Id)[]
        {
            ("providerCode", "\"ACME 智能\"", "DSYN905"),
            ("providerCode", "\"\"", "DSYN905"),
            ("providerCode", "\"ACME\\\"BOT\"", "DSYN905"),
            ("roles[0]", "\"owner\"", "DSYN905"),
            ("jurisdictions[0]", "\"cn\"", "DSYN905"),
            ("algorithmFiling.number", "\"  \"", "DSYN905"),
            ("algorithmFiling.displayedAt[0]", "\"\"", "DSYN905"),
            ("complaints.portal", "\"\"", "DSYN905"),
            ("complaints.feedbackDays", "0", "DSYN905"),
            ("complaints.feedbackDays", "-3", "DSYN905"),
            ("userAgreement.file", "\"\"", "DSYN905"),
            ("userAgreement.labelingSection", "\"\"", "DSYN905"),
            ("securityAssessments[0].scope", "\"face\"", "DSYN905"),
            ("securityAssessments[0].date", "\"30/06/2025\"", "DSYN905"),
            ("securityAssessments[0].date", "\"2025-13-01\"", "DSYN905"),
            ("logRetentionDays", "0", "DSYN905"),
            ("logRetentionDays", "-180", "DSYN905"),
            ("logRetentionDays", "179", "DSYN906"),
            ("rumorRefutation.contact", "\"\"", "DSYN905"),
            ("users.applicable", "\"\"", "DSYN905"),
            ("users.minors", "\"allowed\"", "DSYN905"),
            ("catalogue.sources[1].media", "\"picture\"", "DSYN905"),
            ("catalogue.publishers[0].parameters[0]", "\"content\"", "DSYN905"),
            ("catalogue.publishers[0].parameters", "[]", "DSYN905"),
        };
        return values.Select(v => ($"invalid value: '{v.Path}' = {v.Value}", Replace(v.Path, "«" + v.Value + "»", v.Id)));
    }

    /// <summary>Names that match no member (or no attribute type), in every section that names them (DSYN903 at the name).</summary>
    private static IEnumerable<(string, ConfigurationCase)> UnresolvedMembers()
    {
        foreach (var section in DeepSynthConfiguration.MemberSections)
        {
            yield return ($"unresolved: unknown member in '{section}'", Replace($"catalogue.{section}[0]", "«\"MyCompany.Llm.Gateway.Nothing\"»", "DSYN903"));
        }

        var names = new[]
        {
            "MyCompany.Llm.Missing.Complete", "Complete", "MyCompany.Llm.Gateway.", ".Complete", "", "M:",
            "M:MyCompany.Llm.Gateway.Complete(System.Int32)", "M:MyCompany.Llm.Gateway.Complete(System.String", "M:MyCompany.Llm.Gateway.Complete()",
            "T:MyCompany.Llm.Gateway", "F:MyCompany.Llm.Gateway.Tokens", "MyCompany.Llm.Gateway.Tokens", "mycompany.llm.gateway.complete",
        };
        foreach (var name in names)
        {
            yield return ($"unresolved: sources entry \"{name}\"", Replace("catalogue.sources[0]", "«\"" + name + "\"»", "DSYN903"));
        }

        yield return ("unresolved: object entry", Replace("catalogue.sources[1].member", "«\"MyCompany.Llm.Gateway.Draw\"»", "DSYN903"));
        yield return ("unresolved: identity attribute", Replace("catalogue.identityAttributes[0]", "«\"MyCompany.Llm.NoSuchAttribute\"»", "DSYN903"));
    }

    /// <summary>Settings that say two things (DSYN907 at the second).</summary>
    private static IEnumerable<(string, ConfigurationCase)> Contradictions()
    {
        yield return ("contradiction: publisher also a labeler", Replace("catalogue.labelers[0]", "«\"MyCompany.Llm.Gateway.Push\"»", "DSYN907"));
        yield return ("contradiction: source also an auditor", Replace("catalogue.auditors[0]", "«\"M:MyCompany.Llm.Gateway.Complete(System.String)\"»", "DSYN907"));
        yield return ("contradiction: reviewer also an input", Replace("catalogue.reviewers[0]", "«\"MyCompany.Llm.Gateway.ReadComment\"»", "DSYN907"));
        yield return ("contradiction: key given twice", InsertKey(string.Empty, "«\"logRetentionDays\"»: 90", "DSYN907", atEnd: true));
        yield return ("contradiction: nested key given twice", InsertKey("complaints", "«\"portal\"»: \"/other\"", "DSYN907", atEnd: true));
        yield return ("contradiction: catalogue section given twice", InsertKey("catalogue", "«\"sources\"»: []", "DSYN907", atEnd: true));
        yield return ("contradiction: entry key given twice", InsertKey("catalogue.publishers[0]", "«\"member\"»: \"MyCompany.Llm.Gateway.Record\"", "DSYN907", atEnd: true));
    }

    /// <summary>The catalogue's keys and what each accepts (entries of a member section may also be objects).</summary>
    private static IEnumerable<(string Path, string Accepts, string? ItemAccepts)> CatalogueKinds()
    {
        yield return ("catalogue", "{}", null);
        foreach (var section in DeepSynthConfiguration.MemberSections)
        {
            yield return ("catalogue." + section, "[]", Text);
        }

        yield return ("catalogue.identityAttributes", "[]", Text);
        yield return ("catalogue.identityPolicies", "[]", Text);
        yield return ("catalogue.sources[1].member", Text, null);
        yield return ("catalogue.sources[1].media", Text, null);
        yield return ("catalogue.publishers[0].member", Text, null);
        yield return ("catalogue.publishers[0].parameters", "[]", Text);
    }

    private static string Accepted(ManifestValueKind kind) => kind switch
    {
        ManifestValueKind.String => Text,
        ManifestValueKind.Boolean => "true",
        ManifestValueKind.Integer => "7",
        ManifestValueKind.Object => "{}",
        _ => "[]",
    };

    private static IEnumerable<(string Path, ManifestKey Key)> Paths(ManifestKey key, string prefix)
    {
        foreach (var child in key.Keys)
        {
            var path = prefix.Length == 0 ? child.Name : prefix + "." + child.Name;
            yield return (path, child);
            foreach (var nested in Paths(child, child.Kind == ManifestValueKind.ObjectArray ? path + "[0]" : path))
            {
                yield return nested;
            }
        }
    }

    /// <summary>The valid manifest with the value at <paramref name="path"/> replaced by <paramref name="markup"/>.</summary>
    private static ConfigurationCase Replace(string path, string markup, string id)
    {
        var span = Find(path).Span;
        return Marked(ValidManifest[..span.Start] + markup + ValidManifest[span.End..], id);
    }

    /// <summary>Adds a property (markup) to the object at <paramref name="path"/>, as its first or its last.</summary>
    private static ConfigurationCase InsertKey(string path, string property, string id, bool atEnd = false)
    {
        var node = (JsonObject)Find(path);
        var json = atEnd
            ? ValidManifest[..(node.Span.End - 1)].TrimEnd() + ", " + property + " " + ValidManifest[(node.Span.End - 1)..]
            : ValidManifest[..(node.Span.Start + 1)] + " " + property + "," + ValidManifest[(node.Span.Start + 1)..];
        return Marked(json, id);
    }

    private static ConfigurationCase RenameKey(string path, string newName)
    {
        var dot = path.LastIndexOf('.');
        var parent = dot < 0 ? (JsonObject)JsonReader.Parse(ValidManifest) : (JsonObject)Find(path[..dot]);
        var property = parent.Find(path[(dot + 1)..])!;
        return Marked(ValidManifest[..property.NameSpan.Start] + "«\"" + newName + "\"»" + ValidManifest[property.NameSpan.End..], "DSYN902");
    }

    /// <summary>The node at a path like "catalogue.sources[1].member" in the valid manifest.</summary>
    private static JsonNode Find(string path)
    {
        var node = JsonReader.Parse(ValidManifest);
        foreach (var part in path.Split('.', StringSplitOptions.RemoveEmptyEntries))
        {
            var bracket = part.IndexOf('[');
            var name = bracket < 0 ? part : part[..bracket];
            node = ((JsonObject)node).Find(name)?.Value ?? throw new InvalidOperationException($"'{path}' is not in the valid manifest");
            if (bracket >= 0)
            {
                node = ((JsonArray)node).Items[int.Parse(part[(bracket + 1)..^1], System.Globalization.CultureInfo.InvariantCulture)];
            }
        }

        return node;
    }

    private static ConfigurationCase Marked(string markup, string id)
    {
        var start = markup.IndexOf('«');
        var end = markup.IndexOf('»') - 1;
        return new ConfigurationCase(markup.Replace("«", string.Empty).Replace("»", string.Empty), id, TextSpan.FromBounds(start, end));
    }
}
