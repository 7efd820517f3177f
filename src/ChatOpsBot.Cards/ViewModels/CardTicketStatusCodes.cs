namespace ChatOpsBot.Cards.ViewModels;

/// <summary>Maps iTop's UserRequest <c>status</c> codes (e.g. <c>escalated_tto</c>) to <see cref="CardTicketStatus"/>.</summary>
public static class CardTicketStatusCodes
{
    public static bool TryParse(string? code, out CardTicketStatus status)
    {
        (var known, status) = code switch
        {
            "new" => (true, CardTicketStatus.New),
            "waiting_for_approval" => (true, CardTicketStatus.WaitingForApproval),
            "approved" => (true, CardTicketStatus.Approved),
            "rejected" => (true, CardTicketStatus.Rejected),
            "assigned" => (true, CardTicketStatus.Assigned),
            "pending" => (true, CardTicketStatus.Pending),
            "escalated_tto" => (true, CardTicketStatus.EscalatedTto),
            "escalated_ttr" => (true, CardTicketStatus.EscalatedTtr),
            "resolved" => (true, CardTicketStatus.Resolved),
            "closed" => (true, CardTicketStatus.Closed),
            _ => (false, default(CardTicketStatus)),
        };
        return known;
    }
}
