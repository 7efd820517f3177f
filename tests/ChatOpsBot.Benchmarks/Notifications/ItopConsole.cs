using System.Globalization;
using System.Text.Json.Nodes;

namespace ChatOpsBot.Benchmarks.Notifications;

/// <summary>"A user in the iTop console": tickets created over REST with the sandbox's rest-admin account, not through the bot.</summary>
internal sealed class ItopConsole(Uri itop) : IDisposable
{
    private readonly HttpClient _http = new();

    public async Task<(int Id, string Ref)> CreateTicketAsync(string title, CancellationToken cancellationToken = default)
    {
        var fields = new JsonObject
        {
            ["org_id"] = new JsonObject { ["name"] = "INSA Lyon" },
            ["caller_id"] = new JsonObject { ["email"] = "jean.dupont@insa-lyon.fr" },
            ["title"] = title,
            ["description"] = "<p>Créé dans la console</p>",
            ["service_id"] = new JsonObject { ["name"] = "Droits Moodle" },
            ["origin"] = "portal",
            ["request_type"] = "service_request",
        };
        var request = new JsonObject
        {
            ["operation"] = "core/create", ["class"] = "UserRequest", ["comment"] = "console", ["fields"] = fields, ["output_fields"] = "id,ref",
        };
        using var content = new FormUrlEncodedContent(
        [
            new KeyValuePair<string, string>("auth_user", "rest-admin"),
            new KeyValuePair<string, string>("auth_pwd", "sandbox"),
            new KeyValuePair<string, string>("json_data", request.ToJsonString()),
        ]);
        using var response = await _http.PostAsync(new Uri(itop, "webservices/rest.php?version=1.4"), content, cancellationToken);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync(cancellationToken))!.AsObject();
        if (body["code"]?.GetValue<int>() != 0)
        {
            throw new InvalidOperationException("iTop refused the console change: " + body.ToJsonString());
        }

        var created = body["objects"]!.AsObject().Single().Value!;
        return (int.Parse(created["key"]!.GetValue<string>(), CultureInfo.InvariantCulture), created["fields"]!["ref"]!.GetValue<string>());
    }

    public void Dispose() => _http.Dispose();
}
