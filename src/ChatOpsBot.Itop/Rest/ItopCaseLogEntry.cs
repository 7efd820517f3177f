using System.Text.Json.Nodes;

namespace ChatOpsBot.Itop.Rest;

/// <summary>
/// One entry of a case-log attribute as iTop stores it: <paramref name="MessageHtml"/> is the stored HTML, <paramref name="Message"/>
/// iTop's plain rendering. Only this adapter holds the HTML (to recognise its own entry after a write); the domain's
/// <c>TicketLogEntry</c> gets the text.
/// </summary>
public sealed record ItopCaseLogEntry(string Date, string UserLogin, string Message, string MessageHtml)
{
    /// <summary>The entries of a case-log field (<c>{"entries": [...]}</c>), in iTop's order; none when absent.</summary>
    public static IReadOnlyList<ItopCaseLogEntry> Read(JsonNode? field) =>
        field?["entries"] is JsonArray entries
            ? entries.OfType<JsonObject>().Select(e => new ItopCaseLogEntry(Str(e, "date"), Str(e, "user_login"), Str(e, "message"), Str(e, "message_html"))).ToList()
            : [];

    private static string Str(JsonObject o, string name) => ItopObject.TextOf(o, name);
}
