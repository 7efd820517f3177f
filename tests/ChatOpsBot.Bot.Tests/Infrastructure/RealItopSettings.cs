namespace ChatOpsBot.Bot.Tests.Infrastructure;

/// <summary>
/// The real iTop 3.2 given by ITOP_TEST_URL and ITOP_TEST_TOKEN (../shared/itop, same seed and ids as the sandbox): the
/// bot's settings that point it there instead of the sandbox.
/// </summary>
internal static class RealItopSettings
{
    public static string? Url => Environment.GetEnvironmentVariable("ITOP_TEST_URL") is { Length: > 0 } url ? url : null;

    public static string? Token => Environment.GetEnvironmentVariable("ITOP_TEST_TOKEN") is { Length: > 0 } token ? token : null;

    public static IDictionary<string, string?> For(IDictionary<string, string?>? more = null)
    {
        var settings = new Dictionary<string, string?>(more ?? new Dictionary<string, string?>())
        {
            ["Itop:BaseUrl"] = Url ?? throw new InvalidOperationException("ITOP_TEST_URL is not set."),
            ["Itop:Token"] = Token,
            ["Itop:Timeout"] = "00:00:15",
        };
        return settings;
    }
}
