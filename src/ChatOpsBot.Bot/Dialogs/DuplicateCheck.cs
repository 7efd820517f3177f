using ChatOpsBot.Bot.Drafts;
using ChatOpsBot.Bot.Failures;
using ChatOpsBot.Tickets;
using Microsoft.Extensions.Logging;

namespace ChatOpsBot.Bot.Dialogs;

/// <summary>
/// Before a ticket is created: the open tickets of the same school on the same sub-service for the same person, or
/// whose title is close (shared words), in one iTop query. If iTop cannot answer, the check is skipped: a missed hint
/// costs less than a blocked creation (the creation's own failure handling then applies).
/// </summary>
public sealed class DuplicateCheck(ITicketDesk desk, ILogger<DuplicateCheck> logger)
{
    public const int MaxShown = 5;

    /// <summary>iTop queries made (tests, README figures).</summary>
    public long Queries => Interlocked.Read(ref _queries);

    private long _queries;

    public async Task<IReadOnlyList<Ticket>> FindAsync(TicketDraftState draft, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(draft);
        var words = TitleWords.Of(draft.Title);
        var probe = new TicketLookalike
        {
            OrgId = draft.OrgId,
            CallerId = FormModelFactory.Parse(draft.OnBehalfOf),
            SubServiceId = FormModelFactory.Parse(draft.SubService),
            TitleWords = words.Take(TitleWords.MaxSearched).ToList(),
        };
        if (probe.IsEmpty)
        {
            return [];
        }

        IReadOnlyList<Ticket> found;
        try
        {
            Interlocked.Increment(ref _queries);
            found = await desk.FindLookalikesAsync(probe, 50, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (DeskFailures.KindOf(ex, cancellationToken) is { } kind)
        {
            Log.DuplicateCheckSkipped(logger, kind, ex);
            return [];
        }

        return found
            .Where(t => (probe.SubServiceId is { } sub && t.SubServiceId == sub && t.CallerId == probe.CallerId) || TitleWords.AreClose(words, t.Title))
            .OrderByDescending(t => t.SubServiceId == probe.SubServiceId && t.CallerId == probe.CallerId)
            .ThenByDescending(t => TitleWords.Shared(words, t.Title))
            .ThenByDescending(t => t.Id)
            .Take(MaxShown)
            .ToList();
    }
}
