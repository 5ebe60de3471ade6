using System.Net.Http.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Caching.Memory;

namespace CareMessenger.Services;

public sealed class OfficialAccountOptions
{
    public const string Section = "OfficialAccount";
    public string BaseUrl { get; set; } = "https://api.weixin.qq.com/cgi-bin/";
    public string AppId { get; set; } = "";
    public string AppSecret { get; set; } = "";
}

public sealed record PublishResult(string MediaId, string PublishId, int ErrCode, string? ErrMsg);

public interface IOfficialAccountClient
{
    Task<string> UploadImageAsync(byte[] png, string fileName, CancellationToken ct);
    Task<PublishResult> PublishArticleAsync(string title, string html, string? thumbMediaId, CancellationToken ct);
}

public sealed class OfficialAccountClient(HttpClient http, IMemoryCache cache, Microsoft.Extensions.Options.IOptions<OfficialAccountOptions> options)
    : IOfficialAccountClient
{
    private sealed record TokenResponse(
        [property: JsonPropertyName("access_token")] string? AccessToken,
        [property: JsonPropertyName("expires_in")] int ExpiresIn,
        [property: JsonPropertyName("errcode")] int ErrCode);

    private sealed record MaterialResponse(
        [property: JsonPropertyName("media_id")] string? MediaId,
        [property: JsonPropertyName("errcode")] int ErrCode,
        [property: JsonPropertyName("errmsg")] string? ErrMsg);

    private sealed record PublishResponse(
        [property: JsonPropertyName("publish_id")] string? PublishId,
        [property: JsonPropertyName("errcode")] int ErrCode,
        [property: JsonPropertyName("errmsg")] string? ErrMsg);

    private async Task<string> GetTokenAsync(CancellationToken ct)
    {
        if (cache.TryGetValue("oa-token", out string? token) && token is not null)
        {
            return token;
        }
        var o = options.Value;
        var response = await http.GetFromJsonAsync<TokenResponse>(
            $"token?grant_type=client_credential&appid={o.AppId}&secret={o.AppSecret}", ct);
        if (response?.AccessToken is null)
        {
            throw new InvalidOperationException($"Official account token request failed ({response?.ErrCode}).");
        }
        cache.Set("oa-token", response.AccessToken, TimeSpan.FromSeconds(Math.Max(60, response.ExpiresIn - 300)));
        return response.AccessToken;
    }

    public async Task<string> UploadImageAsync(byte[] png, string fileName, CancellationToken ct)
    {
        var token = await GetTokenAsync(ct);
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(png);
        file.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("image/png");
        form.Add(file, "media", fileName);
        using var response = await http.PostAsync($"material/add_material?access_token={token}&type=image", form, ct);
        var result = await response.Content.ReadFromJsonAsync<MaterialResponse>(ct);
        return result?.MediaId ?? throw new InvalidOperationException(result?.ErrMsg ?? "upload failed");
    }

    public async Task<PublishResult> PublishArticleAsync(string title, string html, string? thumbMediaId, CancellationToken ct)
    {
        var token = await GetTokenAsync(ct);
        var draft = new
        {
            articles = new[]
            {
                new { title, author = "康信诊所健康课堂", content = html, thumb_media_id = thumbMediaId ?? "", need_open_comment = 0 },
            },
        };
        using var draftResponse = await http.PostAsJsonAsync($"draft/add?access_token={token}", draft, ct);
        var material = await draftResponse.Content.ReadFromJsonAsync<MaterialResponse>(ct);
        if (material?.MediaId is null)
        {
            return new PublishResult("", "", material?.ErrCode ?? -1, material?.ErrMsg);
        }
        using var publishResponse = await http.PostAsJsonAsync($"freepublish/submit?access_token={token}", new { media_id = material.MediaId }, ct);
        var publish = await publishResponse.Content.ReadFromJsonAsync<PublishResponse>(ct);
        return new PublishResult(material.MediaId, publish?.PublishId ?? "", publish?.ErrCode ?? -1, publish?.ErrMsg);
    }
}
