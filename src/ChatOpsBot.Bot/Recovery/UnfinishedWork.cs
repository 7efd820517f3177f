using System.Globalization;
using ChatOpsBot.State;

namespace ChatOpsBot.Bot.Recovery;

/// <summary>
/// The index of work the bot started and has not finished (<c>unfinished:{kind}:{id}</c>, valued with the time it was
/// marked): marked before the first step with an effect, cleared after the last. The work's own record says where it
/// stands; this only says where to look.
/// </summary>
public sealed class UnfinishedWork(IStateStore store, TimeProvider time)
{
    public const string Drafts = "draft";
    public const string Approvals = "approval";
    private const string Prefix = "unfinished:";
    private static readonly TimeSpan TimeToLive = TimeSpan.FromDays(30);

    /// <summary>A mark younger than this may belong to work whose record is not written yet: it is not cleared as stale.</summary>
    private static readonly TimeSpan Settling = TimeSpan.FromMinutes(1);

    public Task MarkAsync(string kind, string id, CancellationToken cancellationToken) =>
        store.PutAsync(Key(kind, id), time.GetUtcNow().ToString("O", CultureInfo.InvariantCulture), StateETag.Any, TimeToLive, cancellationToken);

    public Task ClearAsync(string kind, string id, CancellationToken cancellationToken) =>
        store.DeleteAsync(Key(kind, id), cancellationToken: cancellationToken);

    /// <summary>Clears a mark whose record shows nothing left to do, unless the mark is so recent that its record may still be on its way.</summary>
    public async Task ClearStaleAsync(string kind, string id, CancellationToken cancellationToken)
    {
        var entry = await store.GetAsync(Key(kind, id), cancellationToken).ConfigureAwait(false);
        if (entry is not null && (!DateTimeOffset.TryParse(entry.Value, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var marked)
            || time.GetUtcNow() - marked > Settling))
        {
            await store.DeleteAsync(entry.Key, entry.ETag, cancellationToken).ConfigureAwait(false);
        }
    }

    public async Task<IReadOnlyList<(string Kind, string Id)>> ListAsync(CancellationToken cancellationToken)
    {
        var entries = await store.ListAsync(Prefix, cancellationToken: cancellationToken).ConfigureAwait(false);
        return [.. entries.Select(e => e.Key[Prefix.Length..].Split(':', 2)).Where(p => p.Length == 2).Select(p => (p[0], p[1]))];
    }

    private static string Key(string kind, string id) => Prefix + kind + ":" + id;
}
