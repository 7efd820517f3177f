using System.Diagnostics.CodeAnalysis;

namespace ChatOpsBot.Tickets;

/// <summary>Maps <see cref="TicketStatus"/> to and from iTop's status codes (<c>new</c>, <c>escalated_tto</c>…).</summary>
public static class TicketStatusCodes
{
    private static readonly Dictionary<TicketStatus, string> Codes = new()
    {
        [TicketStatus.New] = "new",
        [TicketStatus.WaitingForApproval] = "waiting_for_approval",
        [TicketStatus.Approved] = "approved",
        [TicketStatus.Rejected] = "rejected",
        [TicketStatus.Assigned] = "assigned",
        [TicketStatus.Pending] = "pending",
        [TicketStatus.EscalatedTto] = "escalated_tto",
        [TicketStatus.EscalatedTtr] = "escalated_ttr",
        [TicketStatus.Resolved] = "resolved",
        [TicketStatus.Closed] = "closed",
    };

    private static readonly Dictionary<string, TicketStatus> ByCode =
        Codes.ToDictionary(p => p.Value, p => p.Key, StringComparer.Ordinal);

    /// <summary>The iTop code of a status.</summary>
    public static string ToCode(this TicketStatus status) => Codes[status];

    /// <summary>Parses an iTop status code.</summary>
    public static bool TryParse(string? code, [NotNullWhen(true)] out TicketStatus? status)
    {
        if (code is not null && ByCode.TryGetValue(code, out var s))
        {
            status = s;
            return true;
        }

        status = null;
        return false;
    }

    /// <summary>Parses an iTop status code or throws <see cref="FormatException"/>.</summary>
    public static TicketStatus Parse(string code) =>
        TryParse(code, out var s) ? s.Value : throw new FormatException($"Unknown iTop status code '{code}'.");

    /// <summary>States whose <c>operational_status</c> is not <c>closed</c>/<c>resolved</c>.</summary>
    public static bool IsOngoing(this TicketStatus status) =>
        status is not (TicketStatus.Resolved or TicketStatus.Closed or TicketStatus.Rejected);
}
