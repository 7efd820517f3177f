using System.Diagnostics;
using Xunit;

namespace ChatOpsBot.ItopSandbox.Tests.Scopes;

/// <summary>The real iTop of the shared kit: ITOP_TEST_URL + ITOP_TEST_TOKEN, and ITOP_TEST_RESET (its reset.sh) to start from the seed.</summary>
internal static class RealItopEnvironment
{
    public static string? WhyNotConfigured() =>
        ItopTarget.RealFromEnvironment() is null ? "Set ITOP_TEST_URL and ITOP_TEST_TOKEN to run against a real iTop."
        : string.IsNullOrEmpty(Environment.GetEnvironmentVariable("ITOP_TEST_RESET")) ? "Set ITOP_TEST_RESET (the kit's reset.sh) to start the real iTop from its seed."
        : null;

    /// <summary>Runs the kit's reset.sh: same rows and ids as the seed, the next ticket is UserRequest::1 / R-000001.</summary>
    public static async Task ResetAsync()
    {
        var script = Environment.GetEnvironmentVariable("ITOP_TEST_RESET")!;
        using var process = Process.Start(new ProcessStartInfo("bash", [script])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        })!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        Assert.True(process.ExitCode == 0, $"reset failed ({process.ExitCode}): {await stdout}{await stderr}");
    }
}
