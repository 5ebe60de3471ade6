using System.Text.Json;
using DeepSynth.Analyzers.Configuration;
using DeepSynth.Analyzers.Manifest;
using DeepSynth.TestSupport;

namespace DeepSynth.Analyzers.Tests.Manifest;

/// <summary>The JSON schema shipped for editors, docs/manifest.md and the sample agree with the keys the analyzers read.</summary>
public class ManifestSchemaFileTests
{
    private static readonly string SchemaPath = RepositoryPaths.Combine("src", "DeepSynth.Package", "buildTransitive", "deepsynth.schema.json");

    [Fact]
    public void Schema_describes_exactly_the_keys_the_analyzers_read()
    {
        using var schema = JsonDocument.Parse(File.ReadAllText(SchemaPath));

        AssertSameKeys(ManifestSchema.Root, schema.RootElement, string.Empty);
    }

    [Fact]
    public void Manifest_documentation_names_every_key()
    {
        var documentation = File.ReadAllText(RepositoryPaths.Combine("docs", "manifest.md"));
        foreach (var (path, _) in Paths(ManifestSchema.Root, string.Empty))
        {
            Assert.Contains("`" + path + "`", documentation.Replace("`securityAssessments[]`", "`securityAssessments`"));
        }
    }

    [Fact]
    public void Sample_manifest_is_valid()
    {
        var text = File.ReadAllText(RepositoryPaths.Combine("samples", "ChatService", "deepsynth.json"));

        var issues = ManifestSchema.Validate((JsonObject)JsonReader.Parse(text));

        Assert.Empty(issues);
    }

    private static void AssertSameKeys(ManifestKey key, JsonElement schema, string path)
    {
        var properties = schema.GetProperty("type").GetString() == "array" ? schema.GetProperty("items").GetProperty("properties") : schema.GetProperty("properties");
        var documented = properties.EnumerateObject().Select(p => p.Name).OrderBy(n => n, StringComparer.Ordinal);
        Assert.Equal(key.Keys.Select(k => k.Name).OrderBy(n => n, StringComparer.Ordinal), documented);
        foreach (var child in key.Keys.Where(k => k.Kind is ManifestValueKind.Object or ManifestValueKind.ObjectArray))
        {
            AssertSameKeys(child, properties.GetProperty(child.Name), path + "." + child.Name);
        }
    }

    /// <summary>The dotted paths of the manifest's own keys ($schema and the catalogue are documented elsewhere).</summary>
    private static IEnumerable<(string Path, ManifestKey Key)> Paths(ManifestKey key, string prefix)
    {
        foreach (var child in key.Keys.Where(k => k.Name is not "$schema" and not "catalogue"))
        {
            var path = prefix.Length == 0 ? child.Name : prefix + "." + child.Name;
            if (child.Kind == ManifestValueKind.Object)
            {
                foreach (var nested in Paths(child, path))
                {
                    yield return nested;
                }
            }
            else
            {
                yield return (path, child);
            }
        }
    }
}
