using System.Globalization;
using ChatOpsBot.Cards.Localization;
using ChatOpsBot.Cards.Model;
using ChatOpsBot.Cards.ViewModels;
using static ChatOpsBot.Cards.Layouts.CardParts;

namespace ChatOpsBot.Cards.Layouts;

/// <summary>The ticket card: where it stands, facts, its texts and last log entries (TicketCard.Story.cs), and the buttons the caller allowed.</summary>
public static partial class TicketCard
{
    public static AdaptiveCard Build(TicketCardModel model, CultureInfo? culture = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        var c = CardCulture.Resolve(culture);
        var body = new List<CardElement>();
        if (!string.IsNullOrWhiteSpace(model.Notice))
        {
            body.Add(Banner(model.Notice, model.NoticeTone == NoticeTone.Good ? ContainerStyle.Good : ContainerStyle.Warning));
        }

        body.Add(Header(model, c));
        body.Add(Plain(model.Title, TextWeight.Bolder));
        body.Add(Subtle(ServicePath(model)));
        if (!string.IsNullOrWhiteSpace(model.Story))
        {
            body.Add(StoryLine(model.Story, model.Status));
        }

        body.Add(Facts(model, c));
        if (!string.IsNullOrWhiteSpace(model.SchoolReference))
        {
            body.Add(SchoolReference(model.SchoolReference, c));
        }

        body.AddRange(Texts(model, c));
        body.AddRange(Log("Ticket_LastEntries", model.PublicLog, c));
        body.AddRange(Log("Ticket_PrivateEntries", model.PrivateLog, c));

        var buttons = new List<CardAction>();
        // A rejected request (final for iTop's operational status) can still be reopened (ev_reopen → new): that button only.
        if (!IsFinal(model.Status) || model.Status == CardTicketStatus.Rejected)
        {
            var actions = model.AllowedActions.Distinct()
                .Where(a => model.Status != CardTicketStatus.Rejected || a is TicketAction.Reopen or TicketAction.Refresh).ToList();
            if (model.OpenForm is { } open && actions.Contains(open) && Form(open, model, c) is { } openForm)
            {
                openForm.Insert(0, SubHeading(CardText.Get("Action_" + open, c)) with { Spacing = null });
                body.Add(new Container { Style = ContainerStyle.Emphasis, Separator = true, Items = openForm });
            }

            buttons.AddRange(actions.Where(a => a != model.OpenForm).Select(a => Button(a, model, c)));
        }

        if (model.ItopUrl is not null)
        {
            buttons.Add(new ActionOpenUrl { Title = CardText.Get("Action_OpenInItop", c), Url = model.ItopUrl });
        }

        if (buttons.Count > 0)
        {
            body.Add(new ActionSet { Spacing = Spacing.Medium, Actions = buttons });
        }

        return Card(body, Refresh(Data(CardVerbs.Refresh, model), model.RefreshUserIds));
    }

    internal static CardActionData Data(string verb, TicketCardModel model) =>
        new(verb) { TicketId = model.TicketId, Stamp = model.Stamp };

    private static ColumnSet Header(TicketCardModel model, CultureInfo c) => new()
    {
        Columns =
        [
            new Column
            {
                Width = "stretch",
                Items = [new TextBlock(model.Ref) { Size = TextSize.Large, Weight = TextWeight.Bolder }],
            },
            new Column
            {
                Width = "auto",
                VerticalContentAlignment = VerticalAlignment.Center,
                Items =
                [
                    new TextBlock(StatusLabel(model.Status, c))
                    {
                        Color = StatusColor(model.Status),
                        Weight = TextWeight.Bolder,
                    },
                ],
            },
        ],
    };

    private static string ServicePath(TicketCardModel model) =>
        string.Join(" › ", new[] { model.Brique, model.Service, model.SubService }.Where(s => !string.IsNullOrWhiteSpace(s)));

    private static FactSet Facts(TicketCardModel model, CultureInfo c)
    {
        var none = CardText.Get("Ticket_None", c);
        var facts = new List<Fact>
        {
            new(CardText.Get("Ticket_Requester", c), CardText.Format("Ticket_RequesterValue", c, model.Requester, model.Organisation)),
            new(CardText.Get("Ticket_Team", c), model.Team ?? none),
            new(CardText.Get("Ticket_Agent", c), model.Agent ?? none),
        };
        facts.Add(new(CardText.Get("Ticket_Created", c), model.Created));
        facts.Add(new(CardText.Get("Ticket_Updated", c), model.Updated));
        return new FactSet { Facts = facts };
    }
}
