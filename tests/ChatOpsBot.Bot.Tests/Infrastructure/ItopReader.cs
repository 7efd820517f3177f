using System.Text.Json.Nodes;

namespace ChatOpsBot.Bot.Tests.Infrastructure;

/// <summary>Reads what iTop holds, over HTTP, straight from the sandbox's rest.php (not through the bot's adapter).</summary>
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
        var request = new JsonObject
        {
            ["operation"] = "core/get",
            ["class"] = @class,
            ["key"] = key,
            ["output_fields"] = outputFields,
        };
        using var message = new HttpRequestMessage(HttpMethod.Post, new Uri(sandbox.BaseAddress, "webservices/rest.php?version=1.4"))
        {
            Content = new FormUrlEncodedContent([new KeyValuePair<string, string>("json_data", request.ToJsonString())]),
        };
        message.Headers.Add("Auth-Token", Token);
        using var response = await _http.SendAsync(message);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
        Assert.Equal(0, body["code"]!.GetValue<int>());
        return body["objects"] is JsonObject objects
            ? objects.Select(o => o.Value!["fields"]!.AsObject()).ToList()
            : [];
    }

    public void Dispose() => _http.Dispose();
}
