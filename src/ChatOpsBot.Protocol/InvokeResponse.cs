using System.Text.Json;
using System.Text.Json.Nodes;

namespace ChatOpsBot.Protocol;

/// <summary>The HTTP answer to an invoke: status and JSON body (serialized with the protocol JSON options).</summary>
public sealed record InvokeResponse(int Status, object? Body)
{
    public const string AdaptiveCardType = "application/vnd.microsoft.card.adaptive";
    public const string MessageType = "application/vnd.microsoft.activity.message";
    public const string ErrorType = "application/vnd.microsoft.error";
    public const string SearchResponseType = "application/vnd.microsoft.search.searchResponse";

    /// <summary><c>adaptiveCard/action</c>: replace the card for the invoking user.</summary>
    public static InvokeResponse Card(JsonElement card) => ActionResponse(200, AdaptiveCardType, JsonNode.Parse(card.GetRawText()));

    /// <summary><c>adaptiveCard/action</c>: show a short message to the invoking user.</summary>
    public static InvokeResponse Message(string text) => ActionResponse(200, MessageType, JsonValue.Create(text));

    /// <summary><c>adaptiveCard/action</c>: an error with a status code (e.g. 400) shown by the client.</summary>
    public static InvokeResponse Error(int statusCode, string code, string message) =>
        ActionResponse(statusCode, ErrorType, new JsonObject { ["code"] = code, ["message"] = message });

    /// <summary>HTTP 400 with the Bot Framework error body <c>{error: {code, message}}</c>, for an invoke the bot does not take.</summary>
    public static InvokeResponse BadRequest(string code, string message) =>
        new(400, new JsonObject { ["error"] = new JsonObject { ["code"] = code, ["message"] = message } });

    /// <summary><c>application/search</c>: the choices of a Data.Query choice set (HTTP 200, <c>{type, value: {results}}</c>).</summary>
    public static InvokeResponse Choices(IEnumerable<DataQueries.ChoiceResult> results)
    {
        ArgumentNullException.ThrowIfNull(results);
        var list = new JsonArray();
        foreach (var r in results)
        {
            list.Add(new JsonObject { ["title"] = r.Title, ["value"] = r.Value });
        }

        return new(200, new JsonObject { ["type"] = SearchResponseType, ["value"] = new JsonObject { ["results"] = list } });
    }

    /// <summary>Plain 200 with no body (e.g. an acknowledged <c>task/submit</c>).</summary>
    public static InvokeResponse Ok() => new(200, null);

    // The HTTP status stays 200 whenever the bot handled the action; the outcome travels in statusCode.
    private static InvokeResponse ActionResponse(int statusCode, string type, JsonNode? value) =>
        new(200, new JsonObject { ["statusCode"] = statusCode, ["type"] = type, ["value"] = value });
}
