public static class Steps
{
    [AigcLabeler] public static string Label(string text) => "AI生成：" + text;
    [ContentReviewer] public static void EnsureAllowed(string text) { }
    [SynthesisAuditor] public static void Record(string content) { }
}
