using System.Globalization;
using ChatOpsBot.Cards.Localization;
using ChatOpsBot.Cards.Model;
using ChatOpsBot.Cards.ViewModels;
using static ChatOpsBot.Cards.Layouts.CardParts;

namespace ChatOpsBot.Cards.Layouts;

/// <summary>The daily digest: open tickets by state, then the oldest unassigned, the long pending, the resolved awaiting closure.</summary>
public static class DigestCard
{
    public static AdaptiveCard Build(DigestCardModel model, CultureInfo? culture = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        var c = CardCulture.Resolve(culture);
        var body = new List<CardElement>
        {
            Heading(CardText.Format("Digest_Title", c, model.Day.ToString("D", c))),
            Subtle(model.Scope),
            Paragraph(CardText.Plural("Digest_Open", c, model.OpenCount)
                + (model.ByState.Count == 0 ? "" : " — " + string.Join(", ", model.ByState.Select(s => CardText.Format("Digest_StateCount", c, StatusLabel(s.Status, c), s.Count))))),
        };
        if (model.Truncated)
        {
            body.Add(Subtle(CardText.Get("Digest_Truncated", c)));
        }

        Section(body, CardText.Get("Digest_OldestUnassigned", c), model.OldestUnassigned.Select(r => TicketListCard.Row(r, c)));
        Section(body, CardText.Plural("Digest_LongPending", c, model.PendingDays), model.LongPending.Select(p => TicketListCard.Row(p.Row, c, CardText.Plural("Digest_PendingSince", c, p.Days))));
        Section(body, CardText.Get("Digest_AwaitingClose", c), model.AwaitingClose.Select(r => TicketListCard.Row(r, c)));
        return Card(body);
    }

    private static void Section(List<CardElement> body, string title, IEnumerable<CardElement> rows)
    {
        var list = rows.ToList();
        if (list.Count == 0)
        {
            return;
        }

        body.Add(SubHeading(title));
        body.AddRange(list);
    }
}
