using StudyBuddy.Models;

namespace StudyBuddy.Infrastructure;

public sealed class CourseCatalog
{
    private readonly List<Course> _courses =
    [
        new(1, "MATH-101", "Algebra I", "Mathematics", 9),
        new(2, "MATH-201", "Geometry", "Mathematics", 10),
        new(3, "BIO-110", "Cell Biology", "Biology", 10),
        new(4, "CHEM-120", "Chemical Reactions", "Chemistry", 11),
        new(5, "HIST-210", "Modern World History", "History", 11),
        new(6, "PHYS-130", "Mechanics", "Physics", 12),
    ];

    public IReadOnlyList<Course> All() => _courses;
    public Course? Find(int id) => _courses.FirstOrDefault(c => c.Id == id);
    public IEnumerable<Course> BySubject(string subject) =>
        _courses.Where(c => string.Equals(c.Subject, subject, StringComparison.OrdinalIgnoreCase));
    public IEnumerable<string> Subjects() => _courses.Select(c => c.Subject).Distinct().Order();
}
