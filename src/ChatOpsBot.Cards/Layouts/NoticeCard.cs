using System.Globalization;
using ChatOpsBot.Cards.Localization;
using ChatOpsBot.Cards.Model;
using ChatOpsBot.Cards.ViewModels;
using static ChatOpsBot.Cards.Layouts.CardParts;

namespace ChatOpsBot.Cards.Layouts;

/// <summary>A plain message (information), optionally with a Retry button.</summary>
public static class NoticeCard
{
    public static AdaptiveCard Build(NoticeCardModel model, CultureInfo? culture = null) =>
        Render(model, CardCulture.Resolve(culture), ContainerStyle.Emphasis, "Notice_DefaultTitle");

    internal static AdaptiveCard Render(NoticeCardModel model, CultureInfo c, ContainerStyle style, string defaultTitleKey)
    {
        ArgumentNullException.ThrowIfNull(model);
        var body = new List<CardElement>
        {
            new Container
            {
                Style = style,
                Items =
                [
                    new TextBlock(model.Title ?? CardText.Get(defaultTitleKey, c)) { Weight = TextWeight.Bolder, Wrap = true },
                    Paragraph(model.Message),
                ],
            },
        };
        if (model.RetryDraftId is not null)
        {
            body.Add(Actions(Execute(
                CardText.Get("Action_Retry", c),
                new CardActionData(CardVerbs.RetryCreate) { DraftId = model.RetryDraftId },
                style: ActionStyle.Positive)));
        }

        return Card(body);
    }
}
