using System.Globalization;
using ChatOpsBot.Bot.Rendering;
using ChatOpsBot.Tickets;

namespace ChatOpsBot.Bot.Tests.Rendering;

public sealed class TicketStoryTests
{
    private static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr-FR");
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-US");
    private static readonly DateTimeOffset Now = new(2026, 12, 3, 10, 0, 0, TimeSpan.Zero);

    private static Ticket Ticket(TicketStatus status) => new()
    {
        Id = 1, Ref = "R-000001", Title = "t", Status = status, OrgId = 3,
        StartDate = Now.AddHours(-5), LastUpdate = Now.AddDays(-2).AddHours(-3),
    };

    public static TheoryData<Ticket, string, string> Stories() => new()
    {
        { Ticket(TicketStatus.New), "Nouveau depuis 5 heures, à qualifier par le support groupe", "New for 5 hours, to be qualified by the group desk" },
        { Ticket(TicketStatus.WaitingForApproval) with { ApproverName = "Hélène Dechelette" }, "En attente de Hélène Dechelette depuis 2 jours", "Waiting for Hélène Dechelette to approve, for 2 days" },
        { Ticket(TicketStatus.WaitingForApproval), "En attente d'approbation par le bureau du groupe depuis 2 jours (aucun approbateur désigné)", "Waiting for the group desk to approve, for 2 days (no approver named)" },
        { Ticket(TicketStatus.Assigned) with { AgentName = "Hamid Le Fleurier", TeamName = "Intervenants Moodle", AssignmentDate = Now.AddMinutes(-1) }, "Assigné à Hamid Le Fleurier (équipe Intervenants Moodle) depuis 1 minute", "Assigned to Hamid Le Fleurier (team Intervenants Moodle) for 1 minute" },
        { Ticket(TicketStatus.Assigned) with { TeamName = "Intervenants Moodle", AssignmentDate = Now.AddHours(-1) }, "Confié à l'équipe Intervenants Moodle depuis 1 heure, agent à désigner", "With team Intervenants Moodle for 1 hour, no agent yet" },
        { Ticket(TicketStatus.Pending) with { LastPendingDate = Now.AddDays(-3) }, "En attente du demandeur depuis 3 jours", "Waiting for the requester for 3 days" },
        { Ticket(TicketStatus.Resolved) with { ResolutionDate = Now.AddDays(-1) }, "Résolu depuis 1 jour, en attente de clôture par l'établissement", "Resolved 1 day ago, waiting for the school to close it" },
        { Ticket(TicketStatus.Closed) with { CloseDate = new DateTimeOffset(2026, 11, 30, 15, 20, 0, TimeSpan.Zero) }, "Clôturé le 30/11/2026 16:20 (heure de Paris)", "Closed on 30 Nov 2026, 16:20 (Paris time)" },
    };

    [Theory]
    [MemberData(nameof(Stories))]
    public void Each_state_says_who_acts_next_and_since_when_in_both_languages(Ticket ticket, string french, string english)
    {
        Assert.Equal(french, TicketStory.Of(ticket, Now, French));
        Assert.Equal(english, TicketStory.Of(ticket, Now, English));
    }

    [Theory]
    [InlineData(0, "1 minute", "1 minute")]
    [InlineData(59 * 60, "59 minutes", "59 minutes")]
    [InlineData(2 * 3600, "2 heures", "2 hours")]
    [InlineData(47 * 3600, "1 jour", "1 day")]
    [InlineData(10 * 86400, "10 jours", "10 days")]
    public void Durations_are_counted_in_the_largest_whole_unit_with_plurals(int seconds, string french, string english)
    {
        Assert.Equal(french, TicketStory.Duration(TimeSpan.FromSeconds(seconds), French));
        Assert.Equal(english, TicketStory.Duration(TimeSpan.FromSeconds(seconds), English));
    }

    [Fact]
    public void A_date_in_the_future_counts_as_now() =>
        Assert.Equal("En attente du demandeur depuis 1 minute", TicketStory.Of(Ticket(TicketStatus.Pending) with { LastPendingDate = Now.AddMinutes(5) }, Now, French));
}
