using System.Globalization;
using ChatOpsBot.Bot.Drafts;
using ChatOpsBot.Bot.Localization;
using ChatOpsBot.Cards;
using ChatOpsBot.Tickets;
using ChatOpsBot.Tickets.Catalog;
using ChatOpsBot.Tickets.People;

namespace ChatOpsBot.Bot.Dialogs;

/// <summary>Checks a submitted form and turns it into the domain's <see cref="TicketDraft"/>.</summary>
public static class DraftValidator
{
    public static Dictionary<string, string> Validate(TicketDraftState draft, ServiceCatalog catalog, IReadOnlyList<Person> people, CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(draft);
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(people);
        var errors = new Dictionary<string, string>();
        var required = BotText.Get("Error_Required", culture);
        var brique = FormModelFactory.Parse(draft.Brique) is { } bid ? catalog.Briques.FirstOrDefault(b => b.Id == bid) : null;
        var service = FormModelFactory.Parse(draft.Service) is { } sid ? catalog.FindService(sid) : null;
        if (brique is null)
        {
            errors[CardInputIds.Brique] = required;
        }

        if (service is null || brique is null || service.BriqueId != brique.Id || !catalog.IsCovered(draft.OrgId, service.Id))
        {
            errors[CardInputIds.Service] = BotText.Get("Error_ServiceRequired", culture);
        }
        else if (FormModelFactory.Parse(draft.SubService) is { } sub && !catalog.SelectableSubServicesOf(service.Id).Any(s => s.Id == sub))
        {
            errors[CardInputIds.SubService] = BotText.Get("Error_SubServiceOfOtherService", culture);
        }

        if (string.IsNullOrWhiteSpace(draft.Title))
        {
            errors[CardInputIds.Title] = required;
        }
        else if (draft.Title.Length > CardLimits.TitleMaxLength)
        {
            errors[CardInputIds.Title] = BotText.Format("Error_TooLong", culture, CardLimits.TitleMaxLength);
        }

        if (string.IsNullOrWhiteSpace(draft.Description))
        {
            errors[CardInputIds.Description] = required;
        }
        else if (draft.Description.Length > CardLimits.TextMaxLength)
        {
            errors[CardInputIds.Description] = BotText.Format("Error_TooLong", culture, CardLimits.TextMaxLength);
        }

        if (draft.UserWords is { Length: > CardLimits.TextMaxLength })
        {
            errors[CardInputIds.UserWords] = BotText.Format("Error_TooLong", culture, CardLimits.TextMaxLength);
        }

        if (FormModelFactory.Parse(draft.OnBehalfOf) is not { } caller || people.All(p => p.Id != caller))
        {
            errors[CardInputIds.OnBehalfOf] = BotText.Get("Error_CallerRequired", culture);
        }

        if (draft.SchoolReference is { Length: > CardLimits.SchoolReferenceMaxLength })
        {
            errors[CardInputIds.SchoolReference] = BotText.Format("Error_TooLong", culture, CardLimits.SchoolReferenceMaxLength);
        }

        if (draft.Urgency is not ("1" or "2" or "3" or "4"))
        {
            errors[CardInputIds.Urgency] = required;
        }

        return errors;
    }

    /// <summary>The domain draft of a valid form (how iTop stores its parts is the iTop adapter's business).</summary>
    public static TicketDraft ToTicketDraft(TicketDraftState draft)
    {
        ArgumentNullException.ThrowIfNull(draft);
        return new TicketDraft
        {
            OrgId = draft.OrgId,
            CallerId = FormModelFactory.Parse(draft.OnBehalfOf) ?? 0,
            Title = draft.Title ?? string.Empty,
            Description = draft.Description ?? string.Empty,
            UserWords = string.IsNullOrWhiteSpace(draft.UserWords) ? null : draft.UserWords,
            ServiceId = FormModelFactory.Parse(draft.Service),
            SubServiceId = FormModelFactory.Parse(draft.SubService),
            SchoolReference = draft.SchoolReference,
            Urgency = FormModelFactory.Parse(draft.Urgency) ?? 4,
        };
    }
}
