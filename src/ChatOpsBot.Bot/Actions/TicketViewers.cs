using System.Text.Json;
using ChatOpsBot.State;

namespace ChatOpsBot.Bot.Actions;

/// <summary>
/// The Teams users who have seen a ticket's card (<c>viewers:{ticketId}</c>): the card's <c>refresh.userIds</c>,
/// so that their view is refreshed after somebody else acted. Most recent first, at most 60.
/// </summary>
public sealed class TicketViewers(IStateStore store)
{
    public const int Max = 60;
    private static readonly TimeSpan TimeToLive = TimeSpan.FromDays(90);

    public async Task<IReadOnlyList<string>> AddAsync(int ticketId, string teamsUserId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(teamsUserId);
        var key = Key(ticketId);
        for (var attempt = 0; attempt < 5; attempt++)
        {
            var entry = await store.GetAsync(key, cancellationToken).ConfigureAwait(false);
            var current = Read(entry);
            var updated = current.Where(id => !string.Equals(id, teamsUserId, StringComparison.Ordinal)).Prepend(teamsUserId).Take(Max).ToList();
            if (current.SequenceEqual(updated, StringComparer.Ordinal))
            {
                return current;
            }

            var value = JsonSerializer.Serialize(updated, ViewersJsonContext.Default.ListString);
            if (await store.PutAsync(key, value, entry?.ETag, TimeToLive, cancellationToken).ConfigureAwait(false) is not null)
            {
                return updated;
            }
        }

        return await GetAsync(ticketId, cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<string>> GetAsync(int ticketId, CancellationToken cancellationToken) =>
        Read(await store.GetAsync(Key(ticketId), cancellationToken).ConfigureAwait(false));

    private static List<string> Read(StateEntry? entry) =>
        entry is null ? [] : JsonSerializer.Deserialize(entry.Value, ViewersJsonContext.Default.ListString) ?? [];

    private static string Key(int ticketId) => "viewers:" + ticketId.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
