using DeepSynth.Compliance;
using DeepSynth.Compliance.Audit;
using DeepSynth.Compliance.Labeling;
using DeepSynth.Compliance.Review;
using Microsoft.AspNetCore.Mvc;
using Microsoft.SemanticKernel;

namespace StoryTime.Web.Controllers
{
    public class StoryViewModel
    {
        public string Topic { get; set; } = "";
        public string Story { get; set; } = "";
        public DateTime GeneratedAt { get; set; }
    }

    public class StoryForm
    {
        public string Topic { get; set; } = "";
        public string AgeGroup { get; set; } = "6-8";
    }

    // Server-rendered pages (Razor views). Children's stories for a reading app.
    public class StoriesController : Controller
    {
        private readonly Kernel _kernel;
        private readonly IContentReviewer _reviewer;
        private readonly IAigcTextLabeler _labeler;
        private readonly ISynthesisAuditLog _audit;

        public StoriesController(Kernel kernel, IContentReviewer reviewer, IAigcTextLabeler labeler, ISynthesisAuditLog audit)
        {
            _kernel = kernel;
            _reviewer = reviewer;
            _labeler = labeler;
            _audit = audit;
        }

        [HttpGet]
        public IActionResult Index() => View(new StoryForm());

        [HttpPost]
        [ValidateAntiForgeryToken]
        public async Task<IActionResult> Write(StoryForm form)
        {
            var result = await _kernel.InvokePromptAsync($"Write a short bedtime story for children aged {form.AgeGroup} about {form.Topic}."); // expect: DSYN004
            var model = new StoryViewModel { Topic = form.Topic, Story = result.ToString(), GeneratedAt = DateTime.Now };
            return View("Story", model); // expect: DSYN001, DSYN002, DSYN003, DSYN005
        }

        [HttpPost]
        [ValidateAntiForgeryToken]
        [RequireRealName]
        public async Task<IActionResult> WriteReviewed(StoryForm form, CancellationToken ct)
        {
            var topic = await _reviewer.EnsureAllowedAsync(form.Topic, ReviewStage.Input, ct);
            var ageGroup = await _reviewer.EnsureAllowedAsync(form.AgeGroup, ReviewStage.Input, ct);
            var result = await _kernel.InvokePromptAsync($"Write a short bedtime story for children aged {ageGroup} about {topic}.", cancellationToken: ct);
            var story = await _reviewer.EnsureAllowedAsync(result.GetValue<string>() ?? string.Empty, ReviewStage.Output, ct);
            await _audit.RecordAsync(story, new GenerationRecord { Model = "story-v2" }, ct);
            var model = new StoryViewModel { Topic = topic, Story = _labeler.Label(story), GeneratedAt = DateTime.Now };
            return View("Story", model);
        }

        // The "poem of the day" widget: the poem travels to the view in ViewData.
        [HttpGet]
        [RequireRealName]
        public async Task<IActionResult> Poem(CancellationToken ct)
        {
            var result = await _kernel.InvokePromptAsync("写一首关于春天的四行短诗。", cancellationToken: ct);
            var poem = await _reviewer.EnsureAllowedAsync(result.ToString(), ReviewStage.Output, ct);
            await _audit.RecordAsync(poem, new GenerationRecord(), ct);
            ViewData["Poem"] = poem;
            return View(); // expect: DSYN001
        }

        [HttpGet]
        public IActionResult About() => View();
    }
}
