using System.Globalization;
using ChatOpsBot.Hosting;
using Microsoft.AspNetCore.Builder;
using ChatOpsBot.Protocol.Connector;
using Microsoft.Extensions.DependencyInjection;

namespace ChatOpsBot.Benchmarks.Load;

/// <summary>
/// The real bot composition, with only the outbound token source swapped for a loopback one, plus a benchmark-only
/// <c>GET /debug/gc</c> that tells where the managed memory is (the runs read it next to the RSS).
/// </summary>
internal static class LoadHost
{
    public static async Task RunAsync(string[] args)
    {
        var app = await ChatOpsBotApp.BuildAsync(args, builder =>
            builder.Services.AddSingleton<IBotTokenSource>(new StaticTokenSource("loopback-outbound-token")));
        app.MapGet("/debug/gc", (bool? collect) =>
        {
            if (collect == true)
            {
                // Diagnosis only: what stays alive once everything collectable is gone.
                System.Runtime.GCSettings.LargeObjectHeapCompactionMode = System.Runtime.GCLargeObjectHeapCompactionMode.CompactOnce;
                GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
            }

            return GcFigures();
        });
        await app.RunAsync();
    }

    private static string GcFigures()
    {
        var info = GC.GetGCMemoryInfo(GCKind.Any);
        static string Mb(long bytes) => (bytes / 1024.0 / 1024.0).ToString("F1", CultureInfo.InvariantCulture);
        var generations = string.Join(", ", info.GenerationInfo.ToArray().Select((g, i) => $"gen{(i == 3 ? "LOH" : i == 4 ? "POH" : i.ToString(CultureInfo.InvariantCulture))} {Mb(g.SizeAfterBytes)}"));
        return $"heap {Mb(info.HeapSizeBytes)} MB, committed {Mb(info.TotalCommittedBytes)} MB, fragmented {Mb(info.FragmentedBytes)} MB, "
            + $"allocated total {Mb(GC.GetTotalAllocatedBytes())} MB, gen2 GCs {GC.CollectionCount(2)} ({generations})";
    }
}
