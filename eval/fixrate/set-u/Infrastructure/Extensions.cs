using System.Globalization;
using System.Security.Claims;
using System.Text;

namespace StarHarbor.LiveOps.Infrastructure;

public static class PlayerClaims
{
    public static string PlayerId(this ClaimsPrincipal user) =>
        user.FindFirstValue(ClaimTypes.NameIdentifier)
        ?? user.FindFirstValue("sub")
        ?? throw new InvalidOperationException("Signed-in principal has no player id.");

    public static string Nickname(this ClaimsPrincipal user) =>
        user.FindFirstValue("nickname") ?? user.Identity?.Name ?? "旅行者";

    public static string Region(this ClaimsPrincipal user) =>
        user.FindFirstValue("region") ?? "cn-east";

    public static string? GuildId(this ClaimsPrincipal user) => user.FindFirstValue("guild");
}

public static class TextExtensions
{
    public static string Clip(this string text, int maxChars)
    {
        if (string.IsNullOrEmpty(text) || text.Length <= maxChars) return text;
        var info = new StringInfo(text);
        if (info.LengthInTextElements <= maxChars) return text;
        return info.SubstringByTextElements(0, maxChars - 1) + "…";
    }

    public static string NormalizeQuestion(this string question)
    {
        var sb = new StringBuilder(question.Length);
        foreach (var ch in question.Normalize(NormalizationForm.FormKC))
        {
            if (char.IsLetterOrDigit(ch)) sb.Append(char.ToLowerInvariant(ch));
        }
        return sb.ToString();
    }

    public static IEnumerable<string> SplitForChat(this string text, int chunkSize)
    {
        for (var i = 0; i < text.Length; i += chunkSize)
            yield return text.Substring(i, Math.Min(chunkSize, text.Length - i));
    }

    public static string HtmlEncode(this string? text) => System.Net.WebUtility.HtmlEncode(text ?? "");
}

public sealed record ApiEnvelope<T>(T Data, string TraceId, DateTimeOffset ServerTime)
{
    public static ApiEnvelope<T> From(HttpContext context, T data) =>
        new(data, context.TraceIdentifier, DateTimeOffset.UtcNow);
}
