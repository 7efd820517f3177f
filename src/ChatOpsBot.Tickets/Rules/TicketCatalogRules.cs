using ChatOpsBot.Tickets.Catalog;

namespace ChatOpsBot.Tickets.Rules;

/// <summary>The external-key filters of service_id and servicesubcategory_id (LIFECYCLE.md §6), which iTop's REST does not apply.</summary>
public static class TicketCatalogRules
{
    /// <summary>Throws <see cref="TicketRuleException"/> unless the service/sub-service pair is allowed for the organisation.</summary>
    public static void CheckService(ServiceCatalog catalog, int orgId, string orgName, int? serviceId, int? subServiceId, bool serviceRequired)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        if (serviceId is null)
        {
            if (serviceRequired || subServiceId is not null)
            {
                throw new TicketRuleException(TicketRuleCode.ServiceRequired);
            }

            return;
        }

        var service = catalog.FindService(serviceId.Value) ?? throw new TicketRuleException(TicketRuleCode.UnknownService);
        if (!catalog.IsCovered(orgId, service.Id))
        {
            var org = catalog.Organizations.FirstOrDefault(o => o.Id == orgId)?.Name ?? orgName;
            throw new TicketRuleException(TicketRuleCode.ServiceNotCovered, service.Name, org);
        }

        if (subServiceId is null)
        {
            return;
        }

        var sub = catalog.FindSubService(subServiceId.Value) ?? throw new TicketRuleException(TicketRuleCode.UnknownSubService);
        if (sub.ServiceId != service.Id)
        {
            throw new TicketRuleException(TicketRuleCode.SubServiceOfOtherService, sub.Name, service.Name);
        }

        if (!sub.IsServiceRequest)
        {
            throw new TicketRuleException(TicketRuleCode.SubServiceNotServiceRequest, sub.Name);
        }
    }
}
