using System.Globalization;
using System.Text.Json.Nodes;

namespace ChatOpsBot.Testing;

/// <summary>
/// "A user in the iTop console": REST calls to the sandbox iTop with its rest-admin account, not through the bot, so
/// that the change feed has something to find. The real iTop of the kit has the same account with its own password.
/// </summary>
public sealed class ItopConsole(Uri itop, string password = "sandbox") : IDisposable
{
    // No cookies, like the bot's client: concurrent calls sharing iTop's session cookie would log each other out.
    private readonly HttpClient _http = new(new HttpClientHandler { UseCookies = false });

    /// <summary>A UserRequest of the given school and service (default: INSA Lyon, brique OpenMoodle), as Jean Dupont.</summary>
    public async Task<(int Id, string Ref)> CreateTicketAsync(string title, string service = "Droits Moodle", string org = "INSA Lyon", CancellationToken cancellationToken = default)
    {
        var fields = new JsonObject
        {
            ["org_id"] = new JsonObject { ["name"] = org },
            ["caller_id"] = new JsonObject { ["email"] = "jean.dupont@insa-lyon.fr" },
            ["title"] = title,
            ["description"] = "<p>Créé dans la console</p>",
            ["service_id"] = new JsonObject { ["name"] = service },
            ["origin"] = "portal",
            ["request_type"] = "service_request",
        };
        var reply = await CallAsync(new JsonObject { ["operation"] = "core/create", ["class"] = "UserRequest", ["fields"] = fields, ["output_fields"] = "id,ref" }, cancellationToken);
        var created = reply["objects"]!.AsObject().Single().Value!;
        return (int.Parse(created["key"]!.GetValue<string>(), CultureInfo.InvariantCulture), created["fields"]!["ref"]!.GetValue<string>());
    }

    public Task<JsonObject> StimulusAsync(int id, string stimulus, JsonObject fields, CancellationToken cancellationToken = default) =>
        CallAsync(new JsonObject { ["operation"] = "core/apply_stimulus", ["class"] = "UserRequest", ["key"] = id, ["stimulus"] = stimulus, ["fields"] = fields, ["output_fields"] = "id" }, cancellationToken);

    public Task<JsonObject> UpdateAsync(int id, JsonObject fields, CancellationToken cancellationToken = default) =>
        CallAsync(new JsonObject { ["operation"] = "core/update", ["class"] = "UserRequest", ["key"] = id, ["fields"] = fields, ["output_fields"] = "id" }, cancellationToken);

    /// <summary>One REST call; iTop's answer, or an exception when its code is not 0.</summary>
    public async Task<JsonObject> CallAsync(JsonObject request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        request["comment"] = "console";
        using var form = new FormUrlEncodedContent(
        [
            new KeyValuePair<string, string>("auth_user", "rest-admin"),
            new KeyValuePair<string, string>("auth_pwd", password),
            new KeyValuePair<string, string>("json_data", request.ToJsonString()),
        ]);
        using var response = await _http.PostAsync(new Uri(itop, "webservices/rest.php?version=1.4"), form, cancellationToken);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync(cancellationToken))!.AsObject();
        if (body["code"]?.GetValue<int>() != 0)
        {
            throw new InvalidOperationException("iTop refused the console call: " + body.ToJsonString());
        }

        return body;
    }

    public void Dispose() => _http.Dispose();
}
