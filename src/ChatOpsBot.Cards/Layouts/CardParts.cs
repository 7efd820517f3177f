using System.Globalization;
using ChatOpsBot.Cards.Localization;
using ChatOpsBot.Cards.Model;
using ChatOpsBot.Cards.ViewModels;

namespace ChatOpsBot.Cards.Layouts;

/// <summary>Building blocks shared by the layouts.</summary>
internal static class CardParts
{
    private static readonly string[] UrgencyValues = ["1", "2", "3", "4"];

    public static AdaptiveCard Card(IReadOnlyList<CardElement> body, CardRefresh? refresh = null) => new()
    {
        Refresh = refresh,
        Body = body,
        MsTeams = new TeamsCardProperties { Width = "Full" },
    };

    /// <summary>A card shown by Action.ShowCard (no refresh, no msteams).</summary>
    public static AdaptiveCard SubCard(IReadOnlyList<CardElement> body) => new() { Body = body };

    public static TextBlock Heading(string text) =>
        new(text) { Size = TextSize.Large, Weight = TextWeight.Bolder, Wrap = true };

    public static TextBlock SubHeading(string text) =>
        new(text) { Weight = TextWeight.Bolder, Wrap = true, Spacing = Spacing.Medium };

    public static TextBlock Paragraph(string text) => new(text) { Wrap = true };

    public static TextBlock Subtle(string text) => new(text) { IsSubtle = true, Wrap = true, Size = TextSize.Small };

    /// <summary>Text typed by people: a text run, so markdown in it is not interpreted.</summary>
    public static RichTextBlock Plain(string text, TextWeight? weight = null) =>
        new() { Inlines = [new TextRun(text) { Weight = weight }] };

    public static TextBlock FieldError(string text) =>
        new(text) { Color = TextColor.Attention, Size = TextSize.Small, Wrap = true, Spacing = Spacing.None };

    /// <summary>
    /// The school's reference, typed in the form by the school's support, read by everyone who sees a ticket or approval
    /// card: a text run, not a fact (a fact's value is markdown, so a link in it would be live).
    /// </summary>
    public static RichTextBlock SchoolReference(string reference, CultureInfo c) => new()
    {
        Spacing = Spacing.Small,
        Inlines =
        [
            new TextRun(CardText.Get("Ticket_SchoolReference", c) + " ") { Weight = TextWeight.Bolder },
            new TextRun(CardFormat.Truncate(reference, CardLimits.SchoolReferenceMaxLength)),
        ],
    };

    public static Container Banner(string text, ContainerStyle style) => new()
    {
        Style = style,
        Items = [new TextBlock(text) { Wrap = true, Weight = TextWeight.Bolder }],
    };

    /// <summary>An Action.Execute with its Action.Submit twin as fallback (both carry the verb in their data).</summary>
    public static ActionExecute Execute(
        string title,
        CardActionData data,
        AssociatedInputs inputs = AssociatedInputs.None,
        ActionStyle? style = null) => new()
        {
            Title = title,
            Verb = data.Verb,
            Data = data,
            AssociatedInputs = inputs,
            Style = style,
            Fallback = new ActionSubmit { Title = title, Data = data, AssociatedInputs = inputs, Style = style },
        };

    public static ActionSet Actions(params CardAction[] actions) => new() { Actions = actions };

    /// <summary>An input followed, when the caller reported one, by its error in red.</summary>
    public static IEnumerable<CardElement> WithError(CardInput input, IReadOnlyDictionary<string, string> errors)
    {
        yield return input;
        if (input.Id is not null && errors.TryGetValue(input.Id, out var error) && !string.IsNullOrWhiteSpace(error))
        {
            yield return FieldError(error);
        }
    }

    /// <summary>
    /// A choice set, or (renderers refuse a choice set without choices) its label and a hint in its place;
    /// either way followed by its error.
    /// </summary>
    public static IEnumerable<CardElement> ChoiceWithError(
        InputChoiceSet input,
        string emptyHintKey,
        IReadOnlyDictionary<string, string> errors,
        CultureInfo culture)
    {
        if (input.Choices.Count > 0)
        {
            return WithError(input, errors);
        }

        var placeholder = new List<CardElement>
        {
            new TextBlock(input.Label ?? string.Empty) { Weight = TextWeight.Bolder, Wrap = true },
            Subtle(CardText.Get(emptyHintKey, culture)) with { Spacing = Spacing.None },
        };
        if (input.Id is not null && errors.TryGetValue(input.Id, out var error) && !string.IsNullOrWhiteSpace(error))
        {
            placeholder.Add(FieldError(error));
        }

        return placeholder;
    }

    /// <summary>
    /// Choices that depend on the card's other inputs: Teams asks the bot for them (<c>application/search</c>, all the
    /// inputs associated); other clients keep the static choices and the card's "update" button.
    /// </summary>
    public static DataQuery? Dependent(string dataset, bool enabled) => enabled ? new(dataset) { AssociatedInputs = AssociatedInputs.Auto } : null;

    /// <summary>At most <see cref="CardLimits.MaxChoices"/> entries: an oversized card would be refused by Teams.</summary>
    public static IReadOnlyList<InputChoice> Choices(IEnumerable<ChoiceOption> options) =>
        options.Take(CardLimits.MaxChoices).Select(o => new InputChoice(o.Title, o.Value)).ToList();

    /// <summary>A pre-filled value is kept only if it is one of the choices (else the client shows it blank anyway).</summary>
    public static string? Selected(IReadOnlyList<ChoiceOption> options, string? value) =>
        value is not null && options.Any(o => o.Value == value) ? value : null;

    public static CardRefresh? Refresh(CardActionData data, IReadOnlyList<string> userIds) =>
        new()
        {
            Action = new ActionExecute { Title = null, Verb = data.Verb, Data = data },
            UserIds = userIds.Where(u => !string.IsNullOrWhiteSpace(u)).Distinct(StringComparer.Ordinal)
                .Take(CardRefresh.MaxUserIds).ToList(),
        };

    public static string StatusLabel(CardTicketStatus status, CultureInfo culture) =>
        CardText.Get("Status_" + status, culture);

    public static TextColor StatusColor(CardTicketStatus status) => status switch
    {
        CardTicketStatus.New or CardTicketStatus.Approved or CardTicketStatus.Assigned => TextColor.Accent,
        CardTicketStatus.WaitingForApproval or CardTicketStatus.Pending => TextColor.Warning,
        CardTicketStatus.EscalatedTto or CardTicketStatus.EscalatedTtr or CardTicketStatus.Rejected => TextColor.Attention,
        CardTicketStatus.Resolved => TextColor.Good,
        _ => TextColor.Default,
    };

    public static bool IsFinal(CardTicketStatus status) =>
        status is CardTicketStatus.Closed or CardTicketStatus.Rejected;

    // iTop's ITIL UserRequest accepts only request_type "service_request" (contract 066: "incident" is refused;
    // incidents are another iTop class), so no other type is offered.
    public static IReadOnlyList<InputChoice> TicketTypes(CultureInfo culture) =>
    [
        new(CardText.Get("TicketType_service_request", culture), "service_request"),
    ];

    public static IReadOnlyList<InputChoice> Urgencies(CultureInfo culture) =>
        UrgencyValues.Select(u => new InputChoice(CardText.Get("Urgency_" + u, culture), u)).ToList();
}
