using ChatOpsBot.Tickets.Failures;
using ChatOpsBot.Tickets.Rules;
using Microsoft.Extensions.Logging;

namespace ChatOpsBot.Bot.Failures;

/// <summary>Tells the ticket store's failures (by kind) apart from a domain refusal or a cancelled turn.</summary>
public static class DeskFailures
{
    /// <summary>
    /// The kind of store failure, or null when <paramref name="exception"/> is not one: a domain refusal, the caller's own
    /// cancellation, a bug. Only the failures <see cref="Tickets.ITicketDesk"/> declares count
    /// (<see cref="TicketDeskException"/>, which the adapter makes of every transport failure): an HTTP or socket
    /// failure reaching this far is not the store's (e.g. the Connector's) and is not told as iTop's.
    /// </summary>
    public static DeskFailureKind? KindOf(Exception exception, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(exception);
        return exception switch
        {
            TicketRuleException => null,
            OperationCanceledException when cancellationToken.IsCancellationRequested => null,
            TicketDeskException desk => desk.Kind,
            _ => exception.InnerException is { } inner ? KindOf(inner, cancellationToken) : null,
        };
    }

    /// <summary>True for failures where nothing is known to have been written because the store could not be reached.</summary>
    public static bool IsUnavailable(Exception exception, CancellationToken cancellationToken) =>
        KindOf(exception, cancellationToken) == DeskFailureKind.Unavailable;

    /// <summary>True for any failure of the store (unreachable, the bot's account refused, the request refused, an unexpected answer).</summary>
    public static bool IsDeskFailure(Exception exception, CancellationToken cancellationToken) =>
        KindOf(exception, cancellationToken) is not null;

    /// <summary>Logs a failure of <paramref name="operation"/>: the store unreachable as a warning, anything else as an error.</summary>
    public static void Log(ILogger logger, string operation, Exception exception, CancellationToken cancellationToken)
    {
        if (IsUnavailable(exception, cancellationToken))
        {
            Bot.Log.DeskUnavailable(logger, operation, exception);
        }
        else
        {
            Bot.Log.DeskFailed(logger, operation, exception);
        }
    }
}
