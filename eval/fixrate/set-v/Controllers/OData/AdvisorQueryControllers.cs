using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OData.Query;
using Microsoft.AspNetCore.OData.Results;
using Microsoft.AspNetCore.OData.Routing.Controllers;
using Microsoft.OData.Edm;
using Microsoft.OData.ModelBuilder;
using WealthPal.Data;
using WealthPal.Infrastructure;

namespace WealthPal.Controllers.OData;

/// <summary>Flat view of a customer for the advisor query API (Excel/Power BI users hit this with $filter).</summary>
public sealed class AdvisorCustomerView
{
    public Guid Id { get; set; }
    public string FullName { get; set; } = "";
    public string RiskLevel { get; set; } = "";
    public Guid? AdvisorId { get; set; }
    public decimal Aum { get; set; }
    public int FundCount { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}

public static class AdvisorEdm
{
    public const string RoutePrefix = "odata/advisor";

    public static IEdmModel Build()
    {
        var b = new ODataConventionModelBuilder();
        b.EntitySet<AdvisorCustomerView>("Customers").EntityType.HasKey(c => c.Id);

        var meeting = b.EntitySet<AdvisorMeeting>("Meetings").EntityType;
        meeting.HasKey(m => m.Id);
        meeting.Ignore(m => m.Transcript);
        meeting.Ignore(m => m.Advisor);
        meeting.Ignore(m => m.Customer);
        return b.GetEdmModel();
    }
}

[Authorize(Policy = "Advisor")]
public sealed class CustomersController(WealthDbContext db) : ODataController
{
    [EnableQuery(PageSize = 100, MaxExpansionDepth = 1)]
    public IQueryable<AdvisorCustomerView> Get()
    {
        var advisorId = User.AdvisorId();
        return db.Customers.Where(c => c.AdvisorId == advisorId)
            .Select(c => new AdvisorCustomerView
            {
                Id = c.Id,
                FullName = c.FullName,
                RiskLevel = c.RiskLevel,
                AdvisorId = c.AdvisorId,
                Aum = c.Holdings.Sum(h => h.Units * h.Fund.Nav),
                FundCount = c.Holdings.Count,
                CreatedAt = c.CreatedAt
            });
    }
}

[Authorize(Policy = "Advisor")]
public sealed class MeetingsController(WealthDbContext db) : ODataController
{
    [EnableQuery(PageSize = 100)]
    public IQueryable<AdvisorMeeting> Get()
    {
        var advisorId = User.AdvisorId();
        return db.Meetings.Where(m => m.AdvisorId == advisorId);
    }

    [EnableQuery]
    public SingleResult<AdvisorMeeting> Get([FromRoute] Guid key)
    {
        var advisorId = User.AdvisorId();
        return SingleResult.Create(db.Meetings.Where(m => m.Id == key && m.AdvisorId == advisorId));
    }
}
