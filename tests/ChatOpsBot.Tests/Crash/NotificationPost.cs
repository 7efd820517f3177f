using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using ChatOpsBot.Testing;

namespace ChatOpsBot.Tests.Crash;

/// <summary>A request the bot made to the Connector, read as a notification: which call, in which conversation, about which ticket.</summary>
internal sealed partial record NotificationPost(string Method, string ConversationId, string? ActivityId, string? TicketRef, bool HasCard)
{
    /// <summary>The ticket card posted as a new message: the root of the ticket's thread in a channel.</summary>
    public bool StartsThread => Method == "POST" && ActivityId is null && HasCard;

    public bool IsReply => Method == "POST" && ActivityId is not null;

    public bool IsCardUpdate => Method == "PUT";

    public static NotificationPost Of(RecordedRequest request)
    {
        var path = ActivitiesPath().Match(request.RawTarget);
        var conversation = path.Success ? Uri.UnescapeDataString(path.Groups["conversation"].Value) : request.RawTarget;
        var activity = path.Groups["activity"].Success ? Uri.UnescapeDataString(path.Groups["activity"].Value) : null;
        // Member lookups (GET, no body) come from finding a person's chat: no card there.
        var card = request.Body.Length > 0 && JsonNode.Parse(request.Body)?["attachments"]?[0]?["contentType"]?.GetValue<string>() == "application/vnd.microsoft.card.adaptive";
        var reference = RefPattern().Match(request.Body);
        return new NotificationPost(request.Method, conversation, activity, reference.Success ? reference.Value : null, card);
    }

    [GeneratedRegex("^/v3/conversations/(?<conversation>[^/?]+)/activities(?:/(?<activity>[^/?]+))?")]
    private static partial Regex ActivitiesPath();

    [GeneratedRegex("R-\\d{6}")]
    private static partial Regex RefPattern();
}
