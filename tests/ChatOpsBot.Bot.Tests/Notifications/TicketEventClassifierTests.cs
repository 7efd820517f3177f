using ChatOpsBot.Bot.Notifications;
using ChatOpsBot.Tickets;

namespace ChatOpsBot.Bot.Tests.Notifications;

public sealed class TicketEventClassifierTests
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    private static Ticket Ticket(TicketStatus status, int? agent = null, DateTimeOffset? updated = null, params TicketLogEntry[] log) => new()
    {
        Id = 7,
        Ref = "R-000007",
        Title = "t",
        Status = status,
        OrgId = 3,
        AgentId = agent,
        StartDate = T0,
        LastUpdate = updated ?? T0,
        PublicLog = log,
    };

    [Theory]
    [InlineData(TicketStatus.New, TicketStatus.Assigned, TicketEventKind.Assigned)]
    [InlineData(TicketStatus.Assigned, TicketStatus.Pending, TicketEventKind.Pending)]
    [InlineData(TicketStatus.Pending, TicketStatus.Assigned, TicketEventKind.Assigned)]
    [InlineData(TicketStatus.Assigned, TicketStatus.Resolved, TicketEventKind.Resolved)]
    [InlineData(TicketStatus.Resolved, TicketStatus.Assigned, TicketEventKind.Reopened)]
    [InlineData(TicketStatus.Resolved, TicketStatus.Closed, TicketEventKind.Closed)]
    [InlineData(TicketStatus.New, TicketStatus.WaitingForApproval, TicketEventKind.ApprovalRequested)]
    [InlineData(TicketStatus.WaitingForApproval, TicketStatus.Approved, TicketEventKind.Approved)]
    [InlineData(TicketStatus.WaitingForApproval, TicketStatus.Rejected, TicketEventKind.Rejected)]
    public void A_status_change_gives_its_event(TicketStatus from, TicketStatus to, TicketEventKind expected)
    {
        var events = TicketEventClassifier.Classify(Ticket(from, 5), Ticket(to, 5, T0.AddMinutes(1)));
        Assert.Equal(expected, Assert.Single(events).Kind);
    }

    [Fact]
    public void New_tickets_reassignments_and_public_log_entries_are_classified_with_stable_ids()
    {
        Assert.Equal(TicketEventKind.Created, Assert.Single(TicketEventClassifier.Classify(null, Ticket(TicketStatus.New), T0.AddSeconds(-1))).Kind);
        Assert.Equal(TicketEventKind.Reassigned, Assert.Single(TicketEventClassifier.Classify(Ticket(TicketStatus.Assigned, 5), Ticket(TicketStatus.Assigned, 6, T0.AddMinutes(1)))).Kind);

        var entry = new TicketLogEntry(T0.AddMinutes(2), "rest-admin", "Bonjour", "<p>Bonjour</p>");
        var before = Ticket(TicketStatus.Assigned, 5);
        var after = Ticket(TicketStatus.Assigned, 5, T0.AddMinutes(2), entry);
        var first = Assert.Single(TicketEventClassifier.Classify(before, after));
        Assert.Equal(TicketEventKind.PublicLogEntry, first.Kind);
        Assert.Equal(entry, first.LogEntry);
        Assert.Equal(first.ChangeId, Assert.Single(TicketEventClassifier.Classify(before, after)).ChangeId);
        Assert.Empty(TicketEventClassifier.Classify(after, after));
    }

    [Fact]
    public void A_ticket_first_seen_long_after_its_creation_announces_its_state_not_a_creation()
    {
        var events = TicketEventClassifier.Classify(null, Ticket(TicketStatus.Resolved, 5, T0.AddDays(3)), T0.AddDays(2));
        Assert.Equal(TicketEventKind.Resolved, Assert.Single(events).Kind);
    }
}
