using System.Globalization;
using ChatOpsBot.Bot.Identity;
using ChatOpsBot.Bot.Rendering;
using ChatOpsBot.Bot.Rights;
using ChatOpsBot.Bot.Turns;
using ChatOpsBot.Cards;
using ChatOpsBot.Cards.Localization;
using ChatOpsBot.Cards.ViewModels;
using ChatOpsBot.Tickets;
using ChatOpsBot.Tickets.Lifecycle;
using ChatOpsBot.Tickets.Rights;
using ChatOpsBot.Tickets.Rules;
using TicketAction = ChatOpsBot.Cards.ViewModels.TicketAction;

namespace ChatOpsBot.Bot.Actions;

/// <summary>
/// One click of a ticket card, decided on the ticket as the desk read it under the ticket's write lock: may the clicker
/// see it and do this now, is the card the version they clicked (its stamp), are the inputs valid. It is the desk's
/// <see cref="TicketWritePlan"/>, so the read it checks is the only read and nothing can change the ticket between the
/// check and the write; N simultaneous clicks of one card make one write, the others find the card out of date.
/// </summary>
/// <param name="opened">The clicker opened the ticket for someone of the group (C2IP): they act as its school's support.</param>
public sealed class TicketClick(TicketAction action, CardActionInput input, BotUser user, bool opened, DeskDirectory directory, CultureInfo culture)
{
    /// <summary>Refresh and the team pick of the assign form only show the card.</summary>
    public bool Writes => action != TicketAction.Refresh && !string.Equals(input.Verb, CardVerbs.AssignPickTeam, StringComparison.Ordinal);

    /// <summary>The clicker opened the ticket for someone of the group.</summary>
    public bool Opened => opened;

    /// <summary>The ticket the decision was taken on (null until the desk has read it).</summary>
    public Ticket? Read { get; private set; }

    public string? Brique { get; private set; }

    /// <summary>False when the clicker may not even see the ticket.</summary>
    public bool Visible { get; private set; } = true;

    /// <summary>Why nothing was written, for the card's banner (not allowed, out of date, a rule of the domain).</summary>
    public string? Notice { get; private set; }

    /// <summary>For the log: why the click was refused.</summary>
    public string? Refusal { get; private set; }

    /// <summary>The sub-form to show again (with <see cref="Errors"/>) or to open (the assign form after its team is picked).</summary>
    public TicketAction? OpenForm { get; private set; }

    public IReadOnlyDictionary<string, string> Errors { get; private set; } = new Dictionary<string, string>();

    public async Task<TicketWrite?> PlanAsync(Ticket current, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(current);
        Read = current;
        var catalog = await directory.GetCatalogAsync(cancellationToken).ConfigureAwait(false);
        Brique = DeskDirectory.BriqueOf(catalog, current.ServiceId);
        if (!TicketRights.CanView(user.Roles, user.Person.Id, current, Brique, opened))
        {
            Visible = false;
            return Refuse("cannot see the ticket", null);
        }

        if (action == TicketAction.Refresh)
        {
            return null;
        }

        // Closing or reopening rests on the resolution only: a comment since the card (or the notice) does not make it stale.
        var stale = action is TicketAction.Close or TicketAction.Reopen
            ? !TicketStamp.SameDecision(input.Data.Stamp, current)
            : !string.Equals(input.Data.Stamp, TicketStamp.Of(current), StringComparison.Ordinal);
        if (!TicketRights.IsAllowed(action.ToDomain(), user.Roles, user.Person.Id, current, Brique, opened))
        {
            return stale
                ? Refuse("stale card, not allowed now", CardText.Notice(CardNotice.OutOfDate, culture))
                : Refuse("not allowed", CardText.Notice(CardNotice.NotAllowed, culture));
        }

        if (!Writes)
        {
            OpenForm = TicketAction.Assign;
            return null;
        }

        if (stale)
        {
            return Refuse("stale card", CardText.Notice(CardNotice.OutOfDate, culture));
        }

        try
        {
            var teams = await directory.GetTeamsAsync(cancellationToken).ConfigureAwait(false);
            var planned = TicketWriter.Plan(action, input, current, user, Brique, catalog, teams, culture);
            if (planned.Write is null)
            {
                OpenForm = action;
                Errors = planned.Errors;
            }

            return planned.Write;
        }
        catch (TicketRuleException ex)
        {
            return Refuse(ex.Code.ToString(), ex.Reason(culture));
        }
    }

    private TicketWrite? Refuse(string why, string? notice)
    {
        Refusal = why;
        Notice = notice;
        return null;
    }
}
