using System.Globalization;
using System.Text.Json.Nodes;
using ChatOpsBot.ItopSandbox.Model;

namespace ChatOpsBot.ItopSandbox.Storage;

/// <summary>Reads attribute values of stored objects the way iTop's REST renders them (computed and external fields included).</summary>
internal sealed class ObjectReader(SandboxStore store)
{
    private static readonly HashSet<string> EmptyLists = new(StringComparer.Ordinal)
    {
        "contacts_list", "functionalcis_list", "workorders_list", "related_request_list",
    };

    /// <summary>Renders <paramref name="code"/>; <paramref name="justCreated"/> mimics the in-memory object iTop returns on create.</summary>
    public JsonNode? Value(SandboxObject obj, string code, bool justCreated = false)
    {
        if (code == "id")
        {
            return obj.Id.ToString(CultureInfo.InvariantCulture);
        }

        if (obj.Class != "UserRequest")
        {
            if (obj.Fields.TryGetPropertyValue(code, out var stored))
            {
                return stored?.DeepClone();
            }

            return code switch
            {
                "finalclass" => obj.Class,
                "persons_list" when obj.Class == "Team" => TeamMembers(obj),
                "team_list" when obj.Class == "Person" => PersonTeams(obj),
                _ when code.EndsWith("_list", StringComparison.Ordinal) => new JsonArray(),
                _ => string.Empty,
            };
        }

        return TicketValue(obj, code, justCreated);
    }

    /// <summary>Team.persons_list as iTop renders the lnkPersonToTeam links (contract 042), by link friendly name.</summary>
    private JsonArray TeamMembers(SandboxObject team)
    {
        var list = new List<JsonObject>();
        var teamName = Text(team, "name");
        foreach (var link in store.All("lnkPersonToTeam").Where(l => LinkTo(l, "team_id") == team.Id))
        {
            var person = store.Get("Person", LinkTo(link, "person_id"));
            if (person is null)
            {
                continue;
            }

            var personName = Text(person, "friendlyname");
            list.Add(new JsonObject
            {
                ["person_id"] = person.Id.ToString(CultureInfo.InvariantCulture),
                ["person_name"] = Text(person, "name"),
                ["role_id"] = "0",
                ["role_name"] = string.Empty,
                ["friendlyname"] = personName + " / " + teamName,
                ["person_id_friendlyname"] = personName,
                ["person_id_obsolescence_flag"] = string.Empty,
                ["role_id_friendlyname"] = string.Empty,
            });
        }

        return ByFriendlyName(list);
    }

    /// <summary>Person.team_list as iTop renders the lnkPersonToTeam links (contract 047), by link friendly name.</summary>
    private JsonArray PersonTeams(SandboxObject person)
    {
        var list = new List<JsonObject>();
        var personName = Text(person, "friendlyname");
        foreach (var link in store.All("lnkPersonToTeam").Where(l => LinkTo(l, "person_id") == person.Id))
        {
            var team = store.Get("Team", LinkTo(link, "team_id"));
            if (team is null)
            {
                continue;
            }

            var teamName = Text(team, "name");
            list.Add(new JsonObject
            {
                ["team_id"] = team.Id.ToString(CultureInfo.InvariantCulture),
                ["team_name"] = teamName,
                ["role_id"] = "0",
                ["role_name"] = string.Empty,
                ["friendlyname"] = personName + " / " + teamName,
                ["team_id_friendlyname"] = teamName,
                ["team_id_obsolescence_flag"] = string.Empty,
                ["role_id_friendlyname"] = string.Empty,
            });
        }

        return ByFriendlyName(list);
    }

    /// <summary>iTop loads a linked set in the link class's default order: friendly name, MySQL's accent/case-insensitive collation (scopes 070).</summary>
    private static JsonArray ByFriendlyName(List<JsonObject> links) =>
        new([.. links.OrderBy(
            l => l["friendlyname"]!.GetValue<string>(),
            Comparer<string>.Create((a, b) => CultureInfo.InvariantCulture.CompareInfo.Compare(a, b, CompareOptions.IgnoreCase | CompareOptions.IgnoreNonSpace)))]);

    private static long LinkTo(SandboxObject link, string code) =>
        link.Fields.TryGetPropertyValue(code, out var value) && value is JsonValue v
            && long.TryParse(v.ToString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var id) ? id : 0;

    /// <summary>The value as text, as OQL compares it.</summary>
    public string Text(SandboxObject obj, string code)
    {
        var node = Value(obj, code);
        return node switch
        {
            null => string.Empty,
            JsonValue v when v.TryGetValue<string>(out var s) => s,
            JsonValue v => v.ToJsonString(),
            _ => node.ToJsonString(),
        };
    }

    public string FriendlyName(SandboxObject obj) =>
        obj.Class == "UserRequest" ? Stored(obj, "ref") : Text(obj, "friendlyname");

    private JsonNode? TicketValue(SandboxObject obj, string code, bool justCreated)
    {
        switch (code)
        {
            case "operational_status":
                return Stored(obj, "status") switch
                {
                    "resolved" => "resolved",
                    "closed" or "rejected" => "closed",
                    _ => "ongoing",
                };
            case "finalclass":
                return obj.Class;
            case "friendlyname":
                return Stored(obj, "ref");
            case "parent_change_id_finalclass_recall":
                return justCreated ? "Change" : string.Empty;
            case "public_log":
            case "private_log":
                var entries = obj.Fields[code]?.DeepClone() ?? new JsonArray();
                return new JsonObject { ["entries"] = entries };
        }

        if (EmptyLists.Contains(code))
        {
            return new JsonArray();
        }

        if (obj.Fields.TryGetPropertyValue(code, out var stored))
        {
            return stored?.DeepClone();
        }

        foreach (var key in DataModel.UserRequestKeys)
        {
            if (key.ExternalFields.TryGetValue(code, out var remote))
            {
                var target = Target(obj, key);
                return target is null ? string.Empty : Value(target, remote);
            }

            if (code == key.Code + "_friendlyname")
            {
                var target = Target(obj, key);
                return target is null ? string.Empty : FriendlyName(target);
            }

            if (code == key.Code + "_obsolescence_flag")
            {
                return string.Empty;
            }
        }

        return string.Empty;
    }

    private SandboxObject? Target(SandboxObject obj, ExternalKey key)
    {
        var id = Stored(obj, key.Code);
        return long.TryParse(id, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n > 0
            ? store.Get(key.TargetClass, n)
            : null;
    }

    private static string Stored(SandboxObject obj, string code) =>
        obj.Fields[code] is JsonValue v && v.TryGetValue<string>(out var s) ? s : obj.Fields[code]?.ToJsonString() ?? string.Empty;
}
