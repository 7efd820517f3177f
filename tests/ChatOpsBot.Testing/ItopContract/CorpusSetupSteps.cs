using System.Text.Json.Nodes;

namespace ChatOpsBot.Testing.ItopContract;

/// <summary>
/// Calls the recording script made without recording them: the tickets 19-28 were created (refs R-000026..35,
/// contiguous, so no failed create in between) right before their first use, tickets 24 and 10 were assigned before
/// 124/139 show them 'assigned'. Their fields are the ones later exchanges show (150-153, 145, 161). Each step is the
/// json_data of a call as teams-bot, to send before the exchange of that number; each must answer code 0.
/// </summary>
public static class CorpusSetupSteps
{
    public static IReadOnlyList<JsonObject> Before(int number)
    {
        var steps = new List<JsonObject>();
        var created = number switch
        {
            106 => Lyon("Demande avec approbation (Droits Moodle)"),
            111 => Lyon("Demande refusée (Droits Moodle)"),
            115 => Toulouse("Création de compte Scénari"),
            120 => Toulouse("Affectation sans équipe"),
            122 => Toulouse("Affectation équipe seule"),
            124 => Toulouse("Mise à jour directe de l'équipe"),
            140 => Lyon("Stimulus interne"),
            142 => Lyon("Affectation hors filtres"),
            143 => Lyon("Affectation équipe d'une autre école"),
            144 => Lyon("Affectation avec identifiant inexistant"),
            _ => null,
        };
        if (created is not null)
        {
            steps.Add(created);
        }

        var assigned = number switch
        {
            124 => Assign(24, 22, 6),
            139 => Assign(10, 21, 4),
            _ => null,
        };
        if (assigned is not null)
        {
            steps.Add(assigned);
        }

        return steps;
    }

    private static JsonObject Lyon(string title) => Create(new JsonObject
    {
        ["org_id"] = 3, ["caller_id"] = 11, ["title"] = title, ["description"] = title, ["service_id"] = 4, ["servicesubcategory_id"] = 8, ["origin"] = "chat",
    });

    private static JsonObject Toulouse(string title) => Create(new JsonObject
    {
        ["org_id"] = 4, ["caller_id"] = 6, ["title"] = title, ["description"] = title, ["service_id"] = 1, ["servicesubcategory_id"] = 1, ["origin"] = "chat",
    });

    private static JsonObject Create(JsonObject fields) => new()
    {
        ["operation"] = "core/create", ["class"] = "UserRequest", ["comment"] = "Teams bot", ["output_fields"] = "id", ["fields"] = fields,
    };

    private static JsonObject Assign(int key, int team, int agent) => new()
    {
        ["operation"] = "core/apply_stimulus", ["class"] = "UserRequest", ["comment"] = "setup", ["key"] = key, ["stimulus"] = "ev_assign",
        ["fields"] = new JsonObject { ["team_id"] = team, ["agent_id"] = agent }, ["output_fields"] = "id",
    };
}
