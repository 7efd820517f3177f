using System.Text.Json.Nodes;

namespace ChatOpsBot.Bot.Testing;

/// <summary>
/// Reads what iTop holds, over HTTP, straight from the sandbox's rest.php (not through the bot's adapter); moves a ticket
/// the same way when a test needs a state someone reached in iTop's console.
/// </summary>
public sealed class ItopReader(ChatOpsBot.ItopSandbox.ItopSandboxHost sandbox) : IDisposable
{
    public const string Token = "sandbox-token";
    private readonly HttpClient _http = new();

    public async Task<JsonObject> GetTicketAsync(int id)
    {
        var objects = await QueryAsync("UserRequest", JsonValue.Create(id)!, "*");
        return Assert.Single(objects);
    }

    public Task<IReadOnlyList<JsonObject>> FindTicketsAsync(string oql) => QueryAsync("UserRequest", JsonValue.Create(oql)!, "id,ref,title,status");

    public async Task<IReadOnlyList<JsonObject>> QueryAsync(string @class, JsonNode key, string outputFields)
    {
        var body = await CallAsync(new JsonObject
        {
            ["operation"] = "core/get",
            ["class"] = @class,
            ["key"] = key,
            ["output_fields"] = outputFields,
        });
        return body["objects"] is JsonObject objects
            ? objects.Select(o => o.Value!["fields"]!.AsObject()).ToList()
            : [];
    }

    /// <summary>core/apply_stimulus on a ticket with the given fields, as the bot's technical account.</summary>
    public Task StimulusAsync(int id, string stimulus, JsonObject fields) => CallAsync(new JsonObject
    {
        ["operation"] = "core/apply_stimulus",
        ["class"] = "UserRequest",
        ["key"] = id,
        ["stimulus"] = stimulus,
        ["comment"] = "test",
        ["fields"] = fields,
        ["output_fields"] = "status",
    });

    private async Task<JsonObject> CallAsync(JsonObject request)
    {
        using var message = new HttpRequestMessage(HttpMethod.Post, new Uri(sandbox.BaseAddress, "webservices/rest.php?version=1.4"))
        {
            Content = new FormUrlEncodedContent([new KeyValuePair<string, string>("json_data", request.ToJsonString())]),
        };
        message.Headers.Add("Auth-Token", Token);
        using var response = await _http.SendAsync(message);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
        Assert.Equal(0, body["code"]!.GetValue<int>());
        return body;
    }

    public void Dispose() => _http.Dispose();
}
