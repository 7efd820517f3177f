using System.Globalization;
using ChatOpsBot.Bot.Identity;
using ChatOpsBot.Bot.Rights;
using ChatOpsBot.Cards;
using ChatOpsBot.Cards.Layouts;
using ChatOpsBot.Cards.Localization;
using ChatOpsBot.Cards.Model;
using ChatOpsBot.Cards.ViewModels;
using ChatOpsBot.Tickets;
using ChatOpsBot.Tickets.Catalog;
using ChatOpsBot.Tickets.Lifecycle;
using ChatOpsBot.Tickets.Rules;
using ChatOpsBot.Tickets.People;
using ChatOpsBot.Tickets.Rights;
using Microsoft.Extensions.Options;
using TicketAction = ChatOpsBot.Cards.ViewModels.TicketAction;

namespace ChatOpsBot.Bot.Rendering;

/// <summary>Turns a ticket read from iTop into its card, with the buttons the viewer is allowed.</summary>
public sealed partial class TicketCardFactory(DeskDirectory directory, IOptions<RolesOptions> roles, IOptions<FormsOptions> forms, TimeProvider time)
{
    public async Task<AdaptiveCard> BuildAsync(TicketCardRequest request, CultureInfo culture, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var catalog = await directory.GetCatalogAsync(cancellationToken).ConfigureAwait(false);
        var teams = await directory.GetTeamsAsync(cancellationToken).ConfigureAwait(false);
        return TicketCard.Build(Model(request, catalog, teams, culture), culture);
    }

    internal TicketCardModel Model(TicketCardRequest request, ServiceCatalog catalog, IReadOnlyList<Team> teams, CultureInfo culture)
    {
        var ticket = request.Ticket;
        var brique = DeskDirectory.BriqueOf(catalog, ticket.ServiceId);
        var viewer = request.Viewer;
        IReadOnlyList<TicketAction> allowed = request.Actions ?? (viewer is null
            ? [TicketAction.Refresh]
            : TicketRights.Allowed(viewer.Roles, viewer.Person.Id, ticket, brique, request.ViewerOpened).Select(a => a.ToCard()).ToList());
        return new TicketCardModel
        {
            TicketId = ticket.Id.ToString(CultureInfo.InvariantCulture),
            Stamp = TicketStamp.Of(ticket),
            Ref = ticket.Ref,
            Title = ticket.Title,
            Status = CardStatus.Of(ticket.Status),
            Brique = brique ?? "—",
            Service = string.IsNullOrEmpty(ticket.ServiceName) ? "—" : ticket.ServiceName,
            SubService = NullIfEmpty(ticket.SubServiceName),
            Requester = string.IsNullOrEmpty(ticket.CallerName) ? "—" : ticket.CallerName,
            Organisation = ticket.OrgName,
            Team = NullIfEmpty(ticket.TeamName),
            Agent = NullIfEmpty(ticket.AgentName),
            SchoolReference = ticket.SchoolReference,
            Story = TicketStory.Of(ticket, time.GetUtcNow(), culture),
            Description = NullIfEmpty(ticket.Description),
            UserWords = ticket.UserWords,
            PendingReason = NullIfEmpty(ticket.PendingReason),
            Solution = NullIfEmpty(ticket.Solution),
            Created = ticket.StartDate is { } start ? CardFormat.Date(start, culture) : "—",
            Updated = ticket.LastUpdate is { } update ? CardFormat.Date(update, culture) : "—",
            PublicLog = Latest(ticket.PublicLog, culture, null),
            PrivateLog = viewer is not null && TicketRights.CanReadPrivate(viewer.Roles, viewer.Person.Id, ticket, brique)
                ? Latest(ticket.PrivateLog, culture, HoldShownAbove(ticket))
                : [],
            AllowedActions = allowed,
            OpenForm = request.OpenForm,
            Notice = request.Notice,
            NoticeTone = request.NoticeTone,
            Errors = request.Errors,
            RefreshUserIds = request.RefreshUserIds,
            Choices = Choices(request, catalog, teams, brique),
        };
    }

    private TicketFormChoices Choices(TicketCardRequest request, ServiceCatalog catalog, IReadOnlyList<Team> teams, string? brique)
    {
        var ticket = request.Ticket;
        var current = ticket.TeamId is { } teamId ? teams.FirstOrDefault(t => t.Id == teamId) : null;
        // The ticket's own team comes first (a hold resumed, an escalation kept), then the brique's intervenant teams.
        IReadOnlyList<Team> candidateTeams = current is null ? AssignableTeams(teams, brique) : [current, .. AssignableTeams(teams, brique).Where(t => t.Id != current.Id)];
        var picked = (request.PickedTeamId is { } id ? candidateTeams.FirstOrDefault(t => t.Id == id) : null) ?? (candidateTeams.Count > 0 ? candidateTeams[0] : null);
        var briqueId = ticket.ServiceId is { } sid ? catalog.FindService(sid)?.BriqueId : null;
        var services = catalog.Services
            .Where(s => (briqueId is null || s.BriqueId == briqueId) && catalog.IsCovered(ticket.OrgId, s.Id))
            .Select(s => Option(s.Id, s.Name))
            .ToList();
        var subServices = ticket.ServiceId is { } serviceId
            ? catalog.SelectableSubServicesOf(serviceId).Select(s => Option(s.Id, s.Name)).ToList()
            : [];
        return new TicketFormChoices
        {
            Teams = candidateTeams.Select(t => Option(t.Id, t.Name)).ToList(),
            SelectedTeam = picked is null ? null : Id(picked.Id),
            TeamAgents = picked is null ? [] : AgentOptions(picked),
            DependentChoices = forms.Value.DependentChoices,
            SelectedAgent = picked is not null && ticket.AgentId is { } agent && picked.HasMember(agent) ? Id(agent) : null,
            TicketType = ticket.RequestType,
            ReassignAgents = current?.Members.Where(m => m.PersonId != ticket.AgentId)
                .Select(m => Option(m.PersonId, m.FullName)).ToList() ?? [],
            Services = services,
            SelectedService = ticket.ServiceId is { } s1 ? Id(s1) : null,
            SubServices = subServices,
            SelectedSubService = ticket.SubServiceId is { } s2 ? Id(s2) : null,
        };
    }

    /// <summary>The agents offered for a team (the assign form, and its dependent list answered by <c>application/search</c>).</summary>
    internal static IReadOnlyList<ChoiceOption> AgentOptions(Team team) =>
        team.Members.Select(m => Option(m.PersonId, m.FullName)).ToList();

    /// <summary>The intervenant teams of the brique; every team that is not a school's support team when none is configured.</summary>
    internal IReadOnlyList<Team> AssignableTeams(IReadOnlyList<Team> teams, string? brique)
    {
        var options = roles.Value;
        if (brique is not null && options.BriqueTeams.TryGetValue(brique, out var names))
        {
            var configured = teams.Where(t => names.Contains(t.Name, StringComparer.OrdinalIgnoreCase)).ToList();
            if (configured.Count > 0)
            {
                return configured;
            }
        }

        return teams.Where(t => !t.Name.StartsWith(options.SupportTeamPrefix, StringComparison.OrdinalIgnoreCase)).ToList();
    }

    /// <summary>
    /// The entries the card shows, newest first (iTop lists them oldest first; same-second entries keep their order). The
    /// entry that put the ticket on hold repeats the reason the card shows under its own heading while it waits: there the
    /// entry keeps its first line (« Mis en attente. », who, when), the reason being read once.
    /// </summary>
    private static List<LogEntryView> Latest(IReadOnlyList<TicketLogEntry> log, CultureInfo culture, string? holdShownAbove) =>
        log.Reverse().OrderByDescending(e => e.Date).Take(CardLimits.LogEntriesShown)
            .Select(e => new LogEntryView(e.Author, CardFormat.Date(e.Date, culture), holdShownAbove is not null && RepeatsHold(e.Message, holdShownAbove) ? PendingLine : e.Message))
            .ToList();

    private static readonly string PendingLine = TicketTexts.LogLine(TicketStimulus.Pending.ToCode(), null);

    /// <summary>The hold reason the card shows (the layout's rule: on hold, with a reason), else null.</summary>
    private static string? HoldShownAbove(Ticket ticket) =>
        ticket.Status == TicketStatus.Pending && !string.IsNullOrWhiteSpace(ticket.PendingReason) ? ticket.PendingReason : null;

    /// <summary>The entry is the bot's line of the move on hold with that reason (line breaks and spaces aside: iTop's HTML keeps paragraphs, not blank lines).</summary>
    private static bool RepeatsHold(string message, string reason) =>
        Words(message) == Words(TicketTexts.LogLine(TicketStimulus.Pending.ToCode(), reason));

    private static string Words(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    private static ChoiceOption Option(int id, string title) => new(Id(id), title);

    private static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);

    private static string? NullIfEmpty(string value) => string.IsNullOrWhiteSpace(value) ? null : value;

}
