namespace App.Pages
{
    [RequireRealName]
    public class IndexModel(IChatClient chat, OpenAI.Images.ImageClient images) : Microsoft.AspNetCore.Mvc.RazorPages.PageModel
    {
        [BindProperty] public string Question { get; set; } = "";
        public string Answer { get; set; } = "";
        public string ImageUrl { get; set; } = "";

        public async Task<IActionResult> OnPostAsync()
        {
            Steps.EnsureAllowed(Question);
            var response = await chat.GetResponseAsync(Question);
            Steps.EnsureAllowed(response.Text);
            Steps.Record(response.Text);
            Answer = Steps.Label(response.Text);
            var image = await images.GenerateImageAsync(Question);
            ImageUrl = image.Value.ImageUri.ToString();
            return Page();
        }
    }
}
