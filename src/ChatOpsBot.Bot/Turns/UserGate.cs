using System.Globalization;
using ChatOpsBot.Bot.Failures;
using ChatOpsBot.Bot.Identity;
using ChatOpsBot.Bot.Localization;
using ChatOpsBot.Protocol;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChatOpsBot.Bot.Turns;

/// <summary>Identifies the user of a turn, or says (in their language) why they cannot go further.</summary>
public sealed class UserGate(
    IdentityResolver resolver,
    IOptions<IdentityOptions> options,
    Chats.ConversationReferenceStore references,
    DeskFailureReplies failures,
    ILogger<UserGate> logger)
{
    /// <summary>The user, or the message to show instead.</summary>
    public async Task<(BotUser? User, string? Refusal)> IdentifyAsync(TurnContext turn, CultureInfo culture, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        try
        {
            var result = await resolver.ResolveAsync(turn.Activity, turn.Connector, cancellationToken).ConfigureAwait(false);
            if (result.User is { } known)
            {
                // Approvals reach approvers proactively through the personal chat (captured by TeamsBot) linked to their iTop Person.
                await references.LinkPersonAsync(turn.Activity, known.Person.Id, cancellationToken).ConfigureAwait(false);
            }

            return result.User is { } user
                ? (user, null)
                : (null, BotText.Format("Error_UnknownUser", culture, result.UnknownEmail ?? "?", options.Value.UnknownUserContact));
        }
        catch (Exception ex) when (DeskFailures.KindOf(ex, cancellationToken) is { } kind)
        {
            DeskFailures.Log(logger, "identification", ex, cancellationToken);
            return (null, failures.Text(kind, culture));
        }
    }
}
