using System.Text;
using System.Text.Json;

namespace ChatOpsBot.Protocol.Schema;

/// <summary>Helpers over <see cref="Activity"/>.</summary>
public static class ActivityExtensions
{
    /// <summary>
    /// A message answering <paramref name="activity"/>: from/recipient swapped, same conversation and locale,
    /// <c>replyToId</c> = the inbound id.
    /// </summary>
    public static Activity CreateReply(this Activity activity, string? text = null)
    {
        ArgumentNullException.ThrowIfNull(activity);
        return new Activity
        {
            Type = ActivityTypes.Message,
            ChannelId = activity.ChannelId,
            From = CopyAccount(activity.Recipient),
            Recipient = CopyAccount(activity.From),
            Conversation = activity.Conversation is { } c ? new ConversationAccount { Id = c.Id, Name = c.Name, TenantId = c.TenantId } : null,
            ReplyToId = activity.Id,
            Locale = activity.Locale,
            Text = text,
        };
    }

    /// <summary>
    /// The text with the bot's own mention removed (entities whose <c>mentioned.id</c> equals <c>recipient.id</c>,
    /// falling back to <c>&lt;at&gt;name&lt;/at&gt;</c>); other <c>&lt;at&gt;</c> tags keep their inner text. Trimmed.
    /// </summary>
    public static string GetTextWithoutMentions(this Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var text = activity.Text ?? string.Empty;
        var botId = activity.Recipient?.Id;
        if (activity.Entities is { } entities && botId is not null)
        {
            foreach (var entity in entities)
            {
                if (entity is null
                    || !string.Equals(entity.Type, Entity.MentionType, StringComparison.Ordinal)
                    || !string.Equals(entity.Mentioned?.Id, botId, StringComparison.OrdinalIgnoreCase))
                {
                    continue;
                }

                var snippet = !string.IsNullOrEmpty(entity.Text)
                    ? entity.Text
                    : entity.Mentioned?.Name is { Length: > 0 } name ? "<at>" + name + "</at>" : null;
                if (snippet is not null)
                {
                    text = text.Replace(snippet, " ", StringComparison.OrdinalIgnoreCase);
                }
            }
        }

        return UnwrapAtTags(text).Trim();
    }

    /// <summary>The tenant id: <c>conversation.tenantId</c>, else <c>channelData.tenant.id</c>.</summary>
    public static string? GetTenantId(this Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        if (!string.IsNullOrEmpty(activity.Conversation?.TenantId))
        {
            return activity.Conversation.TenantId;
        }

        if (activity.ChannelData is { ValueKind: JsonValueKind.Object } data
            && data.TryGetProperty("tenant", out var tenant) && tenant.ValueKind == JsonValueKind.Object
            && tenant.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.String)
        {
            return id.GetString();
        }

        return null;
    }

    private static ChannelAccount? CopyAccount(ChannelAccount? account) =>
        account is null ? null : new ChannelAccount { Id = account.Id, Name = account.Name, AadObjectId = account.AadObjectId };

    // "<at>Tom</at>is" → "Tom is": keep inner text, add a space where Teams glued words.
    private static string UnwrapAtTags(string text)
    {
        if (!text.Contains("<at>", StringComparison.OrdinalIgnoreCase))
        {
            return text;
        }

        var sb = new StringBuilder(text.Length);
        var i = 0;
        while (i < text.Length)
        {
            var open = text.IndexOf("<at>", i, StringComparison.OrdinalIgnoreCase);
            var close = open < 0 ? -1 : text.IndexOf("</at>", open + 4, StringComparison.OrdinalIgnoreCase);
            if (open < 0 || close < 0)
            {
                sb.Append(text, i, text.Length - i);
                break;
            }

            sb.Append(text, i, open - i);
            sb.Append(text, open + 4, close - open - 4);
            i = close + 5;
            if (i < text.Length && !char.IsWhiteSpace(text[i]))
            {
                sb.Append(' ');
            }
        }

        return sb.ToString();
    }
}
