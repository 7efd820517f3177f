using System.Globalization;
using ChatOpsBot.Protocol.Schema;

namespace ChatOpsBot.Protocol.Hosting;

/// <summary>
/// What an activity needs before a handler sees it: a type, a serviceUrl to answer to, a conversation id, and ids that
/// fit in a Connector URL (at most <see cref="MaxIdLength"/> characters, no control characters). Teams always sends
/// these; anything else is refused with 400 instead of failing later in a background turn.
/// </summary>
internal static class ActivityShape
{
    public const int MaxIdLength = 1024;
    public const int MaxNameLength = 256;
    public const int MaxServiceUrlLength = 2048;

    /// <summary>Null when the activity can be handled; otherwise a short reason (never containing the values).</summary>
    public static string? Check(Activity activity)
    {
        if (string.IsNullOrEmpty(activity.Type))
        {
            return "no activity type";
        }

        if (string.IsNullOrEmpty(activity.ServiceUrl))
        {
            return "no serviceUrl";
        }

        if (string.IsNullOrEmpty(activity.Conversation?.Id))
        {
            return "no conversation id";
        }

        return Text("type", activity.Type, MaxNameLength)
            ?? Text("serviceUrl", activity.ServiceUrl, MaxServiceUrlLength)
            ?? Text("conversation.id", activity.Conversation.Id, MaxIdLength)
            ?? Text("id", activity.Id, MaxIdLength)
            ?? Text("replyToId", activity.ReplyToId, MaxIdLength)
            ?? Text("from.id", activity.From?.Id, MaxIdLength)
            ?? Text("recipient.id", activity.Recipient?.Id, MaxIdLength)
            ?? Text("channelId", activity.ChannelId, MaxNameLength)
            ?? Text("name", activity.Name, MaxNameLength)
            ?? Text("locale", activity.Locale, MaxNameLength)
            ?? NoNulls("entities", activity.Entities)
            ?? NoNulls("attachments", activity.Attachments)
            ?? NoNulls("membersAdded", activity.MembersAdded)
            ?? NoNulls("membersRemoved", activity.MembersRemoved);
    }

    private static string? Text(string field, string? value, int maxLength)
    {
        if (value is null)
        {
            return null;
        }

        if (value.Length > maxLength)
        {
            return string.Create(CultureInfo.InvariantCulture, $"{field} longer than {maxLength} characters");
        }

        foreach (var c in value)
        {
            if (char.IsControl(c))
            {
                return field + " contains a control character";
            }
        }

        return null;
    }

    private static string? NoNulls<T>(string field, IList<T>? items)
        where T : class =>
        items is not null && items.Contains(null!) ? field + " contains null" : null;
}
