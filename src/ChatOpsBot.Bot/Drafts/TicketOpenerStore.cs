using System.Globalization;
using System.Text.Json;
using ChatOpsBot.Bot.Identity;
using ChatOpsBot.State;
using ChatOpsBot.Tickets.Rights;

namespace ChatOpsBot.Bot.Drafts;

/// <summary>
/// Who opened each ticket created from a draft, in <see cref="IStateStore"/> under <c>opener:{ticket}</c>, kept longer
/// than the draft itself (a ticket lives for months). iTop's caller is the requester, who is often not the opener: only
/// the bot knows who typed the form.
/// </summary>
public sealed class TicketOpenerStore(IStateStore store)
{
    public static readonly TimeSpan Retention = TimeSpan.FromDays(400);

    /// <summary>Records the opener (the first record wins: a retry after a crash writes the same).</summary>
    public async Task SaveAsync(TicketOpener opener, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(opener);
        var json = JsonSerializer.Serialize(opener, DraftJsonContext.Default.TicketOpener);
        await store.PutAsync(Key(opener.TicketId), json, null, Retention, cancellationToken).ConfigureAwait(false);
    }

    public async Task<TicketOpener?> GetAsync(int ticketId, CancellationToken cancellationToken)
    {
        var entry = await store.GetAsync(Key(ticketId), cancellationToken).ConfigureAwait(false);
        return entry is null ? null : JsonSerializer.Deserialize(entry.Value, DraftJsonContext.Default.TicketOpener);
    }

    /// <summary>
    /// Whether this person opened the ticket for someone of the group (a member of Roles:GroupOpenerTeam, C2IP): they follow
    /// it as a school's support follows their school's tickets. Read for group openers only, the only ones it changes anything for.
    /// </summary>
    public async Task<bool> FollowsAsync(int ticketId, UserRoles roles, int personId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(roles);
        return roles.IsGroupOpener && (await GetAsync(ticketId, cancellationToken).ConfigureAwait(false))?.PersonId == personId;
    }

    private static string Key(int ticketId) => "opener:" + ticketId.ToString(CultureInfo.InvariantCulture);
}
