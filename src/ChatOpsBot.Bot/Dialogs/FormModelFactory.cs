using System.Globalization;
using ChatOpsBot.Bot.Drafts;
using ChatOpsBot.Cards;
using ChatOpsBot.Cards.ViewModels;
using ChatOpsBot.Tickets.Catalog;
using ChatOpsBot.Tickets.People;

namespace ChatOpsBot.Bot.Dialogs;

/// <summary>The new-ticket form's view-model: choices cascade from what the draft holds.</summary>
public static class FormModelFactory
{
    public const int MaxPeopleShown = 300;

    public static NewTicketFormModel Build(
        TicketDraftState draft,
        ServiceCatalog catalog,
        IReadOnlyList<Person> people,
        IReadOnlyDictionary<string, string>? errors = null,
        string? formError = null,
        bool dependentChoices = true)
    {
        ArgumentNullException.ThrowIfNull(draft);
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(people);
        var covered = catalog.ServicesFor(draft.OrgId).ToList();
        var briques = catalog.Briques.Where(b => covered.Any(s => s.BriqueId == b.Id)).ToList();
        var brique = Parse(draft.Brique) is { } bid ? briques.FirstOrDefault(b => b.Id == bid) : null;
        var services = brique is null ? [] : covered.Where(s => s.BriqueId == brique.Id).ToList();
        var service = Parse(draft.Service) is { } sid ? services.FirstOrDefault(s => s.Id == sid) : null;
        var subServices = service is null ? [] : catalog.SelectableSubServicesOf(service.Id).ToList();
        return new NewTicketFormModel
        {
            DraftId = draft.Id,
            Briques = briques.Select(b => Option(b.Id, b.Name)).ToList(),
            Brique = brique is null ? null : Id(brique.Id),
            Services = services.Select(s => Option(s.Id, s.Name)).ToList(),
            Service = service is null ? null : Id(service.Id),
            SubServices = subServices.Select(s => Option(s.Id, s.Name)).ToList(),
            SubService = draft.SubService,
            DependentChoices = dependentChoices,
            // What was typed comes back, cut at each input's own limit: a form never grows past the 100 KB of a message.
            Title = Cut(draft.Title, CardLimits.TitleMaxLength),
            Description = Cut(draft.Description, CardLimits.TextMaxLength),
            People = people.OrderBy(p => p.Name, StringComparer.CurrentCulture).ThenBy(p => p.FirstName, StringComparer.CurrentCulture)
                .Take(MaxPeopleShown).Select(p => Option(p.Id, p.FullName)).ToList(),
            OnBehalfOf = draft.OnBehalfOf,
            SchoolReference = Cut(draft.SchoolReference, CardLimits.SchoolReferenceMaxLength),
            UserWords = Cut(draft.UserWords, CardLimits.TextMaxLength),
            TicketType = draft.TicketType,
            Urgency = draft.Urgency,
            NeedsApproval = draft.NeedsApproval,
            Errors = errors ?? new Dictionary<string, string>(),
            FormError = formError,
        };
    }

    public static int? Parse(string? value) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var id) && id > 0 ? id : null;

    private static string? Cut(string? text, int maxLength) =>
        text is null || text.Length <= maxLength ? text : text[..(char.IsHighSurrogate(text[maxLength - 1]) ? maxLength - 1 : maxLength)];

    private static ChoiceOption Option(int id, string title) => new(Id(id), title);

    private static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);
}
