using System.Globalization;
using ChatOpsBot.Cards.Localization;
using ChatOpsBot.Cards.Model;
using ChatOpsBot.Cards.ViewModels;
using static ChatOpsBot.Cards.Layouts.CardParts;

namespace ChatOpsBot.Cards.Layouts;

/// <summary>
/// The new-ticket form. Inputs are not marked required on the client: the cascade button sends all inputs
/// and a client-side check would block it; the handler validates and re-renders with per-field errors.
/// </summary>
public static class NewTicketForm
{
    public static AdaptiveCard Build(NewTicketFormModel model, CultureInfo? culture = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        var c = CardCulture.Resolve(culture);
        var e = model.Errors;
        var draft = model.DraftId;
        var body = new List<CardElement>
        {
            Heading(CardText.Get("Form_Title", c)),
            Subtle(CardText.Get("Form_RequiredHint", c)),
        };
        if (!string.IsNullOrWhiteSpace(model.FormError))
        {
            body.Add(Banner(model.FormError, ContainerStyle.Attention));
        }

        body.AddRange(ChoiceWithError(Choice(CardInputIds.Brique, "Form_Brique", model.Briques, model.Brique, c), "Form_NoChoice", e, c));
        body.AddRange(ChoiceWithError(Choice(CardInputIds.Service, "Form_Service", model.Services, model.Service, c) with { ChoicesData = Dependent(CardDatasets.Services, model.DependentChoices) }, "Form_ServiceFirstBrique", e, c));
        body.Add(Actions(Execute(
            CardText.Get("Form_RefreshServices", c),
            new CardActionData(CardVerbs.RefreshForm) { DraftId = draft },
            AssociatedInputs.Auto)));
        body.AddRange(ChoiceWithError(Choice(CardInputIds.SubService, "Form_SubService", model.SubServices, model.SubService, c) with { ChoicesData = Dependent(CardDatasets.SubServices, model.DependentChoices) }, "Form_SubServiceFirstService", e, c));
        body.AddRange(WithError(Text(CardInputIds.Title, "Form_TicketTitle", model.Title, CardLimits.TitleMaxLength, false, c), e));
        body.AddRange(WithError(Text(CardInputIds.Description, "Form_Description", model.Description, CardLimits.TextMaxLength, true, c), e));
        body.AddRange(ChoiceWithError(
            Choice(CardInputIds.OnBehalfOf, "Form_OnBehalfOf", model.People, model.OnBehalfOf, c) with { Style = ChoiceInputStyle.Filtered },
            "Form_NoChoice",
            e,
            c));
        body.AddRange(WithError(Text(CardInputIds.SchoolReference, "Form_SchoolReference", model.SchoolReference, CardLimits.SchoolReferenceMaxLength, false, c), e));
        body.AddRange(WithError(Text(CardInputIds.UserWords, "Form_UserWords", model.UserWords, CardLimits.TextMaxLength, true, c), e));
        body.AddRange(WithError(
            new InputChoiceSet
            {
                Id = CardInputIds.TicketType,
                Label = CardText.Get("Form_TicketType", c),
                Style = ChoiceInputStyle.Compact,
                Choices = TicketTypes(c),
                Value = model.TicketType ?? "service_request",
            },
            e));
        body.AddRange(WithError(
            new InputChoiceSet
            {
                Id = CardInputIds.Urgency,
                Label = CardText.Get("Form_Urgency", c),
                Style = ChoiceInputStyle.Compact,
                Choices = Urgencies(c),
                Value = model.Urgency ?? "4",
            },
            e));
        body.AddRange(WithError(
            new InputToggle(CardText.Get("Form_NeedsApprovalToggle", c))
            {
                Id = CardInputIds.NeedsApproval,
                Label = CardText.Get("Form_NeedsApproval", c),
                Value = model.NeedsApproval ? "true" : "false",
                ValueOn = "true",
                ValueOff = "false",
                Wrap = true,
            },
            e));
        body.Add(Actions(
            Execute(CardText.Get("Form_Submit", c), new CardActionData(CardVerbs.OpenTicket) { DraftId = draft }, AssociatedInputs.Auto, ActionStyle.Positive),
            Execute(CardText.Get("Form_Cancel", c), new CardActionData(CardVerbs.CancelForm) { DraftId = draft })));
        return Card(body);
    }

    private static InputChoiceSet Choice(string id, string labelKey, IReadOnlyList<ChoiceOption> options, string? value, CultureInfo c) => new()
    {
        Id = id,
        Label = CardText.Get(labelKey, c),
        Style = ChoiceInputStyle.Compact,
        Placeholder = CardText.Get("Form_Choose", c),
        Choices = Choices(options),
        Value = Selected(options, value),
    };

    private static InputText Text(string id, string labelKey, string? value, int maxLength, bool multiline, CultureInfo c) => new()
    {
        Id = id,
        Label = CardText.Get(labelKey, c),
        Placeholder = CardText.Get(labelKey + "Placeholder", c),
        Value = value,
        MaxLength = maxLength,
        IsMultiline = multiline ? true : null,
    };
}
