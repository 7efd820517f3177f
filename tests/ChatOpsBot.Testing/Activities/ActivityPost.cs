using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace ChatOpsBot.Testing.Activities;

/// <summary>Posts an activity to a bot's <c>api/messages</c>, with a bearer token or none (local mode).</summary>
public static class ActivityPost
{
    public static Task<HttpResponseMessage> SendAsync(HttpClient client, JsonNode activity, string? bearer = null) =>
        SendAsync(client, activity.ToJsonString(), bearer);

    public static async Task<HttpResponseMessage> SendAsync(HttpClient client, string body, string? bearer = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "api/messages")
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        };
        if (bearer is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        }

        return await client.SendAsync(request);
    }
}
