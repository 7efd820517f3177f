namespace ChatOpsBot.Tickets.Catalog;

/// <summary>A sub-service: iTop's ServiceSubcategory. <paramref name="RequestType"/> is <c>service_request</c> or <c>incident</c>.</summary>
public sealed record SubService(int Id, string Name, int ServiceId, string RequestType, string Status)
{
    /// <summary>The only request type a UserRequest accepts.</summary>
    public const string ServiceRequestType = "service_request";

    /// <summary>True when a UserRequest may use it.</summary>
    public bool IsServiceRequest => string.Equals(RequestType, ServiceRequestType, StringComparison.Ordinal);

    /// <summary>iTop's filters exclude obsolete sub-services.</summary>
    public bool IsObsolete => string.Equals(Status, "obsolete", StringComparison.Ordinal);
}
