namespace ChatOpsBot.ItopSandbox.Model;

/// <summary>The classes the sandbox serves: UserRequest/Ticket from the recorded datamodel, the others from the seed.</summary>
internal sealed class DataModel
{
    public static readonly IReadOnlyList<string> TicketStar =
    [
        "operational_status", "ref", "org_id", "org_name", "caller_id", "caller_name", "team_id", "team_name", "team_email",
        "agent_id", "agent_name", "title", "description", "start_date", "end_date", "last_update", "close_date", "private_log",
        "contacts_list", "functionalcis_list", "workorders_list", "finalclass", "friendlyname", "org_id_friendlyname",
        "org_id_obsolescence_flag", "caller_id_friendlyname", "caller_id_obsolescence_flag", "team_id_friendlyname",
        "team_id_obsolescence_flag", "agent_id_friendlyname", "agent_id_obsolescence_flag",
    ];

    public static readonly IReadOnlyList<string> UserRequestStar =
    [
        "operational_status", "ref", "org_id", "org_name", "caller_id", "caller_name", "team_id", "team_name", "team_email",
        "agent_id", "agent_name", "title", "description", "start_date", "end_date", "last_update", "close_date", "private_log",
        "contacts_list", "functionalcis_list", "workorders_list", "status", "request_type", "impact", "priority", "urgency",
        "origin", "approver_id", "approver_email", "service_id", "service_name", "servicesubcategory_id",
        "servicesubcategory_name", "escalation_flag", "escalation_reason", "assignment_date", "resolution_date",
        "last_pending_date", "cumulatedpending", "tto", "ttr", "tto_escalation_deadline", "sla_tto_passed", "sla_tto_over",
        "ttr_escalation_deadline", "sla_ttr_passed", "sla_ttr_over", "time_spent", "resolution_code", "solution",
        "pending_reason", "parent_request_id", "parent_request_ref", "parent_incident_id", "parent_incident_ref",
        "parent_change_id", "parent_change_ref", "related_request_list", "public_log", "user_satisfaction", "user_comment",
        "finalclass", "friendlyname", "org_id_friendlyname", "org_id_obsolescence_flag", "caller_id_friendlyname",
        "caller_id_obsolescence_flag", "team_id_friendlyname", "team_id_obsolescence_flag", "agent_id_friendlyname",
        "agent_id_obsolescence_flag", "approver_id_friendlyname", "approver_id_obsolescence_flag", "service_id_friendlyname",
        "servicesubcategory_id_friendlyname", "parent_request_id_friendlyname", "parent_incident_id_friendlyname",
        "parent_change_id_friendlyname", "parent_change_id_finalclass_recall",
    ];

    /// <summary>The OQL filter codes iTop listed for Person (027).</summary>
    public static readonly IReadOnlyList<string> PersonFilterCodes =
    [
        "finalclass", "friendlyname", "obsolescence_flag", "name", "status", "org_id", "org_id_friendlyname",
        "org_id_obsolescence_flag", "org_name", "email", "phone", "notify", "function", "first_name", "employee_number",
        "mobile_phone", "location_id", "location_id_friendlyname", "location_id_obsolescence_flag", "location_name",
        "manager_id", "manager_id_friendlyname", "manager_id_obsolescence_flag", "manager_name", "obsolescence_date", "id",
    ];

    public static readonly IReadOnlyList<ExternalKey> UserRequestKeys =
    [
        Key("org_id", "Organization", "Organization", ("org_name", "name")),
        Key("caller_id", "Caller", "Person", ("caller_name", "name")),
        Key("team_id", "Team", "Team", ("team_name", "name"), ("team_email", "email")),
        Key("agent_id", "Agent", "Person", ("agent_name", "name")),
        Key("approver_id", "Approver", "Person", ("approver_email", "email")),
        Key("service_id", "Service", "Service", ("service_name", "name")),
        Key("servicesubcategory_id", "Service subcategory", "ServiceSubcategory", ("servicesubcategory_name", "name")),
        Key("parent_request_id", "Parent request", "UserRequest", ("parent_request_ref", "ref")),
        Key("parent_incident_id", "Parent incident", "Incident", ("parent_incident_ref", "ref")),
        Key("parent_change_id", "Parent change", "Change", ("parent_change_ref", "ref")),
    ];

    public static readonly IReadOnlyList<string> ChangeStar =
        ["date", "userinfo", "user_id", "origin", "friendlyname", "user_id_friendlyname", "user_id_finalclass_recall"];

    public static readonly IReadOnlyList<string> ChangeOpStar =
        ["change", "date", "userinfo", "user_id", "objclass", "objkey", "finalclass", "friendlyname", "change_friendlyname", "user_id_friendlyname"];

    private static readonly string[] HistoryClasses =
    [
        "CMDBChangeOp", "CMDBChangeOpCreate", "CMDBChangeOpDelete", "CMDBChangeOpSetAttributeScalar",
        "CMDBChangeOpSetAttributeCaseLog", "CMDBChangeOpSetAttributeText", "CMDBChangeOpSetAttributeHTML",
        "CMDBChangeOpSetAttributeLongText",
    ];

    private readonly Dictionary<string, ClassInfo> _classes = new(StringComparer.Ordinal);

    public DataModel()
    {
        var ticket = Add("Ticket", null);
        foreach (var code in TicketStar)
        {
            ticket.AddAttribute(code);
        }

        ticket.Attributes.Add("id");
        ticket.OrderBy = "ref";
        ticket.OrderDescending = true;

        var request = Add("UserRequest", "Ticket");
        foreach (var code in UserRequestStar)
        {
            request.AddAttribute(code);
        }

        request.Attributes.Add("id");
        request.OrderBy = "ref";
        request.OrderDescending = true;

        var change = Add("CMDBChange", null);
        change.AdminOnly = true;
        change.OrderBy = "id";
        foreach (var code in ChangeStar)
        {
            change.AddAttribute(code);
        }

        change.Attributes.Add("id");
        foreach (var name in HistoryClasses)
        {
            var info = Add(name, name == "CMDBChangeOp" ? null : "CMDBChangeOp");
            info.AdminOnly = true;
            info.OrderBy = "id";
            var detail = name switch
            {
                "CMDBChangeOpSetAttributeScalar" => ["attcode", "oldvalue", "newvalue"],
                "CMDBChangeOpSetAttributeCaseLog" => ["attcode", "lastentry"],
                "CMDBChangeOpSetAttributeText" or "CMDBChangeOpSetAttributeHTML" => ["attcode", "prevdata"],
                _ => Array.Empty<string>(),
            };
            foreach (var code in ChangeOpStar.Take(6).Concat(detail).Concat(ChangeOpStar.Skip(6)))
            {
                info.AddAttribute(code);
            }

            info.Attributes.Add("id");
        }

        Add("Contact", null);
        Add("Incident", "Ticket");
        Add("Change", "Ticket");
    }

    public ClassInfo? Find(string name) => _classes.GetValueOrDefault(name);

    public ClassInfo GetOrAdd(string name, string? parent)
    {
        if (_classes.TryGetValue(name, out var info))
        {
            return info;
        }

        return Add(name, parent);
    }

    public bool IsA(string cls, string ancestor)
    {
        for (var c = Find(cls); c is not null; c = c.Parent is null ? null : Find(c.Parent))
        {
            if (c.Name == ancestor)
            {
                return true;
            }
        }

        return false;
    }

    public IEnumerable<string> ClassAndSubclasses(string cls) => _classes.Keys.Where(c => IsA(c, cls));

    public static ExternalKey? FindKey(string code) => UserRequestKeys.FirstOrDefault(k => k.Code == code);

    private ClassInfo Add(string name, string? parent)
    {
        var info = new ClassInfo(name, parent);
        _classes[name] = info;
        return info;
    }

    private static ExternalKey Key(string code, string label, string target, params (string Field, string Remote)[] fields) =>
        new(code, label, target, fields.ToDictionary(f => f.Field, f => f.Remote, StringComparer.Ordinal));
}
