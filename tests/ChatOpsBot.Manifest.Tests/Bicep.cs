using System.Diagnostics;
using System.Reflection;

namespace ChatOpsBot.Manifest.Tests;

/// <summary>Runs the Bicep compiler restored from NuGet (Azure.Bicep.CommandLine.linux-x64).</summary>
public static class Bicep
{
    public static string ExecutablePath
    {
        get
        {
            var path = typeof(Bicep).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
                .SingleOrDefault(a => a.Key == "BicepPath")?.Value
                ?? throw new InvalidOperationException("BicepPath was not set at build time: is the Azure.Bicep.CommandLine package restored?");
            return Path.GetFullPath(path.Replace('\\', '/'));
        }
    }

    public sealed record Result(int ExitCode, string Output, string Errors);

    public static async Task<Result> RunAsync(string workingDirectory, IReadOnlyDictionary<string, string?> environment, params string[] arguments)
    {
        var start = new ProcessStartInfo(ExecutablePath)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // Only what a test gives: no ITOP_TOKEN etc. leaks in from the machine running the tests.
        foreach (var name in new[] { "ITOP_TOKEN", "POSTGRES_ADMIN_PASSWORD", "CHATOPSBOT_IMAGE_TAG", "CHATOPSBOT_GROUP_DESK_EMAILS" })
        {
            start.Environment.Remove(name);
        }

        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await process.WaitForExitAsync(timeout.Token);
        return new Result(process.ExitCode, await output, await errors);
    }
}
