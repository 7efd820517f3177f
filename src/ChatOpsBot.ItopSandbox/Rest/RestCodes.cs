namespace ChatOpsBot.ItopSandbox.Rest;

/// <summary>iTop's RestResult codes observed in the corpus.</summary>
public static class RestCodes
{
    public const int Ok = 0;
    public const int Unauthorized = 1;
    public const int MissingVersion = 2;
    public const int MissingJson = 3;
    public const int InvalidJson = 4;
    public const int UnsupportedVersion = 10;
    public const int UnknownOperation = 11;
    public const int InvalidPage = 13;
    public const int InternalError = 100;
}
