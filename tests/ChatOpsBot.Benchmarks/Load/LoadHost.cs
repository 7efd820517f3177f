using ChatOpsBot.Hosting;
using ChatOpsBot.Protocol.Connector;
using Microsoft.Extensions.DependencyInjection;

namespace ChatOpsBot.Benchmarks.Load;

/// <summary>The real bot composition, with only the outbound token source swapped for a loopback one.</summary>
internal static class LoadHost
{
    public static async Task RunAsync(string[] args)
    {
        var app = await ChatOpsBotApp.BuildAsync(args, builder =>
            builder.Services.AddSingleton<IBotTokenSource>(new StaticTokenSource("loopback-outbound-token")));
        await app.RunAsync();
    }
}
