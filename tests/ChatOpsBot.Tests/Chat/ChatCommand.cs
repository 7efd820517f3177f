using System.Diagnostics;
using System.Reflection;
using System.Runtime.InteropServices;
using System.Text.RegularExpressions;
using ChatOpsBot.Testing;

namespace ChatOpsBot.Tests.Chat;

/// <summary>
/// <c>bash tests/e2e/chat.sh</c> run as a person would, with its bot on a free loopback port and its state in a temporary
/// folder. Every process it starts inherits <see cref="Marker"/> in its environment, so that none can hide after the stop.
/// </summary>
public sealed partial class ChatCommand : IAsyncDisposable
{
    private readonly Process _process;
    private readonly List<string> _lines = [];

    private ChatCommand(Process process, string folder, Uri bot, string marker)
    {
        _process = process;
        Folder = folder;
        Bot = bot;
        Marker = marker;
        process.OutputDataReceived += (_, e) => Add(e.Data);
        process.ErrorDataReceived += (_, e) => Add(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public string Folder { get; }

    public Uri Bot { get; }

    public string Marker { get; }

    public int ProcessId => _process.Id;

    public string Output
    {
        get
        {
            lock (_lines)
            {
                return string.Join('\n', _lines);
            }
        }
    }

    /// <summary>The people's lines: their playground's URL and their name.</summary>
    public IReadOnlyList<(Uri Url, string Name)> People
    {
        get
        {
            lock (_lines)
            {
                return [.. _lines.Select(l => PersonLine().Match(l)).Where(m => m.Success).Select(m => (new Uri(m.Groups["url"].Value), m.Groups["name"].Value))];
            }
        }
    }

    public static ChatCommand Start(params string[] arguments)
    {
        var folder = Directory.CreateTempSubdirectory("chatopsbot-chat-test-").FullName;
        var bot = new Uri($"http://127.0.0.1:{FreePort()}");
        var marker = Guid.NewGuid().ToString("N");
        var start = new ProcessStartInfo("bash")
        {
            WorkingDirectory = TestData.RepositoryRoot,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(TestData.RepositoryRoot, "tests", "e2e", "chat.sh"));
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.ArgumentList.Add("--");
        start.ArgumentList.Add($"--State:ConnectionString=Data Source={Path.Combine(folder, "chatopsbot.db")}");
        start.ArgumentList.Add($"--Itop:SandboxDatabasePath={Path.Combine(folder, "itop-sandbox.db")}");
        start.Environment["CHAT_BOT_URL"] = bot.ToString().TrimEnd('/');
        start.Environment["CHAT_PORT"] = FreePort().ToString(System.Globalization.CultureInfo.InvariantCulture);
        start.Environment["CHAT_CONFIGURATION"] = typeof(ChatCommand).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";
        start.Environment["TMPDIR"] = folder;
        start.Environment["CHATOPSBOT_TEST_MARKER"] = marker;
        return new ChatCommand(Process.Start(start)!, folder, bot, marker);
    }

    /// <summary>Waits until the command printed a line matching <paramref name="pattern"/>; fails if it exits first.</summary>
    public async Task WaitForLineAsync(string pattern, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!Regex.IsMatch(Output, pattern, RegexOptions.Multiline))
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"chat.sh exited ({_process.ExitCode}) before printing /{pattern}/:\n{Output}");
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"chat.sh did not print /{pattern}/ within {timeout}:\n{Output}");
            }

            await Task.Delay(200);
        }
    }

    /// <summary>Ctrl+C: SIGINT to the command; its exit code once it exited within <paramref name="timeout"/>.</summary>
    public async Task<int> InterruptAsync(TimeSpan timeout)
    {
        const int sigint = 2;
        if (Kill(_process.Id, sigint) != 0)
        {
            throw new InvalidOperationException($"kill({_process.Id}, SIGINT) failed: errno {Marshal.GetLastPInvokeError()}");
        }

        using var cancel = new CancellationTokenSource(timeout);
        await _process.WaitForExitAsync(cancel.Token);
        return _process.ExitCode;
    }

    /// <summary>The processes alive now that were started by the command (its marker in their environment), with their command line.</summary>
    public IReadOnlyList<(int Pid, string CommandLine)> ProcessesStarted()
    {
        var found = new List<(int, string)>();
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(directory), out var pid))
            {
                continue;
            }

            try
            {
                if (File.ReadAllText(Path.Combine(directory, "environ")).Contains("CHATOPSBOT_TEST_MARKER=" + Marker, StringComparison.Ordinal))
                {
                    found.Add((pid, File.ReadAllText(Path.Combine(directory, "cmdline")).Replace('\0', ' ').Trim()));
                }
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // Gone meanwhile, or not ours to read.
            }
        }

        return found;
    }

    public static bool IsListening(Uri address)
    {
        using var client = new System.Net.Sockets.TcpClient();
        try
        {
            client.Connect(address.Host, address.Port);
            return true;
        }
        catch (System.Net.Sockets.SocketException)
        {
            return false;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        foreach (var (pid, _) in ProcessesStarted())
        {
            try
            {
                using var left = Process.GetProcessById(pid);
                left.Kill();
            }
            catch (ArgumentException)
            {
                // Already gone.
            }
        }

        _process.Dispose();
        Directory.Delete(Folder, recursive: true);
    }

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }

    private void Add(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_lines)
        {
            _lines.Add(line);
        }
    }

    [GeneratedRegex(@"^\s+(?<url>http://127\.0\.0\.1:\d+)\s+(?<name>.+?) \(")]
    private static partial Regex PersonLine();

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int Kill(int pid, int signal);
}
