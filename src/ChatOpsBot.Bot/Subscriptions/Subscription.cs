namespace ChatOpsBot.Bot.Subscriptions;

/// <summary>A channel's subscription; <paramref name="TargetId"/> is the iTop id of the brique, team or organisation.</summary>
public sealed record Subscription(string ConversationId, SubscriptionKind Kind, int TargetId, string TargetName);
