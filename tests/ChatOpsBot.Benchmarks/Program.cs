using BenchmarkDotNet.Running;
using ChatOpsBot.Benchmarks.Clicks;
using ChatOpsBot.Benchmarks.Load;
using ChatOpsBot.Benchmarks.Notifications;

namespace ChatOpsBot.Benchmarks;

/// <summary>
/// <c>dotnet run -c Release --project tests/ChatOpsBot.Benchmarks -- [BenchmarkDotNet args]</c>, or
/// <c>-- load</c> for the wrk load run of /api/messages, <c>-- host</c> (used by the load run) for the bot with a
/// loopback token source, <c>-- notify</c> for the notifications run (latency, iTop requests per poll, delivery rate),
/// <c>-- fuzz</c> for malformed activities (answers, RSS, log volume), or <c>-- clicks</c> for card clicks against a real
/// iTop (click → answer latency and iTop calls per action).
/// </summary>
internal static class BenchmarkProgram
{
    private static async Task<int> Main(string[] args)
    {
        if (args.Length > 0 && args[0] == "load")
        {
            return await LoadRun.RunAsync(args[1..]);
        }

        if (args.Length > 0 && args[0] == "notify")
        {
            return await NotifyRun.RunAsync(args[1..]);
        }

        if (args.Length > 0 && args[0] == "fuzz")
        {
            return await Fuzz.FuzzRun.RunAsync(args[1..]);
        }

        if (args.Length > 0 && args[0] == "clicks")
        {
            return await ClickRun.RunAsync(args[1..]);
        }

        if (args.Length > 0 && args[0] == "host")
        {
            await LoadHost.RunAsync(args[1..]);
            return 0;
        }

        BenchmarkSwitcher.FromAssembly(typeof(BenchmarkProgram).Assembly).Run(args);
        return 0;
    }
}
