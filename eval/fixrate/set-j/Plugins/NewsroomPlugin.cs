using System.ComponentModel;
using InkWell.Data;
using Microsoft.SemanticKernel;

namespace InkWell.Plugins;

/// <summary>Newsroom facts the prompts can pull in: the tag vocabulary and what ran recently.</summary>
public sealed class NewsroomPlugin(NewsroomCatalog catalog)
{
    private static readonly string[] Vocabulary =
        ["transport", "city-council", "budget", "climate", "rivers", "research", "theatre", "books", "local-arts", "housing"];

    [KernelFunction("tag_vocabulary")]
    [Description("Returns the tags the desk already uses, comma separated.")]
    public string TagVocabulary() => string.Join(", ", Vocabulary);

    [KernelFunction("recent_titles")]
    [Description("Returns the titles of the most recent articles in a section.")]
    public string RecentTitles([Description("Section name, e.g. Local")] string section, int count = 3)
    {
        var titles = catalog.Articles
            .Where(a => string.Equals(a.Section, section, StringComparison.OrdinalIgnoreCase))
            .OrderByDescending(a => a.PublishedAt)
            .Take(count)
            .Select(a => $"- {a.Title}");
        return string.Join('\n', titles);
    }
}
