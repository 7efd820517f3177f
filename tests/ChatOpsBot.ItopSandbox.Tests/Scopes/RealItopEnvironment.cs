using ChatOpsBot.Testing.RealItop;

namespace ChatOpsBot.ItopSandbox.Tests.Scopes;

/// <summary>The real iTop of the shared kit: ITOP_TEST_URL + ITOP_TEST_TOKEN, and ITOP_TEST_RESET (its reset.sh) to start from the seed.</summary>
internal static class RealItopEnvironment
{
    public static string? WhyNotConfigured() =>
        ItopTarget.RealFromEnvironment() is null ? "Set ITOP_TEST_URL and ITOP_TEST_TOKEN to run against a real iTop."
        : string.IsNullOrEmpty(Environment.GetEnvironmentVariable("ITOP_TEST_RESET")) ? "Set ITOP_TEST_RESET (the kit's reset.sh) to start the real iTop from its seed."
        : null;

    /// <summary>Back to the seed (<see cref="RealItopReset"/>).</summary>
    public static Task ResetAsync() => RealItopReset.RunAsync();
}
