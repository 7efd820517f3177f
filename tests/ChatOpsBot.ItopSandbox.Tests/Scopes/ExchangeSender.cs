using System.Text.Json.Nodes;

namespace ChatOpsBot.ItopSandbox.Tests.Scopes;

/// <summary>Sends one json_data as one account of a target: form auth (auth_user/auth_pwd in the body) or the Auth-Token header.</summary>
internal sealed class ExchangeSender(ItopTarget target) : IDisposable
{
    private readonly HttpClient _http = new() { BaseAddress = target.BaseAddress, Timeout = TimeSpan.FromSeconds(60) };

    public async Task<(int Status, string? ContentType, JsonObject Body)> SendAsync(string login, JsonObject jsonData)
    {
        var form = new List<KeyValuePair<string, string>>();
        using var request = new HttpRequestMessage(HttpMethod.Post, RecordedExchange.RestPath.TrimStart('/'));
        if (login == ItopTarget.TokenLogin)
        {
            request.Headers.Add("Auth-Token", target.Token);
        }
        else
        {
            form.Add(new("auth_pwd", target.PasswordOf(login)));
            form.Add(new("auth_user", login));
        }

        form.Add(new("json_data", jsonData.ToJsonString()));
        request.Content = new FormUrlEncodedContent(form);
        using var response = await _http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        var body = JsonNode.Parse(text) as JsonObject ?? throw new InvalidOperationException("Not a JSON object: " + text);
        return ((int)response.StatusCode, response.Content.Headers.ContentType?.MediaType, body);
    }

    public void Dispose() => _http.Dispose();
}
