using System.Diagnostics;

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

    /// <summary>Runs $ITOP_TEST_RESET: the seed's rows and ids, the next ticket is UserRequest::1 / R-000001.</summary>
    public static async Task ResetAsync()
    {
        var script = Environment.GetEnvironmentVariable("ITOP_TEST_RESET");
        if (string.IsNullOrEmpty(script))
        {
            throw new InvalidOperationException("Set ITOP_TEST_RESET to the kit's reset.sh (../shared/itop/reset.sh) to run the tests that reset iTop.");
        }

        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(script);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{script} exited with {process.ExitCode}: {await output}{await error}");
        }
    }

    private static string Required(string name) =>
        Environment.GetEnvironmentVariable(name) is { Length: > 0 } value ? value : throw new InvalidOperationException($"{name} is not set.");
}
