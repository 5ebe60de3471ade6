using Microsoft.AspNetCore.Mvc;
using StudyBuddy.Infrastructure;
using StudyBuddy.Models;
using StudyBuddy.Services;

namespace StudyBuddy.Controllers;

[ApiController]
[Route("api/quizzes")]
public class QuizController(QuizGenerator generator, CourseCatalog catalog) : ControllerBase
{
    [HttpPost]
    public async Task<ActionResult<Quiz>> Create([FromBody] QuizRequest request, CancellationToken ct)
    {
        if (request.QuestionCount is < 1 or > 20) return BadRequest("QuestionCount must be between 1 and 20.");

        return await generator.CreateQuizAsync(request, ct);
    }

    [HttpPost("course/{courseId:int}")]
    public async Task<IActionResult> ForCourse(int courseId, [FromQuery] string difficulty = "medium", CancellationToken ct = default)
    {
        var course = catalog.Find(courseId);
        if (course is null) return NotFound();

        var quiz = await generator.CreateQuizAsync(new QuizRequest(course.Title, QuestionCount: 8, difficulty), ct);
        return Ok(new { course = course.Code, difficulty, questions = quiz.Questions });
    }

    [HttpGet("explain")]
    public async Task<IActionResult> Explain([FromQuery] string question, [FromQuery] string answer, CancellationToken ct)
    {
        var explanation = await generator.ExplainAnswerAsync(question, answer, ct);
        return Content($"You answered \"{answer}\". {explanation}", "text/plain");
    }

    [HttpGet("difficulties")]
    public ActionResult<string[]> Difficulties() => new[] { "easy", "medium", "hard" };
}
