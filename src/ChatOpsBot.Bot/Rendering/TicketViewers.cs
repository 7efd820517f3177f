using System.Text.Json;
using ChatOpsBot.State;

namespace ChatOpsBot.Bot.Rendering;

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
        var update = await store.UpdateAsync(
            Key(ticketId),
            value =>
            {
                var updated = Read(value).Where(id => !string.Equals(id, teamsUserId, StringComparison.Ordinal)).Prepend(teamsUserId).Take(Max).ToList();
                return JsonSerializer.Serialize(updated, ViewersJsonContext.Default.ListString);
            },
            TimeToLive,
            cancellationToken).ConfigureAwait(false);
        return update is null ? await GetAsync(ticketId, cancellationToken).ConfigureAwait(false) : Read(update.Entry.Value);
    }

    public async Task<IReadOnlyList<string>> GetAsync(int ticketId, CancellationToken cancellationToken) =>
        Read((await store.GetAsync(Key(ticketId), cancellationToken).ConfigureAwait(false))?.Value);

    private static List<string> Read(string? value) =>
        value is null ? [] : JsonSerializer.Deserialize(value, ViewersJsonContext.Default.ListString) ?? [];

    private static string Key(int ticketId) => "viewers:" + ticketId.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
