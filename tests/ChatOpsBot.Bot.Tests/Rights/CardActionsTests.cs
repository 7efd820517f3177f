using ChatOpsBot.Bot.Rights;
using CardAction = ChatOpsBot.Cards.ViewModels.TicketAction;
using DomainAction = ChatOpsBot.Tickets.Rights.TicketAction;

namespace ChatOpsBot.Bot.Tests.Rights;

public sealed class CardActionsTests
{
    [Fact]
    public void Every_right_is_its_namesake_button_and_back()
    {
        Assert.Equal(Enum.GetNames<DomainAction>().Order(), Enum.GetNames<CardAction>().Order());
        Assert.All(Enum.GetValues<DomainAction>(), a => Assert.Equal(a.ToString(), a.ToCard().ToString()));
        Assert.All(Enum.GetValues<CardAction>(), a => Assert.Equal(a, a.ToDomain().ToCard()));
    }
}
