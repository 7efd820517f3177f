using System.Text.Json.Nodes;
using ChatOpsBot.Itop.Rest;
using ChatOpsBot.Itop.Text;
using ChatOpsBot.Tickets;
using ChatOpsBot.Tickets.Catalog;
using ChatOpsBot.Tickets.People;
using Microsoft.Extensions.Options;

namespace ChatOpsBot.Itop.Desk;

/// <summary>iTop objects → domain records. Missing fields get the domain's defaults, so any output_fields works.</summary>
public sealed class ItopMapper(ItopDates dates, ItopAccount account, IOptions<ItopOptions> options)
{
    public Ticket ToTicket(ItopObject o)
    {
        ArgumentNullException.ThrowIfNull(o);
        var description = TicketDescription.Parse(o.Text("description"));
        return new Ticket
        {
            Id = o.Key,
            Ref = o.Text("ref"),
            Title = o.Text("title"),
            Description = description.Description,
            SchoolReference = description.SchoolReference,
            UserWords = description.UserWords,
            Status = TicketStatusCodes.TryParse(o.Text("status"), out var status) ? status.Value : TicketStatus.New,
            OrgId = o.Id("org_id") ?? 0,
            OrgName = o.Text("org_name"),
            CallerId = o.Id("caller_id"),
            CallerName = o.Text("caller_id_friendlyname"),
            TeamId = o.Id("team_id"),
            TeamName = o.Text("team_name"),
            AgentId = o.Id("agent_id"),
            AgentName = o.Text("agent_id_friendlyname"),
            ApproverId = o.Id("approver_id"),
            ApproverName = o.Text("approver_id_friendlyname"),
            ServiceId = o.Id("service_id"),
            ServiceName = o.Text("service_name"),
            SubServiceId = o.Id("servicesubcategory_id"),
            SubServiceName = o.Text("servicesubcategory_name"),
            RequestType = o.Text("request_type") is { Length: > 0 } rt ? rt : "service_request",
            Impact = o.Number("impact", 1),
            Urgency = o.Number("urgency", 4),
            Priority = o.Number("priority", 4),
            Origin = o.Text("origin"),
            PendingReason = o.Text("pending_reason"),
            Solution = ItopHtml.ToPlain(o.Text("solution")),
            ResolutionCode = o.Text("resolution_code"),
            StartDate = dates.Parse(o.Text("start_date")),
            LastUpdate = dates.Parse(o.Text("last_update")),
            AssignmentDate = dates.Parse(o.Text("assignment_date")),
            ResolutionDate = dates.Parse(o.Text("resolution_date")),
            LastPendingDate = dates.Parse(o.Text("last_pending_date")),
            CloseDate = dates.Parse(o.Text("close_date")),
            PublicLog = o.CaseLog("public_log").Select(ToLogEntry).ToList(),
            PrivateLog = o.CaseLog("private_log").Select(ToLogEntry).ToList(),
        };
    }

    public static Person ToPerson(ItopObject o)
    {
        ArgumentNullException.ThrowIfNull(o);
        return new Person(o.Key, o.Text("first_name"), o.Text("name"), o.Text("email"), o.Id("org_id") ?? 0, o.Text("org_name"));
    }

    public static Team ToTeam(ItopObject o)
    {
        ArgumentNullException.ThrowIfNull(o);
        var members = o.List("persons_list")
            .Select(p => new TeamMember(IdOf(p, "person_id"), Str(p, "person_id_friendlyname")))
            .Where(m => m.PersonId > 0)
            .ToList();
        return new Team(o.Key, o.Text("name"), o.Id("org_id") ?? 0, o.Text("org_name"), o.Text("email"), members);
    }

    public static Brique ToBrique(ItopObject o) => new(o.Key, o.Text("name"));

    public static CatalogService ToService(ItopObject o) =>
        new(o.Key, o.Text("name"), o.Id("servicefamily_id") ?? 0, o.Id("org_id") ?? 0, o.Text("status"), o.Text("description"));

    public static SubService ToSubService(ItopObject o) =>
        new(o.Key, o.Text("name"), o.Id("service_id") ?? 0, o.Text("request_type"), o.Text("status"));

    public static Contract ToContract(ItopObject o) =>
        new(o.Key, o.Text("name"), o.Id("org_id") ?? 0, o.Id("provider_id") ?? 0,
            o.List("services_list").Select(s => IdOf(s, "service_id")).Where(id => id > 0).ToList());

    public static Organization ToOrganization(ItopObject o) => new(o.Key, o.Text("name"), o.Text("code"), o.Id("parent_id"));

    // The stored HTML stays here: the actor line is read from it, and the domain entry gets text only.
    private TicketLogEntry ToLogEntry(ItopCaseLogEntry e)
    {
        var (actor, body) = account.MayHaveWritten(e.UserLogin) ? ActorLine.Split(e.MessageHtml, options.Value.CommentSuffix) : (null, null);
        // The draft marker of a creation from Teams is the bot's own bookkeeping: the entry is read without it.
        return new TicketLogEntry(dates.Parse(e.Date) ?? DateTimeOffset.MinValue, e.UserLogin, DraftMarker.Remove(e.Message), actor,
            body is null ? null : DraftMarker.Remove(body));
    }

    private static string Str(JsonObject o, string name) => ItopObject.TextOf(o, name);

    private static int IdOf(JsonObject o, string name) =>
        int.TryParse(Str(o, name), System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var id) ? id : 0;
}
