namespace TalentDesk.Models;

public record JobDescriptionRequest(
    string Title,
    string Team,
    string Location,
    string Seniority,
    IReadOnlyList<string> MustHave,
    IReadOnlyList<string>? NiceToHave,
    string Tone = "friendly");

public record JobDescriptionDto(string Title, string Summary, List<string> Responsibilities, List<string> Requirements, string Body);

public record CvSummaryRequest(string CandidateId, string CvText, string? TargetRole);

public class CvSummaryDto
{
    public string CandidateId { get; set; } = "";
    public string Headline { get; set; } = "";
    public string Summary { get; set; } = "";
    public List<string> Strengths { get; set; } = new();
    public List<string> Concerns { get; set; } = new();
    public int? YearsOfExperience { get; set; }
}

public record InterviewQuestionsRequest(string Role, string Stage, int Count, string? Focus);

public record InterviewQuestion(int Number, string Text, string Category);

public record EmailDraftRequest(string CandidateName, string Role, string Kind, string? RecruiterNotes, string RecruiterName);

public record EmailDraft(string Subject, string Body, string Kind, DateTimeOffset DraftedAt);

public record BannerRequest(string JobTitle, string Style, string? ColorScheme);

public record Candidate(string Id, string Name, string Email, string AppliedFor, string Stage, DateTimeOffset AppliedAt);

public record JobPosting(string Id, string Title, string Team, string Location, string Status, string? Description);

public record DigestEntry(string Recruiter, int NewApplicants, int InterviewsScheduled, string Highlights);
