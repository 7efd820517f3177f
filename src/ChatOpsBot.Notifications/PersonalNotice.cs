using ChatOpsBot.Bot.Subscriptions;

namespace ChatOpsBot.Notifications;

/// <summary>One person to tell of an event in their personal chat, as what (<see cref="OutboxItem.Recipient"/>) and under which mutable kind.</summary>
public sealed record PersonalNotice(int PersonId, string Recipient, NoticeKind Kind);
