using System.Text.Json.Nodes;
using ChatOpsBot.Itop.Caching;
using ChatOpsBot.Itop.Oql;
using ChatOpsBot.Itop.Rest;
using ChatOpsBot.Itop.Text;
using ChatOpsBot.Tickets;
using ChatOpsBot.Tickets.Catalog;
using ChatOpsBot.Tickets.People;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChatOpsBot.Itop.Desk;

/// <summary>
/// <see cref="ITicketDesk"/> over iTop's REST API. Reads here; writes in ItopTicketDesk.Writes.cs.
/// </summary>
public sealed partial class ItopTicketDesk(
    ItopClient client,
    ItopReferenceData reference,
    ItopMapper mapper,
    ItopDates dates,
    KeyedAsyncLock<int> locks,
    ISharedTicketLock sharedLock,
    ITicketMoveLog moves,
    TimeProvider time,
    ItopAccount account,
    IOptions<ItopOptions> options,
    ILogger<ItopTicketDesk> logger) : ITicketDesk
{
    private const string UserRequest = "UserRequest";

    public async Task<Ticket?> GetTicketAsync(TicketKey key, CancellationToken cancellationToken)
    {
        var envelope = await client.GetAsync(UserRequest, KeyOf(key), ItopFields.Ticket, null, null, cancellationToken).ConfigureAwait(false);
        return envelope.Objects.Count == 1 ? mapper.ToTicket(envelope.Objects[0]) : null;
    }

    public async Task<Ticket?> FindTicketByOriginAsync(string originMarker, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(originMarker);
        var oql = OqlQuery.Format($"SELECT UserRequest WHERE private_log LIKE {new OqlLike(DraftMarker.Line(originMarker))}");
        var envelope = await client.GetAsync(UserRequest, oql, ItopFields.Ticket, 2, 1, cancellationToken).ConfigureAwait(false);
        return envelope.Objects.Select(mapper.ToTicket).MinBy(t => t.Id);
    }

    public async Task<TicketPage> FindTicketsAsync(TicketQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var conditions = TicketConditions.Of(query);
        var oql = "SELECT UserRequest" + (conditions.Count > 0 ? " WHERE " + string.Join(" AND ", conditions) : "");
        var page = Math.Max(1, query.Page);
        var size = Math.Clamp(query.PageSize, 1, 100);
        var envelope = await client.GetAsync(UserRequest, oql, ItopFields.Ticket, size, page, cancellationToken).ConfigureAwait(false);
        var items = envelope.Objects.Select(mapper.ToTicket).ToList();
        return new TicketPage(items, envelope.Total ?? items.Count, page, size);
    }

    public async Task<TicketChangePage> GetChangesSinceAsync(DateTimeOffset cursor, int page, int pageSize, CancellationToken cancellationToken)
    {
        var oql = OqlQuery.Format($"SELECT UserRequest WHERE last_update > {dates.ToItop(cursor)}");
        var p = Math.Max(1, page);
        var size = Math.Clamp(pageSize, 1, 500);
        var envelope = await client.GetAsync(UserRequest, oql, ItopFields.Ticket, size, p, cancellationToken).ConfigureAwait(false);
        var items = envelope.Objects.Select(mapper.ToTicket).OrderBy(t => t.LastUpdate).ThenBy(t => t.Id).ToList();
        return new TicketChangePage(items, envelope.Total ?? items.Count, p, size);
    }

    public Task<ServiceCatalog> GetCatalogAsync(CancellationToken cancellationToken) => reference.GetCatalogAsync(cancellationToken);

    public Task<IReadOnlyList<Team>> GetTeamsAsync(CancellationToken cancellationToken) => reference.GetTeamsAsync(cancellationToken);

    public async Task<IReadOnlyList<TeamMember>> GetTeamMembersAsync(int teamId, CancellationToken cancellationToken) =>
        (await reference.GetTeamsAsync(cancellationToken).ConfigureAwait(false)).FirstOrDefault(t => t.Id == teamId)?.Members ?? [];

    public Task<Person?> FindPersonByEmailAsync(string email, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(email);
        return reference.FindPersonByEmailAsync(email, cancellationToken);
    }

    public Task<Person?> GetPersonAsync(int personId, CancellationToken cancellationToken) => reference.GetPersonAsync(personId, cancellationToken);

    public async Task<IReadOnlyList<Person>> SearchPersonsAsync(int? orgId, string text, CancellationToken cancellationToken)
    {
        var like = new OqlLike((text ?? "").Trim());
        var match = OqlQuery.Format($"(name LIKE {like} OR first_name LIKE {like} OR email LIKE {like})");
        var oql = orgId is { } org
            ? OqlQuery.Format($"SELECT Person WHERE org_id = {org} AND ") + match
            : "SELECT Person WHERE " + match;
        var envelope = await client.GetAsync("Person", oql, ItopFields.Person, 50, 1, cancellationToken).ConfigureAwait(false);
        return envelope.Objects.Select(ItopMapper.ToPerson).OrderBy(p => p.FullName, StringComparer.Ordinal).ToList();
    }

    private static JsonNode KeyOf(TicketKey key) =>
        key.Id is { } id ? JsonValue.Create(id) : new JsonObject { ["ref"] = key.Ref ?? throw new ArgumentException("Empty ticket key.", nameof(key)) };
}
