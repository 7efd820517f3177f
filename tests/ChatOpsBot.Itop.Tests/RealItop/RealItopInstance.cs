using ChatOpsBot.Testing.RealItop;

namespace ChatOpsBot.Itop.Tests.RealItop;

/// <summary>
/// The real iTop of the tests (../shared/itop, started by .ci/run): its address and secrets from ITOP_TEST_URL,
/// ITOP_TEST_TOKEN, ITOP_TEST_USER / ITOP_TEST_PASSWORD, and ITOP_TEST_RESET, the script that puts it back to its seed.
/// </summary>
internal static class RealItopInstance
{
    public static Uri Url => new(Required("ITOP_TEST_URL"));

    public static string Token => Required("ITOP_TEST_TOKEN");

    /// <summary>The settings of AddItopTicketDesk for this iTop (token authentication).</summary>
    public static Dictionary<string, string?> Settings => new()
    {
        ["Itop:Token"] = Token,
        ["Itop:RetryDelay"] = "00:00:00.200",
    };

    /// <summary>Back to the seed (<see cref="RealItopReset"/>).</summary>
    public static Task ResetAsync() => RealItopReset.RunAsync();

    private static string Required(string name) =>
        Environment.GetEnvironmentVariable(name) is { Length: > 0 } value ? value : throw new InvalidOperationException($"{name} is not set.");
}
