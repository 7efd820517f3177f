using System.ComponentModel.DataAnnotations;
using ChatOpsBot.Bot.Subscriptions;

namespace ChatOpsBot.Notifications;

/// <summary>Options bound from the <c>Notifications</c> section.</summary>
public sealed class NotificationOptions
{
    public const string SectionName = "Notifications";

    /// <summary>Runs the change-feed poller and the outbox delivery (on the instance holding the lease).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Seconds between two polls of iTop's change feed.</summary>
    [Range(0.05, 3600)]
    public double PollIntervalSeconds { get; set; } = 30;

    /// <summary>Tickets per page of the change feed.</summary>
    [Range(1, 500)]
    public int PageSize { get; set; } = 100;

    /// <summary>The poller lease: renewed every third of it, taken over by another instance when it lapses.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Teams: at most 7 messages a second per conversation…</summary>
    [Range(1, 1000)]
    public int ConversationBurstLimit { get; set; } = 7;

    [Range(typeof(TimeSpan), "00:00:00.001", "01:00:00")]
    public TimeSpan ConversationBurstWindow { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>… and 60 per 30 seconds.</summary>
    [Range(1, 10000)]
    public int ConversationLimit { get; set; } = 60;

    [Range(typeof(TimeSpan), "00:00:00.001", "01:00:00")]
    public TimeSpan ConversationWindow { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Messages a second for the whole tenant (the bot's global budget).</summary>
    [Range(1, 10000)]
    public int TenantLimit { get; set; } = 50;

    [Range(typeof(TimeSpan), "00:00:00.001", "01:00:00")]
    public TimeSpan TenantWindow { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How long a conversation waits after a 429 that outlived the Connector client's own retries (at least its Retry-After).</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:10:00")]
    public TimeSpan ThrottledBackoff { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How long a conversation waits after a 5xx or a network failure.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:10:00")]
    public TimeSpan FailureBackoff { get; set; } = TimeSpan.FromSeconds(5);
}
