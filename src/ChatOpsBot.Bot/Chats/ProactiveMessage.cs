using System.Text.Json;
using System.Text.Json.Serialization;
using ChatOpsBot.Protocol;
using ChatOpsBot.Protocol.Proactive;
using ChatOpsBot.Protocol.Schema;

namespace ChatOpsBot.Bot.Chats;

/// <summary>
/// A message the bot sends unasked into a conversation: a new card (an approval card, a reminder), a new card in place of
/// one posted earlier (every copy of an approval card after a decision, the opener's card finished in the background), or
/// a short text (the opener told of a decision, an approver told of a hand-over). It goes through
/// <see cref="IProactiveMessages"/>: in the composed bot, the notifications' outbox, throttled per conversation and tenant
/// and sent once across a crash; the <see cref="IProactiveCardReceipt"/> of its <see cref="Purpose"/> records where a card went.
/// </summary>
public sealed record ProactiveMessage
{
    /// <summary>The same key is queued, and sent, once.</summary>
    public required string Key { get; init; }

    public required string ServiceUrl { get; init; }

    public required string ConversationId { get; init; }

    public string? TenantId { get; init; }

    /// <summary>The Adaptive Card's JSON, worded in its reader's language when it was queued (null for a text).</summary>
    public string? Card { get; init; }

    /// <summary>A Markdown text, worded in its reader's language when it was queued (null for a card).</summary>
    public string? Text { get; init; }

    /// <summary>
    /// The card replaces a message posted earlier: <see cref="ActivityId"/>, or, when the post was still queued, the one the
    /// receipt of its <see cref="Purpose"/> records by the time this goes out (the outbox keeps a conversation's order).
    /// </summary>
    public bool Replaces { get; init; }

    /// <summary>The message a <see cref="Replaces"/> card takes the place of, when known at queuing.</summary>
    public string? ActivityId { get; init; }

    /// <summary>Whose receipt records the post (<see cref="IProactiveCardReceipt.Purpose"/>); null: nobody needs to know.</summary>
    public string? Purpose { get; init; }

    public int TicketId { get; init; }

    /// <summary>What the purpose's owner needs to record the post (its own JSON).</summary>
    public string? Context { get; init; }

    /// <summary>Where it goes.</summary>
    [JsonIgnore]
    public ConversationReference Reference => ConversationReference.To(ServiceUrl, ConversationId, TenantId);

    /// <summary>A short text into a conversation.</summary>
    public static ProactiveMessage OfText(string key, ConversationReference to, string markdown, int ticketId)
    {
        ArgumentNullException.ThrowIfNull(to);
        return new() { Key = key, ServiceUrl = to.ServiceUrl, ConversationId = to.ConversationId, TenantId = to.TenantId, Text = markdown, TicketId = ticketId };
    }

    /// <summary>The message to send.</summary>
    public Activity ToActivity()
    {
        if (Card is null)
        {
            // The text was bounded when it was worded (MarkdownText), before it was queued.
            return new Activity
            {
                Type = ActivityTypes.Message,
                Text = Text,
                TextFormat = "markdown",
                Conversation = new ConversationAccount { Id = ConversationId, TenantId = TenantId },
            };
        }

        using var card = JsonDocument.Parse(Card);
        return new Activity
        {
            Type = ActivityTypes.Message,
            Attachments = [new Attachment { ContentType = Attachment.AdaptiveCardContentType, Content = card.RootElement.Clone() }],
            Conversation = new ConversationAccount { Id = ConversationId, TenantId = TenantId },
        };
    }
}
