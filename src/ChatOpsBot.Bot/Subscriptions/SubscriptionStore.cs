using System.Globalization;
using System.Text.Json;
using ChatOpsBot.State;

namespace ChatOpsBot.Bot.Subscriptions;

/// <summary>
/// Channel subscriptions in <see cref="IStateStore"/>: <c>sub:{conversation}:{kind}:{id}</c>, indexed by target
/// (<c>subidx:{kind}:{id}:{conversation}</c>) so the router needs one listing per target, not per channel.
/// </summary>
public sealed class SubscriptionStore(IStateStore store)
{
    private const string Prefix = "sub:";
    private const string IndexPrefix = "subidx:";

    /// <summary>Adds a subscription; false when the channel already had it.</summary>
    public async Task<bool> AddAsync(Subscription subscription, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(subscription);
        var json = JsonSerializer.Serialize(subscription, SubscriptionsJsonContext.Default.Subscription);
        var created = await store.PutAsync(Key(subscription), json, null, cancellationToken: cancellationToken).ConfigureAwait(false);
        await store.PutAsync(IndexKey(subscription), json, StateETag.Any, cancellationToken: cancellationToken).ConfigureAwait(false);
        return created is not null;
    }

    /// <summary>Removes a subscription; false when the channel did not have it.</summary>
    public async Task<bool> RemoveAsync(Subscription subscription, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(subscription);
        await store.DeleteAsync(IndexKey(subscription), cancellationToken: cancellationToken).ConfigureAwait(false);
        return await store.DeleteAsync(Key(subscription), cancellationToken: cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The subscriptions of one channel.</summary>
    public async Task<IReadOnlyList<Subscription>> ListByConversationAsync(string conversationId, CancellationToken cancellationToken)
    {
        var entries = await store.ListAsync(Prefix + conversationId + ":", cancellationToken: cancellationToken).ConfigureAwait(false);
        return entries.Select(Read).ToList();
    }

    /// <summary>Every conversation with at least one subscription.</summary>
    public async Task<IReadOnlyList<string>> ListConversationsAsync(CancellationToken cancellationToken)
    {
        var entries = await store.ListAsync(Prefix, int.MaxValue, cancellationToken).ConfigureAwait(false);
        return entries.Select(e => Read(e).ConversationId).Distinct(StringComparer.Ordinal).ToList();
    }

    /// <summary>The channels subscribed to one brique, team or school.</summary>
    public async Task<IReadOnlyList<Subscription>> ListByTargetAsync(SubscriptionKind kind, int targetId, CancellationToken cancellationToken)
    {
        var entries = await store.ListAsync(IndexPrefix + TargetPart(kind, targetId), cancellationToken: cancellationToken).ConfigureAwait(false);
        return entries.Select(Read).ToList();
    }

    private static Subscription Read(StateEntry entry) =>
        JsonSerializer.Deserialize(entry.Value, SubscriptionsJsonContext.Default.Subscription)!;

    private static string Key(Subscription s) =>
        Prefix + s.ConversationId + ":" + s.Kind.ToString().ToLowerInvariant() + ":" + s.TargetId.ToString(CultureInfo.InvariantCulture);

    private static string IndexKey(Subscription s) => IndexPrefix + TargetPart(s.Kind, s.TargetId) + s.ConversationId;

    private static string TargetPart(SubscriptionKind kind, int id) =>
        kind.ToString().ToLowerInvariant() + ":" + id.ToString(CultureInfo.InvariantCulture) + ":";
}
