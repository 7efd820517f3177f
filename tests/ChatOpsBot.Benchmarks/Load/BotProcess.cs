using ChatOpsBot.Testing;

namespace ChatOpsBot.Benchmarks.Load;

/// <summary>
/// The bot in its own process (so that its RSS is its own), as the load and fuzz runs start it: this executable again in
/// "host" mode, under the host's runtimeconfig (GC and JIT settings of src/ChatOpsBot, not this executable's), with token
/// checks against the loopback OpenID server and the loopback Connector sink on the allow-list.
/// </summary>
internal static class BotProcess
{
    public const string AppId = "6c1f4a57-4a3e-4c49-9d6a-1f0c6f1d2e3a";

    public static async Task<DotnetProcess> StartAsync(OpenIdServer openId, FakeConnector sink, IEnumerable<string> settings, IDictionary<string, string> environment)
    {
        var process = await DotnetProcess.StartAsync(
            "exec",
            [
                "--runtimeconfig", Path.Combine(AppContext.BaseDirectory, "ChatOpsBot.runtimeconfig.json"),
                typeof(BotProcess).Assembly.Location,
                "host",
                "--contentRoot", AppContext.BaseDirectory,
                "--Bot:MicrosoftAppId=" + AppId,
                "--Bot:OpenIdMetadataUrl=" + openId.MetadataUrl,
                "--Bot:AllowedServiceUrls:0=" + sink.BaseAddress,
                .. settings,
            ],
            environment);
        if (process.BaseAddress is null)
        {
            var output = process.Output;
            await process.DisposeAsync();
            throw new InvalidOperationException("The bot did not start:\n" + output);
        }

        return process;
    }
}
