using ChatOpsBot.Tickets.Catalog;
using ChatOpsBot.Tickets.People;
using ChatOpsBot.Tickets.Rules;

namespace ChatOpsBot.Tickets;

/// <summary>
/// A ticket to open. UserRequest has no attribute for the school's own reference nor for the user's verbatim words
/// (an unknown attribute is refused, contract 086), so the desk writes them into the description.
/// </summary>
public sealed record TicketDraft
{
    public required int OrgId { get; init; }

    public required int CallerId { get; init; }

    /// <summary>Plain text; markup is stripped and the title cut to 255 characters by the desk.</summary>
    public required string Title { get; init; }

    /// <summary>The description, plain text.</summary>
    public required string Description { get; init; }

    /// <summary>The user's words as copied from the school's own ticket, if any, plain text.</summary>
    public string? UserWords { get; init; }

    public int? ServiceId { get; init; }

    public int? SubServiceId { get; init; }

    /// <summary>The school's own reference for the request, if any .</summary>
    public string? SchoolReference { get; init; }

    /// <summary>
    /// An id of the request this ticket comes from (the bot's draft id), written with the ticket so that it can be found
    /// again (<see cref="ITicketDesk.FindTicketByOriginAsync"/>) when the answer to the creation was lost.
    /// </summary>
    public string? OriginMarker { get; init; }

    public int Impact { get; init; } = 3;

    public int Urgency { get; init; } = 4;

    /// <summary>iTop keeps this many characters of a title (UserRequest.title); the desk cuts a longer one.</summary>
    public const int TitleMaxLength = 255;

    /// <summary>
    /// Every rule the draft breaks, in the order a form shows them: the organisation, the caller (of that organisation),
    /// title, description, urgency (iTop's 1 to 4), then the service and its sub-service (LIFECYCLE.md §6).
    /// </summary>
    /// <param name="caller">The person <see cref="CallerId"/> names, null when there is none.</param>
    /// <param name="completeness">
    /// <see cref="DraftCompleteness.Storable"/>: what iTop needs; <see cref="DraftCompleteness.Complete"/>: what a person
    /// opening a ticket must give besides (a service, a title iTop keeps whole).
    /// </param>
    public IReadOnlyList<TicketViolation> Check(Person? caller, ServiceCatalog catalog, DraftCompleteness completeness = DraftCompleteness.Storable)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        var complete = completeness == DraftCompleteness.Complete;
        var orgName = catalog.Organizations.FirstOrDefault(o => o.Id == OrgId)?.Name ?? OrgId.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var violations = new TicketViolations();
        violations.Require(OrgId > 0, TicketRuleCode.OrganizationRequired, TicketField.Organization);
        _ = violations.Require(caller is not null && CallerId > 0, TicketRuleCode.CallerRequired, TicketField.Caller)
            && violations.Require(caller!.OrgId == OrgId, TicketRuleCode.CallerOtherOrganization, TicketField.Caller, orgName);
        _ = violations.Require(!string.IsNullOrWhiteSpace(Title), TicketRuleCode.TitleRequired, TicketField.Title)
            && violations.Require(!complete || Title.Length <= TitleMaxLength, TicketRuleCode.TitleTooLong, TicketField.Title, TitleMaxLength);
        violations.Require(!string.IsNullOrWhiteSpace(Description), TicketRuleCode.DescriptionRequired, TicketField.Description);
        violations.Require(Urgency is >= 1 and <= 4, TicketRuleCode.UrgencyInvalid, TicketField.Urgency);
        violations.AddRange(TicketCatalogRules.Check(catalog, OrgId, orgName, ServiceId, SubServiceId, serviceRequired: complete));
        return violations;
    }

    /// <summary>Throws <see cref="TicketRuleException"/> for the first rule the draft breaks (<see cref="Check"/>, what iTop needs).</summary>
    public void Validate(Person? caller, ServiceCatalog catalog)
    {
        if (Check(caller, catalog) is [var first, ..])
        {
            throw first.ToException();
        }
    }
}
