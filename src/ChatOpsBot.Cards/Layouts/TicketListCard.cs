using System.Globalization;
using ChatOpsBot.Cards.Localization;
using ChatOpsBot.Cards.Model;
using ChatOpsBot.Cards.ViewModels;
using static ChatOpsBot.Cards.Layouts.CardParts;

namespace ChatOpsBot.Cards.Layouts;

/// <summary>One page of <c>/tickets</c> (mine or my teams' queue).</summary>
public static class TicketListCard
{
    public static AdaptiveCard Build(TicketListCardModel model, CultureInfo? culture = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        var c = CardCulture.Resolve(culture);
        var scope = CardActionData.ListScope(model.Scope);
        var pageCount = Math.Max(1, model.PageCount);
        var page = Math.Clamp(model.Page, 1, pageCount);
        var body = new List<CardElement>
        {
            Heading(CardText.Get(model.Scope == TicketListScope.Team ? "List_TitleTeam" : "List_TitleMine", c)),
            Subtle(CardText.Plural("List_Summary", c, model.TotalCount, page, pageCount)),
        };
        if (model.Rows.Count == 0)
        {
            body.Add(Paragraph(CardText.Get("List_Empty", c)));
        }

        body.AddRange(model.Rows.Select(row => Row(row, c)));

        var paging = new List<CardAction>();
        if (page > 1)
        {
            paging.Add(Execute(CardText.Get("List_Previous", c), new CardActionData(CardVerbs.ListPage) { Scope = scope, Page = page - 1 }));
        }

        if (page < pageCount)
        {
            paging.Add(Execute(CardText.Get("List_Next", c), new CardActionData(CardVerbs.ListPage) { Scope = scope, Page = page + 1 }));
        }

        if (paging.Count > 0)
        {
            body.Add(new ActionSet { Spacing = Spacing.Medium, Actions = paging });
        }

        return Card(body);
    }

    /// <summary>One ticket: reference, title, status, agent (or <paramref name="note"/>), and an Open button.</summary>
    internal static ColumnSet Row(TicketListRow row, CultureInfo c, string? note = null) => new()
    {
        Separator = true,
        Columns =
        [
            new Column
            {
                Width = "stretch",
                Items =
                [
                    new RichTextBlock
                    {
                        Inlines =
                        [
                            new TextRun(row.Ref) { Weight = TextWeight.Bolder },
                            new TextRun(" " + CardFormat.Truncate(row.Title, CardLimits.ListTitleShownLength)),
                        ],
                    },
                    new RichTextBlock
                    {
                        Spacing = Spacing.None,
                        Inlines =
                        [
                            new TextRun(StatusLabel(row.Status, c)) { Color = StatusColor(row.Status) },
                            new TextRun(" · " + (note ?? row.Agent ?? CardText.Get("List_NoAgent", c))) { IsSubtle = true },
                        ],
                    },
                ],
            },
            new Column
            {
                Width = "auto",
                VerticalContentAlignment = VerticalAlignment.Center,
                Items = [Actions(Execute(CardText.Get("List_Open", c), new CardActionData(CardVerbs.ShowTicket) { TicketId = row.TicketId }))],
            },
        ],
    };
}
