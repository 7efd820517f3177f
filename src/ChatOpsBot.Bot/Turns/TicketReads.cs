using System.Globalization;
using ChatOpsBot.Bot.Failures;
using ChatOpsBot.Bot.Localization;
using ChatOpsBot.Tickets;
using Microsoft.Extensions.Logging;

namespace ChatOpsBot.Bot.Turns;

/// <summary>Reads the ticket a card or command is about: the ticket, or the message to answer instead (iTop unreachable, no such ticket).</summary>
public static class TicketReads
{
    /// <param name="read">The read itself (e.g. wrapped in the typing indicator).</param>
    /// <param name="key">The ticket as the user named it, for the "not found" message.</param>
    /// <param name="what">What was being done, for the log.</param>
    public static async Task<(Ticket? Ticket, CardActionResult? Failure)> ReadAsync(
        Func<CancellationToken, Task<Ticket?>> read, string key, string what, ILogger logger, CultureInfo culture, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(read);
        try
        {
            return await read(cancellationToken).ConfigureAwait(false) is { } ticket
                ? (ticket, null)
                : (null, CardActionResult.Text(BotText.Format("Error_TicketNotFound", culture, key)));
        }
        catch (Exception ex) when (DeskFailures.IsUnavailable(ex, cancellationToken))
        {
            Log.DeskUnavailable(logger, what, ex);
            return (null, CardActionResult.Text(BotText.Get("Error_ItopUnavailable", culture)));
        }
    }
}
