using System.Reflection;
using ChatOpsBot.Testing;

namespace ChatOpsBot.Tests.Infrastructure;

/// <summary>The real host (<c>dotnet ChatOpsBot.dll</c>) in its own process and working folder, configured by arguments.</summary>
public static class BotProcess
{
    public static async Task<DotnetProcess> StartAsync(IDictionary<string, string?> settings, bool expectExit = false, IDictionary<string, string>? environment = null)
    {
        var hostDirectory = HostOutputDirectory();
        var arguments = new List<string> { "--contentRoot", hostDirectory };
        arguments.AddRange(settings.Select(s => $"--{s.Key}={s.Value}"));
        var variables = new Dictionary<string, string>(environment ?? new Dictionary<string, string>()) { ["DOTNET_ENVIRONMENT"] = "Production" };
        var bot = await DotnetProcess.StartAsync(Path.Combine(hostDirectory, "ChatOpsBot.dll"), arguments, variables);
        if (bot.BaseAddress is null && !expectExit)
        {
            var output = bot.Output;
            await bot.DisposeAsync();
            throw new InvalidOperationException("Host failed:\n" + output);
        }

        return bot;
    }

    public static HttpClient CreateClient(this DotnetProcess bot) =>
        new() { BaseAddress = bot.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };

    public static string HostOutputDirectory()
    {
        var configuration = typeof(BotProcess).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";
        var directory = Path.Combine(TestData.RepositoryRoot, "src", "ChatOpsBot", "bin", configuration, "net10.0");
        return File.Exists(Path.Combine(directory, "ChatOpsBot.dll"))
            ? directory
            : throw new FileNotFoundException("Build src/ChatOpsBot first: " + directory);
    }
}
