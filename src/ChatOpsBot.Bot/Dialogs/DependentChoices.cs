using System.Globalization;
using ChatOpsBot.Bot.Turns;
using ChatOpsBot.Bot.Identity;
using ChatOpsBot.Bot.Localization;
using ChatOpsBot.Cards;
using ChatOpsBot.Protocol;
using ChatOpsBot.Protocol.DataQueries;
using ChatOpsBot.Tickets.Catalog;

namespace ChatOpsBot.Bot.Dialogs;

/// <summary>
/// Answers Teams' <c>application/search</c> for the cards' dependent choice sets (<see cref="CardDatasets"/>): the
/// services of the brique the form holds, the sub-services of its service, the agents of the team the assign form holds.
/// From the cached catalog and teams (no iTop request), only what the asker's form could list, filtered by what they
/// type (accents and case aside), at most 15 a page.
/// </summary>
public sealed class DependentChoices(DeskDirectory directory, UserGate gate)
{
    public async Task<InvokeResponse> AnswerAsync(TurnContext turn, CultureInfo culture, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        if (ChoiceQuery.From(turn.Activity) is not { } query || !CardDatasets.All.Contains(query.Dataset, StringComparer.Ordinal))
        {
            return InvokeResponse.BadRequest("BadRequest", BotText.Get("Error_BadCard", culture));
        }

        var (user, _) = await gate.IdentifyAsync(turn, culture, cancellationToken).ConfigureAwait(false);
        if (user is null)
        {
            return InvokeResponse.Choices([]);
        }

        var catalog = await directory.GetCatalogAsync(cancellationToken).ConfigureAwait(false);
        IEnumerable<ChoiceResult> choices = query.Dataset switch
        {
            CardDatasets.Services => Id(query.Input(CardInputIds.Brique)) is { } brique
                ? catalog.Services.Where(s => s.BriqueId == brique && Covers(user, catalog, s.Id)).Select(s => Choice(s.Name, s.Id))
                : [],
            CardDatasets.SubServices => Id(query.Input(CardInputIds.Service)) is { } service && Covers(user, catalog, service)
                ? catalog.SelectableSubServicesOf(service).Select(s => Choice(s.Name, s.Id))
                : [],
            _ => await AgentsAsync(user, Id(query.Input(CardInputIds.AssignTeam)), cancellationToken).ConfigureAwait(false),
        };
        var typed = TextFold.Fold(query.Text);
        return InvokeResponse.Choices(choices
            .Where(c => typed.Length == 0 || TextFold.Fold(c.Title).Contains(typed, StringComparison.Ordinal))
            .Skip(query.Skip)
            .Take(query.Top));
    }

    /// <summary>Only those who may assign (the group desk, intervenants) are told who is in a team.</summary>
    private async Task<IEnumerable<ChoiceResult>> AgentsAsync(BotUser user, int? teamId, CancellationToken cancellationToken)
    {
        if (teamId is null || !(user.Roles.IsGroupDesk || user.Roles.IsAdmin || user.Roles.IsIntervenant))
        {
            return [];
        }

        var teams = await directory.GetTeamsAsync(cancellationToken).ConfigureAwait(false);
        return teams.FirstOrDefault(t => t.Id == teamId) is { } team
            ? Rendering.TicketCardFactory.AgentOptions(team).Select(o => new ChoiceResult(o.Title, o.Value))
            : [];
    }

    /// <summary>The form lists the services of the opener's school; a group opener (C2IP) opens for any school.</summary>
    private static bool Covers(BotUser user, ServiceCatalog catalog, int serviceId)
    {
        if (user.Roles.IsGroupOpener)
        {
            return catalog.FindService(serviceId) is not null;
        }

        var orgId = user.Roles.SupportOrgIds.Count > 0 ? user.Roles.SupportOrgIds[0] : user.Person.OrgId;
        return catalog.IsCovered(orgId, serviceId);
    }

    private static ChoiceResult Choice(string title, int id) => new(title, id.ToString(CultureInfo.InvariantCulture));

    private static int? Id(string? value) => FormModelFactory.Parse(value);
}
