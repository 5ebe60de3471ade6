// kind: program
// A writing service's start-up: label options set in code, in-memory defaults for configuration, brand texts in consts.
using DeepSynth.Compliance.Labeling;

var builder = WebApplication.CreateBuilder(args);
builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
{
    ["DeepSynth:ProviderCode"] = "ACME-WRITER-2025",
    ["DeepSynth:Label:Text"] = "AI", // expect: DSYN010
    ["DeepSynth:Label:Position"] = "End",
    ["Branding:Badge"] = "AI",
});
builder.Services.AddDeepSynthCompliance(o =>
{
    builder.Configuration.GetSection("DeepSynth").Bind(o);
    o.Image.Text = BrandTexts.ImageBadge; // expect: DSYN010
    o.Image.TextHeightRatio = 0.06;
});

var app = builder.Build();
app.MapGet("/label/preview", () => LabelText.Parse(BrandTexts.Footer).Value);
app.MapGet("/label/legacy", () => new TextLabelOptions { Text = BrandTexts.Legacy, Format = "[{0}]" }.Text); // expect: DSYN010
app.MapGet("/brand", () => BrandTexts.Tooltip);
app.Run();

static class BrandTexts
{
    public const string Brand = "小智";
    public const string ImageBadge = Brand + "绘图";
    public const string Footer = "本回答由" + Brand + "AI生成";
    public const string Legacy = "人工智能";
    public const string Tooltip = "AI";
}
