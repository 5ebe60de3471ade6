namespace DeepSynth.Analyzers.Tests.Flow;

/// <summary>Compliance steps declared the way a project without the SDK would: user methods with the annotation attributes.</summary>
internal static class TestSteps
{
    public const string Source = """
        public static class Steps
        {
            [AigcLabeler] public static string Label(string text) => "AI生成：" + text;
            [AigcLabeler] public static byte[] LabelImage(byte[] image) => image;
            [AigcLabeler] public static void LabelInPlace(ChatReply reply) { }
            [AigcLabeler] public static IAsyncEnumerable<string> LabelStream(IAsyncEnumerable<string> tokens) => tokens;
            [AigcLabeler] public static string Notice => "以下内容由AI生成";
            [ContentReviewer] public static void EnsureAllowed(string text) { }
            [ContentReviewer] public static Task<string> ReviewedAsync(string text) => Task.FromResult(text);
            [ContentReviewer] public static Verdict Review(string text) => new Verdict(false);
            [IdentityVerifier] public static void EnsureRealName(HttpContext context) { }
            [IdentityVerifier] public static Task EnsureRealNameAsync(System.Security.Claims.ClaimsPrincipal user) => Task.CompletedTask;
            [IdentityVerifier] public static Task<bool> IsRealNameVerifiedAsync(System.Security.Claims.ClaimsPrincipal user) => Task.FromResult(true);
            [SynthesisAuditor] public static void Record(string content) { }
            [SynthesisAuditor] public static Task RecordAsync(string prompt, object content) => Task.CompletedTask;
        }
        public record Verdict(bool IsBlocked);
        public record ChatRequest(string Message);
        public class ChatReply { public string Answer { get; set; } = ""; public int Tokens { get; set; } }
        """;
}
