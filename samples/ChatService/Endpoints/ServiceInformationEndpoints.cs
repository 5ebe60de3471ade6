namespace ChatService.Endpoints;

/// <summary>
/// The pages the service's project-level duties need (declared in deepsynth.json and checked by DSYN101/DSYN102):
/// the about page that shows the algorithm filing number, and the complaint and report portal with its feedback limit.
/// </summary>
public static class ServiceInformationEndpoints
{
    /// <summary>Fictional: a real service shows the number the CAC issued when its algorithm was filed.</summary>
    public const string FilingNumber = "网信算备110000000000000001号";

    /// <summary>The feedback time limit published with the portal (DSP Art. 12).</summary>
    public const int FeedbackDays = 7;

    public static IEndpointRouteBuilder MapServiceInformationEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/about", () => Results.Text($"ACME Chat · 生成式人工智能服务 · {FilingNumber}"));

        app.MapPost("/api/complaints", (ComplaintRequest complaint) =>
            Results.Accepted(value: new ComplaintReceipt(Guid.NewGuid().ToString("N"), FeedbackDays)));

        return app;
    }
}

/// <summary>A complaint or report from a user or a member of the public.</summary>
public sealed record ComplaintRequest(string Subject, string Details, string? ContentId);

/// <summary>The receipt: a ticket and the number of days within which the complainant hears back.</summary>
public sealed record ComplaintReceipt(string Ticket, int FeedbackWithinDays);
