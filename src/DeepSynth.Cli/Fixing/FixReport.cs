using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace DeepSynth.Cli.Fixing
{
    /// <summary>What `deepsynth fix` tells the user: per rule what was fixed, what was left and why, and what was undone.</summary>
    internal static class FixReport
    {
        public static void Write(IReadOnlyList<RuleFixOutcome> outcomes, TextWriter output)
        {
            foreach (var outcome in outcomes)
            {
                output.WriteLine($"{outcome.RuleId}: {outcome.Before} finding(s), {outcome.Fixed} fixed, {outcome.After} left");
                foreach (var broken in outcome.Undone)
                {
                    output.WriteLine($"  undone: the fix broke the build in {broken.File}, so it was not written / 修复导致编译失败，已撤销: {broken.Error}");
                }

                var undoneFiles = new HashSet<string>(outcome.Undone.Select(b => b.File));
                foreach (var finding in outcome.Left)
                {
                    var where = finding.At?.Short ?? finding.Project.Name;
                    var why = finding.At != null && undoneFiles.Contains(finding.At.FullPath)
                        ? "its fix broke the build and was undone / 其修复导致编译失败，已撤销"
                        : "no fix can be made safely here; fix it by hand (see docs/rules) / 此处无法安全地自动修复，请手动修复";
                    output.WriteLine($"  left: {where}: {why}");
                }
            }

            var undone = outcomes.Sum(o => o.Undone.Count);
            if (undone > 0)
            {
                output.WriteLine($"{undone} fix(es) undone because the result did not compile; the files were left as they were there.");
            }
        }
    }
}
