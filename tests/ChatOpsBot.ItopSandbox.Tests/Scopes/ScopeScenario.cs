using System.Text.Json;
using System.Text.Json.Nodes;

namespace ChatOpsBot.ItopSandbox.Tests.Scopes;

/// <summary>
/// What a school support account (allowed organization = its school) can read and write, as a sequence run from the
/// kit's seed (ticket ids 1, 2, … in creation order). The recorder sends these to the real iTop and writes each
/// answer to tests/TestData/itop-contract-scopes; the replays read the files, never this list.
/// </summary>
internal static class ScopeScenario
{
    public const string Lyon = "support-insa-lyon";
    public const string Toulouse = "support-insa-toulouse";
    public const string Token = ItopTarget.TokenLogin;
    public const string Admin = "rest-admin";

    // The output_fields the bot's desk asks for (src/ChatOpsBot.Itop/Desk/ItopFields.cs), copied: a recording keeps
    // what was asked; when the desk asks for other fields, change them here and record again.
    private const string TicketFields =
        "ref,title,description,status,org_id,org_name,caller_id,caller_id_friendlyname,team_id,team_name,agent_id," +
        "agent_id_friendlyname,approver_id,approver_id_friendlyname,service_id,service_name,servicesubcategory_id,servicesubcategory_name,request_type," +
        "impact,urgency,priority,origin,pending_reason,solution,resolution_code,start_date,last_update,assignment_date," +
        "resolution_date,last_pending_date,close_date,public_log,private_log";

    private const string PersonFields = "first_name,name,email,org_id,org_name";
    private const string TeamFields = "name,org_id,org_name,email,persons_list";
    private const string ServiceFields = "name,org_id,servicefamily_id,status,description";
    private const string SubServiceFields = "name,service_id,request_type,status";
    private const string ContractFields = "name,org_id,provider_id,services_list";
    private const string OrganizationFields = "name,code,parent_id";
    private const string WriteFields = "ref,status,org_id,team_id,team_name,agent_id,agent_id_friendlyname,approver_id,service_id,servicesubcategory_id,public_log,private_log";
    private const string LyonComment = "Support INSA Lyon via Teams";
    private const string ToulouseComment = "Support INSA Toulouse via Teams";

    public static IReadOnlyList<ScopeStep> Steps { get; } =
    [
        // Setup with the bot's application token (all organizations): one ticket per kind of organization.
        new("setup-create-lyon-ticket", "teams-bot-token creates an INSA Lyon ticket (caller Jean Dupont, Droits Moodle / Droit de création de cours): UserRequest::1", Token,
            Create(new { org_id = 3, caller_id = 11, title = "Droit de création de cours pour Jean Dupont", description = "Jean Dupont doit créer ses cours Moodle.", service_id = 4, servicesubcategory_id = 8, origin = "chat" }, "Teams bot")),
        new("setup-create-toulouse-ticket", "teams-bot-token creates an INSA Toulouse ticket (caller Isabelle Beladj, Gestion des comptes): UserRequest::2", Token,
            Create(new { org_id = 4, caller_id = 6, title = "Création de compte Scénari", description = "Compte Scénari pour Isabelle Beladj.", service_id = 1, servicesubcategory_id = 1, origin = "chat" }, "Teams bot")),
        new("setup-create-groupe-ticket", "teams-bot-token creates a Groupe INSA ticket (caller Nathalie Matheu): UserRequest::3", Token,
            Create(new { org_id = 2, caller_id = 8, title = "Mise à jour de la plateforme Moodle", description = "Ticket du groupe.", service_id = 6, origin = "chat" }, "Teams bot")),
        new("setup-assign-lyon-ticket-to-group-team", "teams-bot-token assigns the INSA Lyon ticket to the group team Intervenants Moodle (Eloise Joyeux)", Token,
            Stimulus(1, "ev_assign", new { team_id = 19, agent_id = 2 }, "Teams bot")),

        // Reads as support-insa-lyon: organizations.
        new("lyon-get-organizations", "support-insa-lyon lists the organizations (the bot's catalog read): only INSA Lyon", Lyon,
            Get("Organization", "SELECT Organization", OrganizationFields)),
        new("lyon-get-organization-other-school-by-code", "support-insa-lyon looks up INSA Toulouse by its code", Lyon,
            Get("Organization", Criteria(new { code = "INSA-TOULOUSE" }), OrganizationFields)),
        new("lyon-get-organization-groupe-by-id", "support-insa-lyon reads Groupe INSA (its school's parent) by id", Lyon,
            Get("Organization", 2, OrganizationFields)),
        new("lyon-get-organizations-below-groupe", "support-insa-lyon: organizations below Groupe INSA (OQL JOIN ... BELOW, as corpus 034): only the selected alias is filtered", Lyon,
            Get("Organization", "SELECT Organization AS child JOIN Organization AS root ON child.parent_id BELOW root.id WHERE root.id = 2", "name,code")),

        // People and teams.
        new("lyon-get-persons", "support-insa-lyon lists the persons (the bot's person fields): INSA Lyon's only", Lyon,
            Get("Person", "SELECT Person", PersonFields)),
        new("lyon-get-person-own-school-by-email", "support-insa-lyon finds Hélène Dechelette (INSA Lyon) by e-mail, as the bot does", Lyon,
            Get("Person", "SELECT Person WHERE email = 'helene.dechelette@insa-lyon.fr'", PersonFields)),
        new("lyon-get-person-other-school-by-email", "support-insa-lyon looks for Hamid Le Fleurier (INSA Toulouse) by e-mail", Lyon,
            Get("Person", "SELECT Person WHERE email = 'hamid.le-fleurier@insa-toulouse.fr'", PersonFields)),
        new("lyon-get-person-groupe-by-id", "support-insa-lyon reads Nathalie Matheu (Groupe INSA) by id", Lyon,
            Get("Person", 8, PersonFields)),
        new("lyon-get-teams", "support-insa-lyon lists the teams (the bot's team fields, members included): Support INSA Lyon only", Lyon,
            Get("Team", "SELECT Team", TeamFields)),
        new("lyon-get-team-groupe-by-id", "support-insa-lyon reads the group team Intervenants Moodle (org Groupe INSA) by id", Lyon,
            Get("Team", 19, TeamFields)),
        new("lyon-get-team-memberships", "support-insa-lyon lists lnkPersonToTeam (a link class without organization): every membership", Lyon,
            Get("lnkPersonToTeam", "SELECT lnkPersonToTeam", "person_id,team_id")),
        new("lyon-get-persons-of-groupe-team", "support-insa-lyon: persons of Intervenants Moodle through lnkPersonToTeam: the INSA Lyon members only", Lyon,
            Get("Person", "SELECT Person AS p JOIN lnkPersonToTeam AS l ON l.person_id = p.id WHERE l.team_id = 19", PersonFields)),
        new("lyon-get-person-teams", "support-insa-lyon reads Eloise Joyeux's team_list (lnkPersonToTeam): the group team Intervenants Moodle is listed", Lyon,
            Get("Person", 2, "first_name,name,team_list")),

        // The group's catalog.
        new("lyon-get-briques", "support-insa-lyon lists the service families (no organization) with their services_list", Lyon,
            Get("ServiceFamily", "SELECT ServiceFamily", "name,services_list")),
        new("lyon-get-services", "support-insa-lyon lists the services (the bot's catalog read; provider org Groupe INSA)", Lyon,
            Get("Service", "SELECT Service", ServiceFields)),
        new("lyon-get-service-by-id", "support-insa-lyon reads the service Droits Moodle by id", Lyon,
            Get("Service", 4, ServiceFields)),
        new("lyon-get-subservices", "support-insa-lyon lists the service subcategories (no organization of their own)", Lyon,
            Get("ServiceSubcategory", "SELECT ServiceSubcategory", SubServiceFields)),
        new("lyon-get-contracts", "support-insa-lyon lists the customer contracts: its school's, with every covered service in services_list", Lyon,
            Get("CustomerContract", "SELECT CustomerContract", ContractFields)),
        new("lyon-get-delivery-models", "support-insa-lyon lists the delivery models (org Groupe INSA)", Lyon,
            Get("DeliveryModel", "SELECT DeliveryModel", "name,org_id")),

        // Tickets.
        new("lyon-get-tickets", "support-insa-lyon lists the tickets (the bot's ticket fields): its school's only; team, agent and service names of other organizations are shown", Lyon,
            Get("UserRequest", "SELECT UserRequest", TicketFields)),
        new("lyon-get-ticket-other-school-by-id", "support-insa-lyon reads the INSA Toulouse ticket by id", Lyon,
            Get("UserRequest", 2, "ref,title,org_name")),
        new("lyon-get-ticket-groupe-by-id", "support-insa-lyon reads the Groupe INSA ticket by id", Lyon,
            Get("UserRequest", 3, "ref,title,org_name")),
        new("lyon-get-ticket-other-school-by-ref", "support-insa-lyon looks the INSA Toulouse ticket up by its ref", Lyon,
            Get("UserRequest", Criteria(new { @ref = "R-000002" }), "ref,title,org_name")),
        new("lyon-get-tickets-other-school-oql", "support-insa-lyon: SELECT UserRequest WHERE org_id = 4 (INSA Toulouse)", Lyon,
            Get("UserRequest", "SELECT UserRequest WHERE org_id = 4", "ref,title,org_name")),
        new("lyon-get-tickets-of-brique-join", "support-insa-lyon: tickets of the OpenMoodle brique through a JOIN on Service (a class it cannot read): the join is not filtered", Lyon,
            Get("UserRequest", "SELECT UserRequest AS u JOIN Service AS s ON u.service_id = s.id WHERE s.servicefamily_id = 2", "ref,title,org_name")),

        // Search criteria naming an object of another organization.
        new("lyon-get-persons-by-other-school-criteria", "support-insa-lyon searches persons with the criteria {org_id: 4} (INSA Toulouse): the external key is checked like a written one", Lyon,
            Get("Person", Criteria(new { org_id = 4 }), PersonFields)),
        new("lyon-get-tickets-by-groupe-team-criteria", "support-insa-lyon searches tickets with the criteria {team_id: 19} (Intervenants Moodle)", Lyon,
            Get("UserRequest", Criteria(new { team_id = 19 }), "ref,title,team_name")),
        new("lyon-get-tickets-by-groupe-team-oql", "support-insa-lyon searches the same tickets with OQL (team_id = 19): OQL values are not checked", Lyon,
            Get("UserRequest", "SELECT UserRequest WHERE team_id = 19", "ref,title,team_name")),
        new("lyon-get-memberships-by-groupe-team-criteria", "support-insa-lyon searches lnkPersonToTeam with the criteria {team_id: 19}", Lyon,
            Get("lnkPersonToTeam", Criteria(new { team_id = 19 }), "person_id,team_id")),
        new("token-get-persons-by-unknown-org-criteria", "teams-bot-token searches persons with the criteria {org_id: 99} (no such organization): the same check for an unrestricted account", Token,
            Get("Person", Criteria(new { org_id = 99 }), PersonFields)),

        // Creations.
        new("lyon-create-other-school", "support-insa-lyon creates a ticket for INSA Toulouse (caller of INSA Lyon)", Lyon,
            Create(new { org_id = 4, caller_id = 11, title = "Hors périmètre", description = "x" }, LyonComment)),
        new("lyon-create-groupe", "support-insa-lyon creates a ticket for Groupe INSA", Lyon,
            Create(new { org_id = 2, caller_id = 11, title = "Hors périmètre", description = "x" }, LyonComment)),
        new("lyon-create-other-school-by-name", "support-insa-lyon creates a ticket with org_id given as criteria {name: INSA Toulouse}", Lyon,
            Create(new { org_id = Criteria(new { name = "INSA Toulouse" }), caller_id = 11, title = "Hors périmètre", description = "x" }, LyonComment)),
        new("lyon-create-caller-other-school", "support-insa-lyon creates an INSA Lyon ticket whose caller is Isabelle Beladj (INSA Toulouse)", Lyon,
            Create(new { org_id = 3, caller_id = 6, title = "Appelante hors périmètre", description = "x" }, LyonComment)),
        new("lyon-create-caller-other-school-by-email", "support-insa-lyon creates an INSA Lyon ticket whose caller is given by the e-mail of a Toulouse person", Lyon,
            Create(new { org_id = 3, caller_id = Criteria(new { email = "isabelle.beladj@insa-toulouse.fr" }), title = "Appelante hors périmètre", description = "x" }, LyonComment)),
        new("lyon-create-with-service", "support-insa-lyon creates an INSA Lyon ticket for the group's service Droits Moodle (service_id 4, org Groupe INSA)", Lyon,
            Create(new { org_id = 3, caller_id = 11, title = "Droit de création de cours", description = "x", service_id = 4, servicesubcategory_id = 8, origin = "chat" }, LyonComment)),
        new("lyon-create-own-school", "support-insa-lyon creates an INSA Lyon ticket with a sub-service but no service: UserRequest::4 (the refused creations took no ref)", Lyon,
            Create(new { org_id = 3, caller_id = 11, title = "Inscription d'un enseignant", description = "Inscrire Jean Dupont au cours de physique.", servicesubcategory_id = 9, origin = "chat" }, LyonComment)),

        // Updates.
        new("lyon-update-own-ticket", "support-insa-lyon updates its ticket (title, urgency)", Lyon,
            Update(4, new { title = "Inscription d'un enseignant au cours de physique", urgency = "3" }, "ref,title,urgency,priority")),
        new("lyon-update-own-ticket-service", "support-insa-lyon sets the group's service Droits Moodle on its ticket", Lyon,
            Update(4, new { service_id = 4 }, WriteFields)),
        new("lyon-update-other-school-ticket", "support-insa-lyon updates the INSA Toulouse ticket", Lyon,
            Update(2, new { title = "Modifié par Lyon" }, WriteFields)),
        new("lyon-update-groupe-ticket", "support-insa-lyon updates the Groupe INSA ticket", Lyon,
            Update(3, new { title = "Modifié par Lyon" }, WriteFields)),
        new("lyon-update-other-school-ticket-by-ref", "support-insa-lyon updates the INSA Toulouse ticket addressed by its ref", Lyon,
            Update(Criteria(new { @ref = "R-000002" }), new { title = "Modifié par Lyon" }, WriteFields)),

        // Stimuli on its own ticket and on another school's.
        new("lyon-assign-other-school-ticket", "support-insa-lyon assigns the INSA Toulouse ticket to Support INSA Toulouse", Lyon,
            Stimulus(2, "ev_assign", new { team_id = 22, agent_id = 6 }, LyonComment)),
        new("lyon-assign-own-ticket-to-groupe-team", "support-insa-lyon assigns its ticket to the group team Intervenants Moodle (Eloise Joyeux)", Lyon,
            Stimulus(4, "ev_assign", new { team_id = 19, agent_id = 2 }, LyonComment)),
        new("lyon-assign-own-ticket-to-other-school-team", "support-insa-lyon assigns its ticket to Support INSA Toulouse", Lyon,
            Stimulus(4, "ev_assign", new { team_id = 22 }, LyonComment)),
        new("lyon-assign-own-ticket-to-other-school-agent", "support-insa-lyon assigns its ticket to its own team with Hamid Le Fleurier (INSA Toulouse) as agent", Lyon,
            Stimulus(4, "ev_assign", new { team_id = 21, agent_id = 3 }, LyonComment)),
        new("lyon-assign-own-ticket-to-own-team", "support-insa-lyon assigns its ticket to Support INSA Lyon (Eloise Joyeux)", Lyon,
            Stimulus(4, "ev_assign", new { team_id = 21, agent_id = 2 }, LyonComment)),
        new("lyon-private-log-own-ticket", "support-insa-lyon adds a private-log entry (plain string) to its ticket: the entry is signed with its contact's name", Lyon,
            Update(4, new { private_log = "Enseignant contacté par téléphone." }, WriteFields)),
        new("lyon-public-log-own-ticket", "support-insa-lyon adds a public-log entry (add_item, html) to its ticket", Lyon,
            Update(4, new { public_log = new { add_item = new { message = "<p>Nous traitons votre demande.</p>", format = "html" } } }, WriteFields)),
        new("lyon-pending-own-ticket", "support-insa-lyon puts its ticket on hold (ev_pending with pending_reason)", Lyon,
            Stimulus(4, "ev_pending", new { pending_reason = "En attente de l'enseignant" }, LyonComment)),
        new("lyon-assign-own-ticket-from-pending", "support-insa-lyon takes its ticket back from pending (ev_assign, no fields)", Lyon,
            Stimulus(4, "ev_assign", new { }, LyonComment)),
        new("lyon-reassign-own-ticket-to-groupe-team", "support-insa-lyon reassigns its ticket to Intervenants Moodle", Lyon,
            Stimulus(4, "ev_reassign", new { team_id = 19, agent_id = 2 }, LyonComment)),
        new("lyon-resolve-own-ticket", "support-insa-lyon resolves its ticket", Lyon,
            Stimulus(4, "ev_resolve", new { solution = "Enseignant inscrit au cours.", resolution_code = "assistance" }, LyonComment)),
        new("lyon-close-own-ticket", "support-insa-lyon closes its ticket", Lyon,
            Stimulus(4, "ev_close", new { }, LyonComment)),

        // Its school's ticket held by the group team (team and service of Groupe INSA, set by the bot).
        new("lyon-public-log-ticket-of-groupe-team", "support-insa-lyon adds a public-log entry to its school's ticket assigned to Intervenants Moodle", Lyon,
            Update(1, new { public_log = "L'enseignant confirme sa demande." }, WriteFields)),
        new("lyon-pending-ticket-of-groupe-team", "support-insa-lyon puts that ticket on hold", Lyon,
            Stimulus(1, "ev_pending", new { pending_reason = "En attente de l'enseignant" }, LyonComment)),
        new("lyon-assign-ticket-of-groupe-team-from-pending", "support-insa-lyon takes it back from pending: team and agent stay those of the group", Lyon,
            Stimulus(1, "ev_assign", new { }, LyonComment)),
        new("lyon-resolve-ticket-of-groupe-team", "support-insa-lyon resolves that ticket", Lyon,
            Stimulus(1, "ev_resolve", new { solution = "Droit accordé.", resolution_code = "assistance" }, LyonComment)),

        // Approvals.
        new("lyon-create-ticket-for-approval", "support-insa-lyon creates a second INSA Lyon ticket: UserRequest::5", Lyon,
            Create(new { org_id = 3, caller_id = 11, title = "Demande d'instance dédiée", description = "Instance Moodle pour un projet.", servicesubcategory_id = 16, origin = "chat" }, LyonComment)),
        new("lyon-wait-for-approval-groupe-approver", "support-insa-lyon asks Nathalie Matheu (Groupe INSA) for approval", Lyon,
            Stimulus(5, "ev_wait_for_approval", new { approver_id = 8 }, LyonComment)),
        new("lyon-wait-for-approval-own-approver", "support-insa-lyon asks Hélène Dechelette (INSA Lyon) for approval", Lyon,
            Stimulus(5, "ev_wait_for_approval", new { approver_id = 4 }, LyonComment)),
        new("lyon-approve", "support-insa-lyon approves (REST does not check stimulus rights)", Lyon,
            Stimulus(5, "ev_approve", new { public_log = "Approuvé." }, LyonComment)),

        // Rights beyond the organizations.
        new("lyon-delete-own-ticket", "support-insa-lyon deletes its own ticket", Lyon,
            new JsonObject { ["operation"] = "core/delete", ["class"] = "UserRequest", ["key"] = 4, ["comment"] = LyonComment }),
        new("lyon-get-history", "support-insa-lyon reads the history of its ticket (CMDBChangeOp)", Lyon,
            Get("CMDBChangeOp", "SELECT CMDBChangeOp WHERE objkey = 4", "objclass,objkey")),

        // The other school, the other way round.
        new("toulouse-get-tickets", "support-insa-toulouse lists the tickets: its school's only", Toulouse,
            Get("UserRequest", "SELECT UserRequest", "ref,title,org_name,status")),
        new("toulouse-get-teams", "support-insa-toulouse lists the teams", Toulouse,
            Get("Team", "SELECT Team", TeamFields)),
        new("toulouse-get-persons", "support-insa-toulouse lists the persons", Toulouse,
            Get("Person", "SELECT Person", PersonFields)),
        new("toulouse-get-lyon-ticket", "support-insa-toulouse reads the INSA Lyon ticket created by support-insa-lyon", Toulouse,
            Get("UserRequest", 4, "ref,title,org_name")),
        new("toulouse-update-lyon-ticket", "support-insa-toulouse adds a public-log entry to an INSA Lyon ticket", Toulouse,
            Update(1, new { public_log = "Vu par Toulouse." }, WriteFields, ToulouseComment)),
        new("toulouse-assign-own-ticket-to-own-team", "support-insa-toulouse assigns its school's ticket to Support INSA Toulouse (Isabelle Beladj)", Toulouse,
            Stimulus(2, "ev_assign", new { team_id = 22, agent_id = 6 }, ToulouseComment)),
        new("toulouse-reassign-own-ticket-to-groupe-team", "support-insa-toulouse reassigns it to the group team Intervenants Scénari (Hamid Le Fleurier)", Toulouse,
            Stimulus(2, "ev_reassign", new { team_id = 20, agent_id = 3 }, ToulouseComment)),

        // What the bot's token account sees afterwards.
        new("token-get-tickets", "teams-bot-token lists every ticket (all organizations), the school accounts' log entries included", Token,
            Get("UserRequest", "SELECT UserRequest", TicketFields)),
        new("token-get-teams", "teams-bot-token lists the teams: all nine", Token,
            Get("Team", "SELECT Team", "name,org_id,org_name")),
        new("token-get-services", "teams-bot-token lists the services", Token,
            Get("Service", "SELECT Service", ServiceFields)),
        new("token-get-delivery-models", "teams-bot-token lists the delivery models", Token,
            Get("DeliveryModel", "SELECT DeliveryModel", "name,org_id")),
        new("admin-get-changes-of-school-account", "rest-admin reads the changes made by support-insa-lyon (CMDBChange user_id 14)", Admin,
            Get("CMDBChange", "SELECT CMDBChange WHERE user_id = 14", "userinfo,user_id,origin,user_id_friendlyname")),
    ];

    private static JsonObject Get(string cls, object key, string fields) => Node(new { operation = "core/get", @class = cls, key, output_fields = fields });

    private static JsonObject Create(object fields, string comment) =>
        Node(new { operation = "core/create", @class = "UserRequest", comment, fields, output_fields = "id," + WriteFields + ",title,org_name,caller_id,caller_id_friendlyname" });

    private static JsonObject Update(object key, object fields, string output, string comment = LyonComment) =>
        Node(new { operation = "core/update", @class = "UserRequest", key, comment, fields, output_fields = output });

    private static JsonObject Stimulus(int key, string stimulus, object fields, string comment) =>
        Node(new { operation = "core/apply_stimulus", @class = "UserRequest", key, stimulus, comment, fields, output_fields = WriteFields });

    private static JsonObject Criteria(object criteria) => Node(criteria);

    private static JsonObject Node(object value) => (JsonObject)JsonSerializer.SerializeToNode(value)!;
}
