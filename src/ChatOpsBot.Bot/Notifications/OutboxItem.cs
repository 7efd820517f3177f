namespace ChatOpsBot.Bot.Notifications;

/// <summary>
/// One notification waiting to be delivered to one conversation. <see cref="IdempotencyKey"/> = ticket, change, target:
/// enqueuing the same key twice, or after its delivery, does nothing.
/// </summary>
public sealed record OutboxItem
{
    public const string ChannelTarget = "channel";
    public const string PersonalTarget = "personal";

    public required string IdempotencyKey { get; init; }
    /// <summary>Delivery order: the change's instant (UTC ticks) plus the event's rank within the change.</summary>
    public required long Order { get; init; }
    public required string ConversationId { get; init; }
    /// <summary><see cref="ChannelTarget"/> (thread of the ticket) or <see cref="PersonalTarget"/>.</summary>
    public required string Target { get; init; }
    public required int TicketId { get; init; }
    public required TicketEventKind Kind { get; init; }
    /// <summary>Who made the change from Teams (null: from the iTop console).</summary>
    public string? Actor { get; init; }
    public string? LogAuthor { get; init; }
    public string? LogText { get; init; }
}
