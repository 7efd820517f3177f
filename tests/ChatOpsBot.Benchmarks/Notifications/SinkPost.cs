using System.Text.Json;
using System.Text.RegularExpressions;
using ChatOpsBot.Testing;

namespace ChatOpsBot.Benchmarks.Notifications;

/// <summary>
/// A message the bot posted to the Connector sink: the conversation (channel id, <c>;messageid=</c> part kept), whether
/// it starts a thread (POST …/activities) or replies/updates (…/activities/{id}), its text and the ticket ref it names.
/// </summary>
internal sealed partial record SinkPost(string Method, string ConversationId, bool StartsThread, string Text, string? TicketRef, long ReceivedAt)
{
    private const string Conversations = "/v3/conversations/";

    public static SinkPost? From(RecordedRequest request)
    {
        var start = request.RawTarget.IndexOf(Conversations, StringComparison.Ordinal);
        if (start < 0)
        {
            return null;
        }

        var rest = request.RawTarget[(start + Conversations.Length)..].Split('/');
        if (rest.Length < 2 || rest[1] != "activities")
        {
            return null;
        }

        var text = TextOf(request.Body);
        var reference = TicketRefPattern().Match(text);
        return new SinkPost(
            request.Method,
            Uri.UnescapeDataString(rest[0]),
            request.Method == "POST" && rest.Length == 2,
            text,
            reference.Success ? reference.Value : null,
            request.ReceivedAt);
    }

    /// <summary>The first post of each new ticket thread, per (conversation, ticket).</summary>
    public bool IsThreadStart => StartsThread && TicketRef is not null;

    private static string TextOf(string body)
    {
        try
        {
            using var json = JsonDocument.Parse(body);
            return json.RootElement.TryGetProperty("text", out var text) && text.ValueKind == JsonValueKind.String ? text.GetString()! : "";
        }
        catch (JsonException)
        {
            return "";
        }
    }

    [GeneratedRegex(@"R-\d{6}")]
    private static partial Regex TicketRefPattern();
}
