using OpenAI.Images;
using TalentDesk.Models;

namespace TalentDesk.Services;

public class JobBannerService(ImageClient images)
{
    public async Task<byte[]> RenderBannerAsync(BannerRequest request, CancellationToken ct)
    {
        var prompt = $"A clean, modern {request.Style} banner for a job posting titled '{request.JobTitle}'" +
                     (request.ColorScheme is null ? "." : $", using a {request.ColorScheme} color scheme.") +
                     " No text in the image.";

        GeneratedImage image = await images.GenerateImageAsync(prompt, new ImageGenerationOptions
        {
            Size = GeneratedImageSize.W1792xH1024,
            Quality = GeneratedImageQuality.Standard,
            ResponseFormat = GeneratedImageFormat.Bytes,
        }, ct);

        return image.ImageBytes.ToArray();
    }

    public async Task<Uri> AvatarAsync(string theme, CancellationToken ct)
    {
        var result = await images.GenerateImageAsync($"A friendly flat-style avatar icon representing {theme}",
            new ImageGenerationOptions { Size = GeneratedImageSize.W1024xH1024, ResponseFormat = GeneratedImageFormat.Uri }, ct);
        return result.Value.ImageUri;
    }
}
