namespace ChatOpsBot.Itop.Rest;

/// <summary>Marks a request as a read (core/get, check_credentials): only reads are retried.</summary>
public static class ItopRequestKind
{
    public const string IsReadKey = "itop.isRead";

    public static readonly HttpRequestOptionsKey<bool> IsRead = new(IsReadKey);

    public static bool IsReadRequest(HttpRequestMessage? request) =>
        request is not null && request.Options.TryGetValue(IsRead, out var isRead) && isRead;
}
