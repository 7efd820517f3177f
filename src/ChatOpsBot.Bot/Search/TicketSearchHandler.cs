using System.Globalization;
using ChatOpsBot.Bot.Failures;
using ChatOpsBot.Bot.Identity;
using ChatOpsBot.Bot.Localization;
using ChatOpsBot.Bot.Rendering;
using ChatOpsBot.Bot.Turns;
using ChatOpsBot.Protocol;
using ChatOpsBot.Protocol.MessageExtensions;
using ChatOpsBot.Tickets;
using Microsoft.Extensions.Logging;

namespace ChatOpsBot.Bot.Search;

/// <summary>
/// <c>composeExtension/query</c>: the tickets the user may see that match the text, one Teams page per iTop query
/// (catalog and teams come from the cache). An empty text lists the user's visible open tickets.
/// </summary>
public sealed class TicketSearchHandler(
    UserGate gate,
    ITicketDesk desk,
    DeskDirectory directory,
    TicketResults results,
    DeskFailureReplies failures,
    ILogger<TicketSearchHandler> logger)
{
    /// <summary>iTop's largest page for one query (the desk's own limit).</summary>
    private const int MaxItopPageSize = 100;

    /// <summary>Longer search texts are refused (Teams' own box stops far below).</summary>
    public const int MaxTextLength = 500;

    public async Task<InvokeResponse> HandleAsync(TurnContext turn, SearchQuery query, CultureInfo culture, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        ArgumentNullException.ThrowIfNull(query);
        if (query.Text.Length > MaxTextLength)
        {
            return MessageExtensionResult.Message(BotText.Format("Search_TooLong", culture, MaxTextLength, query.Text.Length));
        }

        var (user, refusal) = await gate.IdentifyAsync(turn, culture, cancellationToken).ConfigureAwait(false);
        if (user is null)
        {
            return MessageExtensionResult.Message(refusal!);
        }

        try
        {
            var catalog = await directory.GetCatalogAsync(cancellationToken).ConfigureAwait(false);
            var criteria = SearchTextParser.Parse(query.Text, catalog);
            var window = PageWindow.For(query.Skip, query.Count);
            if (window.Size > MaxItopPageSize)
            {
                return MessageExtensionResult.Results([]);
            }

            var page = await desk.FindTicketsAsync(ToQuery(criteria, user, catalog, window), cancellationToken).ConfigureAwait(false);
            var items = new List<MessageExtensionResult.Item>();
            foreach (var ticket in page.Items.Skip(window.Offset).Take(query.Count))
            {
                items.Add(await results.TicketAsync(ticket, user, culture, cancellationToken).ConfigureAwait(false));
            }

            return MessageExtensionResult.Results(items);
        }
        catch (Exception ex) when (DeskFailures.KindOf(ex, cancellationToken) is { } kind)
        {
            DeskFailures.Log(logger, "ticket search", ex, cancellationToken);
            return MessageExtensionResult.Message(failures.Text(kind, culture));
        }
    }

    internal static TicketQuery ToQuery(SearchCriteria criteria, BotUser user, Tickets.Catalog.ServiceCatalog catalog, PageWindow window)
    {
        var empty = criteria.Ref is null && criteria.Statuses is null && !criteria.Mine && criteria.OrgId is null
            && criteria.ServiceIds is null && criteria.Words.Count == 0;
        return new TicketQuery
        {
            Ref = criteria.Ref,
            // Nothing asked: the open tickets, the ones people look for.
            Statuses = empty ? Enum.GetValues<TicketStatus>().Where(s => s.IsOngoing()).ToList() : criteria.Statuses,
            InvolvedPersonId = criteria.Mine ? user.Person.Id : null,
            OrgId = criteria.OrgId,
            ServiceIds = criteria.ServiceIds,
            Words = criteria.Words,
            VisibleTo = SearchScope.Of(user, catalog),
            Page = window.Page,
            PageSize = window.Size,
        };
    }
}
