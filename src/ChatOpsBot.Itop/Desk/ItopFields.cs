namespace ChatOpsBot.Itop.Desk;

/// <summary>The output_fields the desk asks for (attribute codes seen in the contract, e.g. 058, 123, 145).</summary>
internal static class ItopFields
{
    public const string Ticket =
        "ref,title,description,status,org_id,org_name,caller_id,caller_id_friendlyname,team_id,team_name,agent_id," +
        "agent_id_friendlyname,approver_id,approver_id_friendlyname,service_id,service_name,servicesubcategory_id,servicesubcategory_name,request_type," +
        "impact,urgency,priority,origin,pending_reason,solution,resolution_code,start_date,last_update,assignment_date," +
        "resolution_date,last_pending_date,close_date,public_log,private_log";

    /// <summary>A ticket without its description and case logs: the digest and the duplicate check read many at once.</summary>
    public const string TicketSummary =
        "ref,title,status,org_id,org_name,caller_id,caller_id_friendlyname,team_id,team_name,agent_id,agent_id_friendlyname," +
        "service_id,service_name,servicesubcategory_id,servicesubcategory_name,start_date,last_update,assignment_date,resolution_date,last_pending_date";

    public const string Person = "first_name,name,email,org_id,org_name";

    public const string Team = "name,org_id,org_name,email,persons_list";

    public const string Brique = "name";

    public const string Service = "name,org_id,servicefamily_id,status,description";

    public const string SubService = "name,service_id,request_type,status";

    public const string Contract = "name,org_id,provider_id,services_list";

    public const string Organization = "name,code,parent_id";
}
