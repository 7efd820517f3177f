using System.Globalization;
using ChatOpsBot.Bot.Commands;
using ChatOpsBot.Bot.Identity;
using ChatOpsBot.Bot.Turns;
using ChatOpsBot.Cards.Model;
using ChatOpsBot.Cards.ViewModels;
using ChatOpsBot.Protocol;

namespace ChatOpsBot.Bot.Conversation;

/// <summary>The ticket list's "previous" / "next": the requested page of the same list.</summary>
public sealed class TicketListPageHandler(TicketListBuilder lists) : ICardActionHandler
{
    public async Task<CardActionResult> HandleAsync(TurnContext turn, CardActionInput input, BotUser user, CultureInfo culture, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var scope = input.Data.Scope == CardActionData.TeamScope ? TicketListScope.Team : TicketListScope.Mine;
        return CardActionResult.Show(await lists.BuildAsync(user, scope, input.Data.Page ?? 1, culture, cancellationToken).ConfigureAwait(false));
    }
}
