using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.RegularExpressions;

namespace ChatOpsBot.Testing;

/// <summary>
/// A .NET web app run as a separate process (<c>dotnet app.dll --urls http://127.0.0.1:0 …</c>) from its own temporary
/// working folder: it reports the address Kestrel bound, keeps what it printed, and reads its RSS from /proc.
/// </summary>
public sealed partial class DotnetProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly TaskCompletionSource<Uri> _listening = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private DotnetProcess(Process process, string workingDirectory)
    {
        _process = process;
        WorkingDirectory = workingDirectory;
    }

    public string WorkingDirectory { get; }

    /// <summary>Where it listens; null until it printed "Now listening on".</summary>
    public Uri? BaseAddress => _listening.Task.IsCompletedSuccessfully ? _listening.Task.Result : null;

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

    /// <summary>The process id (e.g. to read more of /proc).</summary>
    public int Id => _process.Id;

    public int ExitCode => _process.ExitCode;

    /// <summary>
    /// Starts <paramref name="assemblyPath"/> with <paramref name="arguments"/> (listen on loopback port 0 is added) and
    /// waits until it listens or exits; <see cref="BaseAddress"/> stays null when it exited first.
    /// </summary>
    public static async Task<DotnetProcess> StartAsync(
        string assemblyPath,
        IEnumerable<string> arguments,
        IDictionary<string, string>? environment = null,
        TimeSpan? timeout = null)
    {
        var workingDirectory = Directory.CreateTempSubdirectory("chatopsbot-proc-").FullName;
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(assemblyPath);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add("http://127.0.0.1:0");
        foreach (var key in start.Environment.Keys.Where(IsAppSetting).ToList())
        {
            start.Environment.Remove(key);
        }

        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[key] = value;
        }

        var process = new Process { StartInfo = start, EnableRaisingEvents = true };
        var child = new DotnetProcess(process, workingDirectory);
        process.OutputDataReceived += (_, e) => child.OnLine(e.Data);
        process.ErrorDataReceived += (_, e) => child.OnLine(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        await Task.WhenAny(child._listening.Task, process.WaitForExitAsync(), Task.Delay(timeout ?? TimeSpan.FromSeconds(60)));
        if (child.BaseAddress is null && !process.HasExited)
        {
            var output = child.Output;
            await child.DisposeAsync();
            throw new TimeoutException("The process did not start listening:\n" + output);
        }

        return child;
    }

    public async Task<bool> WaitForExitAsync(TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(cts.Token);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    /// <summary>SIGKILL, as a crash or an OOM kill would end it: no shutdown code runs, nothing is flushed or released.</summary>
    public async Task KillAsync()
    {
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
    }

    /// <summary>
    /// SIGTERM, as App Service or a container runtime stops it: the host shuts down gracefully (telemetry is flushed);
    /// true when it exited within <paramref name="timeout"/>.
    /// </summary>
    public async Task<bool> StopAsync(TimeSpan timeout)
    {
        const int sigterm = 15;
        if (!_process.HasExited && Kill(_process.Id, sigterm) != 0)
        {
            throw new InvalidOperationException($"kill({_process.Id}, SIGTERM) failed: errno {Marshal.GetLastPInvokeError()}");
        }

        return await WaitForExitAsync(timeout);
    }

    /// <summary>Resident set size in megabytes (Linux /proc).</summary>
    public double RssMegabytes()
    {
        foreach (var line in File.ReadLines($"/proc/{_process.Id}/status"))
        {
            if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
            {
                var kilobytes = double.Parse(line["VmRSS:".Length..].Replace("kB", string.Empty, StringComparison.Ordinal).Trim(), CultureInfo.InvariantCulture);
                return kilobytes / 1024;
            }
        }

        return double.NaN;
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
            // a file still held by a dying child: the temp folder is left behind, harmless
        }
    }

    // The child's configuration comes from its arguments only, not from what this process inherited.
    private static bool IsAppSetting(string key) =>
        key.StartsWith("Bot__", StringComparison.Ordinal)
        || key.StartsWith("Itop__", StringComparison.Ordinal)
        || key.StartsWith("State__", StringComparison.Ordinal)
        || key.StartsWith("ASPNETCORE_", StringComparison.Ordinal);

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
            _listening.TrySetResult(new Uri(match.Groups["url"].Value + "/"));
        }
    }

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int Kill(int pid, int signal);

    [GeneratedRegex(@"Now listening on: (?<url>http://127\.0\.0\.1:\d+)")]
    private static partial Regex ListeningOn();
}
