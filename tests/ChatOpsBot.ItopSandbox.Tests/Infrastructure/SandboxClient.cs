using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace ChatOpsBot.ItopSandbox.Tests.Infrastructure;

/// <summary>Minimal rest.php caller for the focused tests (form-encoded json_data, like iTop clients).</summary>
public sealed class SandboxClient : IDisposable
{
    private readonly HttpClient _http;

    public SandboxClient(Uri baseAddress) => _http = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(30) };

    public HttpClient Http => _http;

    public Task<JsonObject> FormAsync(string user, string password, object jsonData, string version = "1.4") =>
        PostAsync($"webservices/rest.php?version={version}", [new("auth_user", user), new("auth_pwd", password), new("json_data", Serialize(jsonData))]);

    public Task<JsonObject> AdminAsync(object jsonData) => FormAsync("rest-admin", "sandbox", jsonData);

    public Task<JsonObject> BotAsync(object jsonData) => FormAsync("teams-bot", "sandbox", jsonData);

    public async Task<JsonObject> PostAsync(string path, IEnumerable<KeyValuePair<string, string>> form, Action<HttpRequestMessage>? configure = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new FormUrlEncodedContent(form) };
        configure?.Invoke(request);
        return await SendAsync(request);
    }

    public async Task<JsonObject> SendAsync(HttpRequestMessage request)
    {
        using var response = await _http.SendAsync(request);
        Xunit.Assert.Equal(200, (int)response.StatusCode);
        Xunit.Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        return (JsonObject)JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
    }

    public static AuthenticationHeaderValue Basic(string user, string password) =>
        new("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(user + ":" + password)));

    public static string Serialize(object jsonData) =>
        jsonData is JsonNode node ? node.ToJsonString() : System.Text.Json.JsonSerializer.Serialize(jsonData);

    public void Dispose() => _http.Dispose();
}
