using StudyBuddy.Infrastructure;

namespace StudyBuddy.Endpoints;

public static class CatalogEndpoints
{
    public static IEndpointRouteBuilder MapCatalogEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/health", () => Results.Ok(new { status = "ok", time = DateTimeOffset.UtcNow }));

        var courses = app.MapGroup("/api/courses").WithTags("Courses");

        courses.MapGet("/", (CourseCatalog catalog, string? subject) =>
            subject is null ? Results.Ok(catalog.All()) : Results.Ok(catalog.BySubject(subject)));

        courses.MapGet("/{id:int}", (int id, CourseCatalog catalog) =>
            catalog.Find(id) is { } course ? Results.Ok(course) : Results.NotFound());

        courses.MapGet("/subjects", (CourseCatalog catalog) => string.Join(", ", catalog.Subjects()));

        return app;
    }
}
