using System.Globalization;
using ChatOpsBot.Bot.Turns;
using ChatOpsBot.Bot.Identity;
using ChatOpsBot.Bot.Localization;
using ChatOpsBot.Bot.Subscriptions;
using ChatOpsBot.Cards;
using ChatOpsBot.Cards.Layouts;
using ChatOpsBot.Cards.Localization;
using ChatOpsBot.Cards.Model;
using ChatOpsBot.Cards.ViewModels;
using ChatOpsBot.Protocol;

namespace ChatOpsBot.Bot.Commands;

/// <summary>
/// <c>/ticket notifications</c>: the card of the reader's personal notices, one toggle per <see cref="NoticeKind"/> that
/// can reach them (<see cref="NoticeAudience"/>), and its Save. Set in the personal chat only (where the notices go); a
/// toggle the click does not carry is left as it was, a kind the reader is not shown is refused.
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
        await turn.SendAsync(CardMessage.Of(Card(NoticeAudience.For(user.Roles), muted, null, culture)), cancellationToken).ConfigureAwait(false);
    }

    public async Task<CardActionResult> HandleAsync(TurnContext turn, CardActionInput input, BotUser user, CultureInfo culture, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(user);
        var shown = NoticeAudience.For(user.Roles);
        var wanted = Enum.GetValues<NoticeKind>()
            .Where(k => input.Get(CardInputIds.NoticePrefix + k) is not null)
            .ToDictionary(k => k, k => input.GetBool(CardInputIds.NoticePrefix + k));
        if (wanted.Keys.Where(k => !shown.Contains(k)).Select(k => (NoticeKind?)k).FirstOrDefault() is { } hidden)
        {
            // Only a forged (or very old) card carries a kind this person is not shown: nothing is saved.
            var current = await preferences.GetMutedAsync(user.Person.Id, cancellationToken).ConfigureAwait(false);
            var refused = BotText.Format("Prefs_NotYours", culture, CardText.Get("Notices_" + hidden, culture));
            return CardActionResult.Show(Card(shown, current, null, culture, refused));
        }

        var muted = await preferences.SetAsync(user.Person.Id, wanted, cancellationToken).ConfigureAwait(false);
        return CardActionResult.Show(Card(shown, muted, BotText.Get("Prefs_Saved", culture), culture));
    }

    private static AdaptiveCard Card(IReadOnlyList<NoticeKind> shown, IReadOnlySet<NoticeKind> muted, string? saved, CultureInfo culture, string? refused = null) =>
        NoticePreferencesCard.Build(
            new NoticePreferencesModel
            {
                Toggles = [.. shown.Select(k => new NoticeToggle(k.ToString(), !muted.Contains(k)))],
                Saved = saved,
                Refused = refused,
            },
            culture);
}
