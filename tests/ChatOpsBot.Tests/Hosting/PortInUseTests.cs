using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using ChatOpsBot.Hosting;
using ChatOpsBot.Tests.Infrastructure;

namespace ChatOpsBot.Tests.Hosting;

/// <summary>A bot started on a port that is taken: one line that says so, exit code 1, no critical line.</summary>
public sealed class PortInUseTests
{
    [Fact]
    public async Task The_host_says_the_port_is_in_use_and_exits_1_without_a_critical_line()
    {
        using var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        var url = $"http://127.0.0.1:{((IPEndPoint)taken.LocalEndpoint).Port}";
        var folder = Directory.CreateTempSubdirectory("chatopsbot-port-").FullName;
        try
        {
            var host = BotProcess.HostOutputDirectory();
            var start = new ProcessStartInfo("dotnet") { WorkingDirectory = folder, RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (var argument in new[] { Path.Combine(host, "ChatOpsBot.dll"), "--contentRoot", host, "--urls", url, "--Bot:AllowUnauthenticatedLocalRequests=true" })
            {
                start.ArgumentList.Add(argument);
            }

            using var bot = Process.Start(start)!;
            var output = bot.StandardOutput.ReadToEndAsync();
            var error = bot.StandardError.ReadToEndAsync();
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            await bot.WaitForExitAsync(timeout.Token);
            var everything = await output + await error;

            Assert.Equal(1, bot.ExitCode);
            Assert.Equal($"ChatOpsBot cannot start: {url} is already in use (another bot running?). Stop it, or listen elsewhere with --urls.", (await error).Trim());
            Assert.DoesNotContain("crit", everything, StringComparison.Ordinal);
            Assert.DoesNotContain("BackgroundService", everything, StringComparison.Ordinal);
            Assert.DoesNotContain("Unhandled exception", everything, StringComparison.Ordinal);
            Assert.False(File.Exists(Path.Combine(folder, "data", "itop-sandbox.db")), "nothing is started before the check");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void A_free_port_port_zero_and_host_names_pass_the_check()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();

        ListenAddressCheck.ThrowIfInUse($"http://127.0.0.1:{port}");
        ListenAddressCheck.ThrowIfInUse("http://127.0.0.1:0;http://bot.example:3978");
    }
}
