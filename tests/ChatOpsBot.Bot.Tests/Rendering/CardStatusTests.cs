using ChatOpsBot.Bot.Rendering;
using ChatOpsBot.Cards.ViewModels;
using ChatOpsBot.Tickets;

namespace ChatOpsBot.Bot.Tests.Rendering;

public sealed class CardStatusTests
{
    [Fact]
    public void Every_status_of_the_domain_has_the_card_status_of_the_same_name_and_every_card_status_is_reached()
    {
        var mapped = Enum.GetValues<TicketStatus>().Select(s => (Domain: s, Card: CardStatus.Of(s))).ToList();
        Assert.All(mapped, m => Assert.Equal(m.Domain.ToString(), m.Card.ToString()));
        Assert.Equal(Enum.GetValues<CardTicketStatus>().Order(), mapped.Select(m => m.Card).Order());
    }

    [Fact]
    public void A_status_the_cards_do_not_know_is_refused_not_shown_as_another()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => CardStatus.Of((TicketStatus)99));
    }
}
