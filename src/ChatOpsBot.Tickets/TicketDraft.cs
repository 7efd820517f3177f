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

    /// <summary>Validates the draft against the caller and the catalog (caller of the organisation, service covered, sub-service rules).</summary>
    public void Validate(Person? caller, ServiceCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        var orgName = catalog.Organizations.FirstOrDefault(o => o.Id == OrgId)?.Name ?? OrgId.ToString(System.Globalization.CultureInfo.InvariantCulture);
        Check(OrgId > 0, TicketRuleCode.OrganizationRequired);
        Check(caller is not null && CallerId > 0, TicketRuleCode.CallerRequired);
        Check(caller!.OrgId == OrgId, TicketRuleCode.CallerOtherOrganization, orgName);
        Check(!string.IsNullOrWhiteSpace(Title), TicketRuleCode.TitleRequired);
        Check(!string.IsNullOrWhiteSpace(Description), TicketRuleCode.DescriptionRequired);
        TicketCatalogRules.CheckService(catalog, OrgId, orgName, ServiceId, SubServiceId, serviceRequired: false);
    }

    private static void Check(bool condition, TicketRuleCode code, params object[] args)
    {
        if (!condition)
        {
            throw new TicketRuleException(code, args);
        }
    }
}
