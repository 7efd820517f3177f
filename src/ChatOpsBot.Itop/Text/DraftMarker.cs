using System.Text.RegularExpressions;

namespace ChatOpsBot.Itop.Text;

/// <summary>
/// The private-log line that marks a ticket created from a bot draft: iTop has no idempotency key, so a creation that was
/// interrupted is found again by this line (<c>ItopTicketDesk.FindTicketByOriginAsync</c>). It is the bot's bookkeeping,
/// of no use to a colleague: the entries read back from iTop leave it out (<see cref="Remove"/>).
/// </summary>
public static partial class DraftMarker
{
    public static string Line(string marker) => "Ticket ouvert depuis Teams (brouillon " + marker + ")";

    /// <summary>The text without the marker line (and the blank line before it); any other text as it was.</summary>
    public static string Remove(string text) =>
        string.IsNullOrEmpty(text) ? text : Marker().Replace(text, string.Empty).TrimEnd();

    [GeneratedRegex(@"\s*Ticket ouvert depuis Teams \(brouillon [^()\r\n]*\)[ \t]*", RegexOptions.CultureInvariant)]
    private static partial Regex Marker();
}
