using System.Diagnostics;

namespace ChatOpsBot.Testing.RealItop;

/// <summary>Runs $ITOP_TEST_RESET (the kit's reset.sh): the seed's rows and ids, the next ticket is UserRequest::1 / R-000001.</summary>
public static class RealItopReset
{
    public static async Task RunAsync()
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
        await process.WaitForExitAsync(timeout.Token).ConfigureAwait(false);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{script} exited with {process.ExitCode}: {await output.ConfigureAwait(false)}{await error.ConfigureAwait(false)}");
        }
    }
}
