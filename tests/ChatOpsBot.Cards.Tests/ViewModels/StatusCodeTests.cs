using ChatOpsBot.Cards.ViewModels;

namespace ChatOpsBot.Cards.Tests.ViewModels;

public class StatusCodeTests
{
    [Theory]
    [InlineData("new", CardTicketStatus.New)]
    [InlineData("waiting_for_approval", CardTicketStatus.WaitingForApproval)]
    [InlineData("approved", CardTicketStatus.Approved)]
    [InlineData("rejected", CardTicketStatus.Rejected)]
    [InlineData("assigned", CardTicketStatus.Assigned)]
    [InlineData("pending", CardTicketStatus.Pending)]
    [InlineData("escalated_tto", CardTicketStatus.EscalatedTto)]
    [InlineData("escalated_ttr", CardTicketStatus.EscalatedTtr)]
    [InlineData("resolved", CardTicketStatus.Resolved)]
    [InlineData("closed", CardTicketStatus.Closed)]
    public void Itop_status_code_maps_to_the_card_status(string code, CardTicketStatus expected)
    {
        Assert.True(CardTicketStatusCodes.TryParse(code, out var status));
        Assert.Equal(expected, status);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("Closed")]
    [InlineData("dispatched")]
    public void Unknown_code_is_refused(string? code)
    {
        Assert.False(CardTicketStatusCodes.TryParse(code, out _));
    }
}
