using System.Globalization;
using ChatOpsBot.Bot.Turns;
using ChatOpsBot.Bot.Identity;
using ChatOpsBot.Bot.Localization;
using ChatOpsBot.Bot.Subscriptions;
using ChatOpsBot.Cards;
using ChatOpsBot.Cards.Layouts;
using ChatOpsBot.Cards.Model;
using ChatOpsBot.Cards.ViewModels;
using ChatOpsBot.Protocol;

namespace ChatOpsBot.Bot.Commands;

/// <summary>
/// <c>/ticket notifications</c>: the card of the reader's personal notices, one toggle per <see cref="NoticeKind"/>, and
/// its Save. Set in the personal chat only (where the notices go); a toggle the click does not carry is left as it was.
/// </summary>
public sealed class NoticePreferencesHandler(NoticePreferenceStore preferences, UserGate gate) : ICardActionHandler
{
    public async Task ShowAsync(TurnContext turn, CultureInfo culture, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        if (SubscriptionCommands.SharedConversationId(turn.Activity) is not null)
        {
            await turn.SendAsync(TextMessage.Markdown(BotText.Get("Prefs_NeedPersonal", culture)), cancellationToken).ConfigureAwait(false);
            return;
        }

        var (user, refusal) = await gate.IdentifyAsync(turn, culture, cancellationToken).ConfigureAwait(false);
        if (user is null)
        {
            await turn.SendAsync(TextMessage.Markdown(refusal!), cancellationToken).ConfigureAwait(false);
            return;
        }

        var muted = await preferences.GetMutedAsync(user.Person.Id, cancellationToken).ConfigureAwait(false);
        await turn.SendAsync(CardMessage.Of(Card(muted, null, culture)), cancellationToken).ConfigureAwait(false);
    }

    public async Task<CardActionResult> HandleAsync(TurnContext turn, CardActionInput input, BotUser user, CultureInfo culture, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(user);
        var wanted = Enum.GetValues<NoticeKind>()
            .Where(k => input.Get(CardInputIds.NoticePrefix + k) is not null)
            .ToDictionary(k => k, k => input.GetBool(CardInputIds.NoticePrefix + k));
        var muted = await preferences.SetAsync(user.Person.Id, wanted, cancellationToken).ConfigureAwait(false);
        return CardActionResult.Show(Card(muted, BotText.Get("Prefs_Saved", culture), culture));
    }

    private static AdaptiveCard Card(IReadOnlySet<NoticeKind> muted, string? saved, CultureInfo culture) => NoticePreferencesCard.Build(
        new NoticePreferencesModel
        {
            Toggles = [.. Enum.GetValues<NoticeKind>().Select(k => new NoticeToggle(k.ToString(), !muted.Contains(k)))],
            Saved = saved,
        },
        culture);
}
