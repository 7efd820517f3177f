using System.Globalization;
using ChatOpsBot.Bot.Chats;
using ChatOpsBot.Bot.Localization;
using ChatOpsBot.Bot.Routing;
using ChatOpsBot.Bot.Subscriptions;
using ChatOpsBot.Bot.Turns;
using ChatOpsBot.Protocol;
using ChatOpsBot.Protocol.Proactive;
using Microsoft.Extensions.Options;

namespace ChatOpsBot.Bot.Digest;

/// <summary>
/// <c>/ticket résumé oui|non</c> (<c>digest on|off</c>): in a channel, its digest on or off (on once it has a
/// subscription); in a personal chat, the person's own digest (off until asked).
/// </summary>
public sealed class DigestCommands(DigestStore digests, SubscriptionStore subscriptions, UserGate gate, IOptions<DigestOptions> options)
{
    public async Task HandleAsync(TurnContext turn, BotCommand command, CultureInfo culture, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        ArgumentNullException.ThrowIfNull(command);
        var reply = await AnswerAsync(turn, command, culture, cancellationToken).ConfigureAwait(false);
        await turn.SendAsync(TextMessage.Markdown(reply), cancellationToken).ConfigureAwait(false);
    }

    private async Task<string> AnswerAsync(TurnContext turn, BotCommand command, CultureInfo culture, CancellationToken cancellationToken)
    {
        var at = options.Value.Time.ToString(@"hh\:mm", CultureInfo.InvariantCulture);
        if (Switch(command.Argument) is not { } on)
        {
            return BotText.Format("Digest_Usage", culture, at);
        }

        if (SubscriptionCommands.SharedConversationId(turn.Activity) is { } channel)
        {
            if (on && (await subscriptions.ListByConversationAsync(channel, cancellationToken).ConfigureAwait(false)).Count == 0)
            {
                return BotText.Get("Digest_ChannelNoSubscription", culture);
            }

            await digests.SetChannelAsync(channel, on, cancellationToken).ConfigureAwait(false);
            return BotText.Format(on ? "Digest_ChannelOn" : "Digest_ChannelOff", culture, at);
        }

        var (user, refusal) = await gate.IdentifyAsync(turn, culture, cancellationToken).ConfigureAwait(false);
        if (user is null)
        {
            return refusal!;
        }

        var conversationId = TeamsConversation.BaseConversationId(turn.Activity.Conversation?.Id ?? string.Empty);
        await digests.SetPersonAsync(new DigestTarget(conversationId, user.Person.Id, user.Person.FullName), on, cancellationToken).ConfigureAwait(false);
        return BotText.Format(on ? "Digest_PersonOn" : "Digest_PersonOff", culture, at);
    }

    private static bool? Switch(string argument) => argument.Trim().ToLowerInvariant() switch
    {
        "oui" or "on" or "activer" or "yes" => true,
        "non" or "off" or "désactiver" or "desactiver" or "no" => false,
        _ => null,
    };
}
