using ChatOpsBot.Tickets.Catalog;

namespace ChatOpsBot.Tickets.Rules;

/// <summary>The external-key filters of service_id and servicesubcategory_id (LIFECYCLE.md §6), which iTop's REST does not apply.</summary>
public static class TicketCatalogRules
{
    /// <summary>
    /// The violations of a service/sub-service pair for the organisation: at most one on the service and, only when the
    /// service holds, one on the sub-service (a sub-service is judged under its service).
    /// </summary>
    public static IReadOnlyList<TicketViolation> Check(ServiceCatalog catalog, int orgId, string orgName, int? serviceId, int? subServiceId, bool serviceRequired)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        var violations = new TicketViolations();
        if (serviceId is null)
        {
            violations.Require(!serviceRequired && subServiceId is null, TicketRuleCode.ServiceRequired, TicketField.Service);
            return violations;
        }

        var service = catalog.FindService(serviceId.Value);
        if (!violations.Require(service is not null, TicketRuleCode.UnknownService, TicketField.Service)
            || !violations.Require(catalog.IsCovered(orgId, service!.Id), TicketRuleCode.ServiceNotCovered, TicketField.Service, service.Name, OrgName(catalog, orgId, orgName))
            || subServiceId is null)
        {
            return violations;
        }

        var sub = catalog.FindSubService(subServiceId.Value);
        _ = violations.Require(sub is not null, TicketRuleCode.UnknownSubService, TicketField.SubService)
            && violations.Require(sub!.ServiceId == service.Id, TicketRuleCode.SubServiceOfOtherService, TicketField.SubService, sub.Name, service.Name)
            && violations.Require(sub.IsServiceRequest, TicketRuleCode.SubServiceNotServiceRequest, TicketField.SubService, sub.Name)
            && violations.Require(!sub.IsObsolete, TicketRuleCode.SubServiceObsolete, TicketField.SubService, sub.Name);
        return violations;
    }

    private static string OrgName(ServiceCatalog catalog, int orgId, string orgName) =>
        catalog.Organizations.FirstOrDefault(o => o.Id == orgId)?.Name ?? orgName;
}
