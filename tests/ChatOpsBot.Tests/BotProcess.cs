using System.Diagnostics;
using System.Reflection;
using System.Text;
using System.Text.RegularExpressions;
using ChatOpsBot.Testing;

namespace ChatOpsBot.Tests;

/// <summary>
/// The real host as a separate process (<c>dotnet ChatOpsBot.dll</c>), on 127.0.0.1 with a free port, run from a
/// temporary working folder so its <c>data/</c> is private. What it prints is kept for assertions.
/// </summary>
public sealed partial class BotProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly TaskCompletionSource<Uri> _listening = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private BotProcess(Process process, string workingDirectory)
    {
        _process = process;
        WorkingDirectory = workingDirectory;
    }

    public string WorkingDirectory { get; }

    public Uri BaseAddress { get; private set; } = null!;

    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    public bool HasExited => _process.HasExited;

    public int ExitCode => _process.ExitCode;

    public HttpClient CreateClient() => new() { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(30) };

    /// <summary>Starts the host with command-line configuration (<c>--Key=Value</c> pairs) and waits until it listens.</summary>
    public static async Task<BotProcess> StartAsync(IDictionary<string, string?> settings, bool expectExit = false)
    {
        var bot = Launch(settings);
        var finished = await Task.WhenAny(bot._listening.Task, bot._process.WaitForExitAsync(), Task.Delay(TimeSpan.FromSeconds(60)));
        if (bot._listening.Task.IsCompletedSuccessfully)
        {
            bot.BaseAddress = bot._listening.Task.Result;
            return bot;
        }

        if (expectExit && bot._process.HasExited)
        {
            return bot;
        }

        var output = bot.Output;
        await bot.DisposeAsync();
        throw new InvalidOperationException((finished == bot._listening.Task ? "Host failed" : "Host did not start") + ":\n" + output);
    }

    public async Task<bool> WaitForOutputAsync(string text, TimeSpan timeout)
    {
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < timeout)
        {
            if (Output.Contains(text, StringComparison.Ordinal))
            {
                return true;
            }

            await Task.Delay(50);
        }

        return false;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
        try
        {
            Directory.Delete(WorkingDirectory, recursive: true);
        }
        catch (IOException)
        {
            // a file still held by a dying process: the temp folder is left behind, harmless
        }
    }

    private static BotProcess Launch(IDictionary<string, string?> settings)
    {
        var hostDirectory = HostOutputDirectory();
        var workingDirectory = Directory.CreateTempSubdirectory("chatopsbot-host-").FullName;
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(hostDirectory, "ChatOpsBot.dll"));
        start.ArgumentList.Add("--contentRoot");
        start.ArgumentList.Add(hostDirectory);
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add("http://127.0.0.1:0");
        foreach (var (key, value) in settings)
        {
            start.ArgumentList.Add($"--{key}={value}");
        }

        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["DOTNET_ENVIRONMENT"] = "Production";
        start.Environment["Logging__Console__FormatterName"] = "simple";
        foreach (var key in start.Environment.Keys.Where(k => k.StartsWith("Bot__", StringComparison.Ordinal) || k.StartsWith("Itop__", StringComparison.Ordinal) || k.StartsWith("State__", StringComparison.Ordinal)).ToList())
        {
            start.Environment.Remove(key);
        }

        var process = new Process { StartInfo = start, EnableRaisingEvents = true };
        var bot = new BotProcess(process, workingDirectory);
        process.OutputDataReceived += (_, e) => bot.OnLine(e.Data);
        process.ErrorDataReceived += (_, e) => bot.OnLine(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return bot;
    }

    private void OnLine(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.AppendLine(line);
        }

        var match = ListeningOn().Match(line);
        if (match.Success)
        {
            _listening.TrySetResult(new Uri(match.Groups["url"].Value.TrimEnd('/') + "/"));
        }
    }

    private static string HostOutputDirectory()
    {
        var configuration = typeof(BotProcess).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";
        var directory = Path.Combine(TestData.RepositoryRoot, "src", "ChatOpsBot", "bin", configuration, "net10.0");
        return File.Exists(Path.Combine(directory, "ChatOpsBot.dll"))
            ? directory
            : throw new FileNotFoundException("Build src/ChatOpsBot first: " + directory);
    }

    [GeneratedRegex(@"Now listening on: (?<url>http://127\.0\.0\.1:\d+)")]
    private static partial Regex ListeningOn();
}
