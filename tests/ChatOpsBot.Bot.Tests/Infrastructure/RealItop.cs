namespace ChatOpsBot.Bot.Tests.Infrastructure;

/// <summary>
/// The real iTop 3.2 given by ITOP_TEST_URL and ITOP_TEST_TOKEN (../shared/itop, same seed and ids as the sandbox): the
/// bot's settings that point it there instead of the sandbox.
/// </summary>
internal static class RealItop
{
    public static string? Url => Environment.GetEnvironmentVariable("ITOP_TEST_URL") is { Length: > 0 } url ? url : null;

    public static string? Token => Environment.GetEnvironmentVariable("ITOP_TEST_TOKEN") is { Length: > 0 } token ? token : null;

    public static IDictionary<string, string?> Settings(IDictionary<string, string?>? more = null)
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

/// <summary>A fact that runs only against a real iTop (ITOP_TEST_URL and ITOP_TEST_TOKEN set).</summary>
public sealed class RealItopFactAttribute : FactAttribute
{
    public RealItopFactAttribute()
    {
        if (RealItop.Url is null || RealItop.Token is null)
        {
            Skip = "Set ITOP_TEST_URL and ITOP_TEST_TOKEN to run against a real iTop.";
        }
    }
}
