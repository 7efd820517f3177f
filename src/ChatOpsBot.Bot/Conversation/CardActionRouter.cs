using System.Collections.Frozen;
using System.Globalization;
using ChatOpsBot.Bot.Failures;
using ChatOpsBot.Bot.Localization;
using ChatOpsBot.Bot.Turns;
using ChatOpsBot.Protocol;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ChatOpsBot.Bot.Conversation;

/// <summary>Sends a card action to the one handler its route has in <see cref="CardVerbTable"/>.</summary>
public sealed class CardActionRouter(
    UserGate gate,
    IServiceProvider services,
    DeskFailureReplies failures,
    ILogger<CardActionRouter> logger)
{
    private static readonly FrozenDictionary<CardRoute, Type> Handlers = CardVerbTable.Index(CardVerbTable.Routes);

    /// <summary>
    /// The handler's answer; when the ticket store failed and the handler did not say so itself (e.g. iTop refusing the
    /// bot's account on a read), a message saying what happened, the clicked card staying as it was.
    /// </summary>
    public async Task<CardActionResult> RouteAsync(TurnContext turn, CardActionInput input, CultureInfo culture, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        ArgumentNullException.ThrowIfNull(input);
        try
        {
            return await DispatchAsync(turn, input, culture, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (DeskFailures.KindOf(ex, cancellationToken) is { } kind)
        {
            DeskFailures.Log(logger, input.Verb, ex, cancellationToken);
            return CardActionResult.Text(failures.Text(kind, culture));
        }
    }

    private async Task<CardActionResult> DispatchAsync(TurnContext turn, CardActionInput input, CultureInfo culture, CancellationToken cancellationToken)
    {
        if (InputLimits.Refusal(input, culture) is { } tooLong)
        {
            return CardActionResult.Text(tooLong);
        }

        var (user, refusal) = await gate.IdentifyAsync(turn, culture, cancellationToken).ConfigureAwait(false);
        if (user is null)
        {
            return CardActionResult.Text(refusal!);
        }

        if (!Handlers.TryGetValue(CardRoute.Of(input), out var handler))
        {
            Log.ActionRefused(logger, input.Verb, "no handler for this card route");
            return CardActionResult.Text(BotText.Get("Error_BadCard", culture));
        }

        var handle = (ICardActionHandler)services.GetRequiredService(handler);
        return await handle.HandleAsync(turn, input, user, culture, cancellationToken).ConfigureAwait(false);
    }
}
