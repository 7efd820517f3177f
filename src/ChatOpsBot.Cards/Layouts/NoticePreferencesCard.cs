using System.Globalization;
using ChatOpsBot.Cards.Localization;
using ChatOpsBot.Cards.Model;
using ChatOpsBot.Cards.ViewModels;
using static ChatOpsBot.Cards.Layouts.CardParts;

namespace ChatOpsBot.Cards.Layouts;

/// <summary>The answer to <c>/ticket notifications</c>: which personal notices the reader gets, each one a toggle, and Save.</summary>
public static class NoticePreferencesCard
{
    public static AdaptiveCard Build(NoticePreferencesModel model, CultureInfo? culture = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        var c = CardCulture.Resolve(culture);
        var body = new List<CardElement> { Heading(CardText.Get("Notices_Title", c)) };
        if (!string.IsNullOrWhiteSpace(model.Saved))
        {
            body.Add(Banner(model.Saved, ContainerStyle.Good));
        }

        if (!string.IsNullOrWhiteSpace(model.Refused))
        {
            body.Add(Banner(model.Refused, ContainerStyle.Attention));
        }

        body.Add(Paragraph(CardText.Get("Notices_Intro", c)));
        body.AddRange(model.Toggles.Select(t => new InputToggle(CardText.Get("Notices_" + t.Kind, c))
        {
            Id = CardInputIds.NoticePrefix + t.Kind,
            Value = t.On ? "true" : "false",
            ValueOn = "true",
            ValueOff = "false",
            Wrap = true,
        }));
        body.Add(Actions(Execute(CardText.Get("Notices_Save", c), new CardActionData(CardVerbs.SaveNotices), AssociatedInputs.Auto, ActionStyle.Positive)));
        return Card(body);
    }
}
