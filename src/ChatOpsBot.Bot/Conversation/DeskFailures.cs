using System.Globalization;
using ChatOpsBot.Bot.Localization;
using ChatOpsBot.Cards.Localization;
using ChatOpsBot.Cards.ViewModels;
using ChatOpsBot.Tickets.Rules;

namespace ChatOpsBot.Bot.Conversation;

/// <summary>Tells "iTop could not be reached" apart from a refusal or a cancelled turn.</summary>
public static class DeskFailures
{
    /// <summary>
    /// True for failures where nothing is known to have been written: the desk adapter's "unavailable" exception,
    /// HTTP and socket failures, timeouts. Domain refusals and the caller's own cancellation are not.
    /// </summary>
    public static bool IsUnavailable(Exception exception, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(exception);
        return exception switch
        {
            TicketRuleException => false,
            OperationCanceledException when cancellationToken.IsCancellationRequested => false,
            HttpRequestException or TimeoutException or OperationCanceledException or System.Net.Sockets.SocketException => true,
            _ when exception.GetType().Name.EndsWith("UnavailableException", StringComparison.Ordinal) => true,
            _ => exception.InnerException is { } inner && IsUnavailable(inner, cancellationToken),
        };
    }

    /// <summary>What a card says when a write failed: the domain's reason, "iTop unavailable", or a generic failure.</summary>
    public static string Notice(Exception exception, CultureInfo culture, CancellationToken cancellationToken) =>
        exception is TicketRuleException rule ? rule.Reason(culture)
        : IsUnavailable(exception, cancellationToken) ? CardText.Notice(CardNotice.ItopUnavailable, culture)
        : BotText.Get("Error_ActionFailed", culture);
}
