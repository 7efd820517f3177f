using System.Text;
using ChatOpsBot.Testing;
using ChatOpsBot.Tests.Infrastructure;

namespace ChatOpsBot.Tests.Crash;

/// <summary>The bot as its own process (<c>dotnet ChatOpsBot.dll</c>), started with fixed settings, killed and started again.</summary>
internal sealed class KillableBot(IDictionary<string, string?> settings) : IAsyncDisposable
{
    private readonly StringBuilder _killedOutput = new();
    private DotnetProcess? _process;

    /// <summary>The running process (started by <see cref="StartAsync"/>).</summary>
    public DotnetProcess Process => _process ?? throw new InvalidOperationException("No bot is running.");

    /// <summary>What every process printed so far (for failure messages).</summary>
    public string Output => _killedOutput + (_process?.Output ?? string.Empty);

    /// <param name="overrides">Settings changed for this start only.</param>
    public async Task StartAsync(IDictionary<string, string?>? overrides = null)
    {
        var effective = new Dictionary<string, string?>(settings);
        foreach (var (key, value) in overrides ?? new Dictionary<string, string?>())
        {
            effective[key] = value;
        }

        _process = await BotProcess.StartAsync(effective);
    }

    /// <summary>SIGKILL: nothing is finished, recorded or released.</summary>
    public async Task KillAsync()
    {
        var process = Process;
        _process = null;
        await process.KillAsync();
        _killedOutput.AppendLine(process.Output).AppendLine("---- killed ----");
        await process.DisposeAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (_process is not null)
        {
            await _process.DisposeAsync();
        }
    }
}
