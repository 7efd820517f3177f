using System.Text.Json;
using ChatOpsBot.Protocol;
using ChatOpsBot.Protocol.Proactive;
using ChatOpsBot.Protocol.Schema;

namespace ChatOpsBot.Bot.Chats;

/// <summary>
/// A card the bot posts unasked into a conversation (an approval card, a reminder). It goes through
/// <see cref="IProactiveCards"/>: in the composed bot, the notifications' outbox, throttled per conversation and tenant and
/// posted once across a crash; the <see cref="IProactiveCardReceipt"/> of its <see cref="Purpose"/> records where it went.
/// </summary>
public sealed record ProactiveCard
{
    /// <summary>The same key is queued, and posted, once.</summary>
    public required string Key { get; init; }

    public required string ServiceUrl { get; init; }

    public required string ConversationId { get; init; }

    public string? TenantId { get; init; }

    /// <summary>The Adaptive Card's JSON, worded in its reader's language when it was queued.</summary>
    public required string Card { get; init; }

    /// <summary>Whose receipt records the post (<see cref="IProactiveCardReceipt.Purpose"/>).</summary>
    public required string Purpose { get; init; }

    public int TicketId { get; init; }

    /// <summary>What the purpose's owner needs to record the post (its own JSON).</summary>
    public string? Context { get; init; }

    /// <summary>Where it goes.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public ConversationReference Reference => ConversationReference.To(ServiceUrl, ConversationId, TenantId);

    /// <summary>The message to post.</summary>
    public Activity ToActivity()
    {
        using var card = JsonDocument.Parse(Card);
        return new Activity
        {
            Type = ActivityTypes.Message,
            Attachments = [new Attachment { ContentType = Attachment.AdaptiveCardContentType, Content = card.RootElement.Clone() }],
            Conversation = new ConversationAccount { Id = ConversationId, TenantId = TenantId },
        };
    }
}
