using System.Globalization;
using System.Text.Json;
using ChatOpsBot.Bot.Subscriptions;
using ChatOpsBot.State;

namespace ChatOpsBot.Bot.Digest;

/// <summary>
/// The digest's state in <see cref="IStateStore"/>: the people who asked for it (<c>digest:person:{conversation}</c>), the
/// channels that turned it off (<c>digest:off:{conversation}</c>), and the last day sent to each conversation
/// (<c>digest:sent:{conversation}</c>).
/// </summary>
public sealed class DigestStore(IStateStore store, SubscriptionStore subscriptions)
{
    private const string PersonPrefix = "digest:person:";
    private const string OffPrefix = "digest:off:";
    private const string SentPrefix = "digest:sent:";
    private static readonly TimeSpan SentRetention = TimeSpan.FromDays(7);

    /// <summary>Every conversation due a digest: channels with a subscription (unless turned off), then people who asked.</summary>
    public async Task<IReadOnlyList<DigestTarget>> ListTargetsAsync(CancellationToken cancellationToken)
    {
        var targets = new List<DigestTarget>();
        foreach (var conversationId in await subscriptions.ListConversationsAsync(cancellationToken).ConfigureAwait(false))
        {
            if (await store.GetAsync(OffPrefix + conversationId, cancellationToken).ConfigureAwait(false) is null)
            {
                targets.Add(new DigestTarget(conversationId));
            }
        }

        foreach (var entry in await store.ListAsync(PersonPrefix, int.MaxValue, cancellationToken).ConfigureAwait(false))
        {
            targets.Add(JsonSerializer.Deserialize(entry.Value, DigestJsonContext.Default.DigestTarget)!);
        }

        return targets;
    }

    /// <summary>A channel's digest on or off (on by default once subscribed).</summary>
    public async Task SetChannelAsync(string conversationId, bool on, CancellationToken cancellationToken)
    {
        if (on)
        {
            await store.DeleteAsync(OffPrefix + conversationId, cancellationToken: cancellationToken).ConfigureAwait(false);
        }
        else
        {
            await store.PutAsync(OffPrefix + conversationId, "off", StateETag.Any, cancellationToken: cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>A person's digest in their chat on or off (off by default).</summary>
    public async Task SetPersonAsync(DigestTarget target, bool on, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(target);
        if (on)
        {
            var json = JsonSerializer.Serialize(target, DigestJsonContext.Default.DigestTarget);
            await store.PutAsync(PersonPrefix + target.ConversationId, json, StateETag.Any, cancellationToken: cancellationToken).ConfigureAwait(false);
        }
        else
        {
            await store.DeleteAsync(PersonPrefix + target.ConversationId, cancellationToken: cancellationToken).ConfigureAwait(false);
        }
    }

    public async Task<bool> WasSentAsync(string conversationId, DateOnly day, CancellationToken cancellationToken) =>
        (await store.GetAsync(SentPrefix + conversationId, cancellationToken).ConfigureAwait(false))?.Value == Day(day);

    public Task MarkSentAsync(string conversationId, DateOnly day, CancellationToken cancellationToken) =>
        store.PutAsync(SentPrefix + conversationId, Day(day), StateETag.Any, SentRetention, cancellationToken);

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
