using System.Globalization;
using ChatOpsBot.Cards.Localization;
using ChatOpsBot.Cards.Model;
using ChatOpsBot.Cards.ViewModels;
using static ChatOpsBot.Cards.Layouts.CardParts;

namespace ChatOpsBot.Cards.Layouts;

/// <summary>"Déjà demandé ?": the open tickets like the draft, each with Open; then Create anyway or back to the form.</summary>
public static class DuplicateHintCard
{
    public static AdaptiveCard Build(DuplicateHintModel model, CultureInfo? culture = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        var c = CardCulture.Resolve(culture);
        var body = new List<CardElement>
        {
            Heading(CardText.Get("Duplicates_Title", c)),
            Paragraph(CardText.Get("Duplicates_Intro", c)),
        };
        body.AddRange(model.Tickets.Select(t => TicketListCard.Row(t, c)));
        body.Add(Actions(
            Execute(CardText.Get("Duplicates_CreateAnyway", c), new CardActionData(CardVerbs.CreateAnyway) { DraftId = model.DraftId }, style: ActionStyle.Positive),
            Execute(CardText.Get("Duplicates_BackToForm", c), new CardActionData(CardVerbs.BackToForm) { DraftId = model.DraftId })));
        return Card(body);
    }
}
