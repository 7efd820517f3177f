using ChatOpsBot.Bot.Chats;
using ChatOpsBot.Bot.Digest;
using ChatOpsBot.Bot.Subscriptions;

namespace ChatOpsBot.Notifications;

/// <summary>
/// One notification waiting to be delivered to one conversation. <see cref="IdempotencyKey"/> = ticket, change, target
/// (a digest: day, conversation): enqueuing the same key twice, or after its delivery, does nothing.
/// </summary>
public sealed record OutboxItem
{
    public const string ChannelTarget = "channel";
    public const string PersonalTarget = "personal";
    public const string DigestTarget = "digest";
    public const string CardTarget = "card";
    public const string AgentRecipient = "agent";
    public const string OpenerRecipient = "opener";

    public required string IdempotencyKey { get; init; }
    /// <summary>Delivery order: the change's instant (UTC ticks) plus the event's rank within the change.</summary>
    public required long Order { get; init; }
    public required string ConversationId { get; init; }
    /// <summary>
    /// <see cref="ChannelTarget"/> (thread of the ticket), <see cref="PersonalTarget"/>, <see cref="DigestTarget"/> or
    /// <see cref="CardTarget"/> (a message of the turns, <see cref="Message"/>).
    /// </summary>
    public required string Target { get; init; }

    /// <summary>A personal item's reader: <see cref="AgentRecipient"/> or <see cref="OpenerRecipient"/> (null: the agent, as queued before openers were told).</summary>
    public string? Recipient { get; init; }

    /// <summary>The ticket of a notification (0 for a digest).</summary>
    public int TicketId { get; init; }

    public TicketEventKind Kind { get; init; }

    /// <summary>The digest's card model (worded in the conversation's language when it was queued).</summary>
    public ChatOpsBot.Cards.ViewModels.DigestCardModel? Digest { get; init; }

    /// <summary>A message the turns send unasked (an approval card or its update, a short text), with where it goes (<see cref="OutboxProactiveMessages"/>).</summary>
    [System.Text.Json.Serialization.JsonPropertyName("Card")] // the name items were queued under before texts and updates joined
    public ProactiveMessage? Message { get; init; }

    /// <summary>Who made the change from Teams (null: from the iTop console).</summary>
    public string? Actor { get; init; }
    public string? LogAuthor { get; init; }
    public string? LogText { get; init; }
}
