using System.Globalization;
using ChatOpsBot.Bot.Drafts;
using ChatOpsBot.Bot.Localization;
using ChatOpsBot.Bot.Turns;
using ChatOpsBot.Cards;
using ChatOpsBot.Tickets;
using ChatOpsBot.Tickets.Catalog;
using ChatOpsBot.Tickets.People;
using ChatOpsBot.Tickets.Rules;

namespace ChatOpsBot.Bot.Dialogs;

/// <summary>
/// Checks a submitted form: the ticket's rules are the domain's (<see cref="TicketDraft.Check"/>), shown under their inputs;
/// the form adds only its own, the brique that narrows the services and the card's length limits.
/// </summary>
public static class DraftValidator
{
    /// <summary>Where the new-ticket form shows each field's violations.</summary>
    public static FormFields Fields { get; } = new FormFields()
        .Map(TicketField.Caller, CardInputIds.OnBehalfOf)
        .Map(TicketField.Title, CardInputIds.Title)
        .Map(TicketField.Description, CardInputIds.Description)
        .Map(TicketField.Urgency, CardInputIds.Urgency)
        .Map(TicketField.Service, CardInputIds.Service)
        .Map(TicketField.SubService, CardInputIds.SubService);

    public static Dictionary<string, string> Validate(TicketDraftState draft, ServiceCatalog catalog, IReadOnlyList<Person> people, CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(draft);
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(people);
        var errors = new Dictionary<string, string>();

        // The brique is the form's: it narrows the services offered (a ticket only carries its service).
        var brique = FormModelFactory.Parse(draft.Brique) is { } bid ? catalog.Briques.FirstOrDefault(b => b.Id == bid) : null;
        var service = FormModelFactory.Parse(draft.Service) is { } sid ? catalog.FindService(sid) : null;
        if (brique is null)
        {
            errors[CardInputIds.Brique] = BotText.Get("Error_Required", culture);
        }

        if (brique is null || (service is not null && service.BriqueId != brique.Id))
        {
            errors[CardInputIds.Service] = BotText.Get("Error_ServiceRequired", culture);
        }

        // The people the form offers are the callers it may name.
        var caller = FormModelFactory.Parse(draft.OnBehalfOf) is { } callerId ? people.FirstOrDefault(p => p.Id == callerId) : null;
        var violations = Draft(draft, FormModelFactory.Parse(draft.Urgency) ?? 0).Check(caller, catalog, DraftCompleteness.Complete);

        // A sub-service is judged under a service the form accepts.
        Fields.AddErrors(errors, errors.ContainsKey(CardInputIds.Service) ? violations.Where(v => v.Field != TicketField.SubService) : violations, culture);

        // The card's own limits (iTop keeps more).
        TooLong(errors, CardInputIds.Description, draft.Description, CardLimits.TextMaxLength, culture);
        TooLong(errors, CardInputIds.UserWords, draft.UserWords, CardLimits.TextMaxLength, culture);
        TooLong(errors, CardInputIds.SchoolReference, draft.SchoolReference, CardLimits.SchoolReferenceMaxLength, culture);
        return errors;
    }

    /// <summary>The domain draft of a valid form (how iTop stores its parts is the iTop adapter's business).</summary>
    public static TicketDraft ToTicketDraft(TicketDraftState draft)
    {
        ArgumentNullException.ThrowIfNull(draft);
        return Draft(draft, FormModelFactory.Parse(draft.Urgency) ?? 4);
    }

    private static TicketDraft Draft(TicketDraftState draft, int urgency) =>
        new TicketDraft
        {
            OrgId = draft.OrgId,
            CallerId = FormModelFactory.Parse(draft.OnBehalfOf) ?? 0,
            Title = draft.Title ?? string.Empty,
            Description = draft.Description ?? string.Empty,
            UserWords = string.IsNullOrWhiteSpace(draft.UserWords) ? null : draft.UserWords,
            ServiceId = FormModelFactory.Parse(draft.Service),
            SubServiceId = FormModelFactory.Parse(draft.SubService),
            SchoolReference = draft.SchoolReference,
            Urgency = urgency,
        };

    private static void TooLong(Dictionary<string, string> errors, string inputId, string? value, int max, CultureInfo culture)
    {
        if (value?.Length > max)
        {
            errors.TryAdd(inputId, BotText.Format("Error_TooLong", culture, max));
        }
    }
}
