using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace ChatOpsBot.Bot.Testing;

/// <summary>Keeps the bot's warnings and errors so that a failing test can show them.</summary>
public sealed class ListLoggerProvider : ILoggerProvider
{
    private readonly ConcurrentQueue<string> _lines = new();

    public IReadOnlyList<string> Lines => [.. _lines];

    /// <summary>Waits until a line containing <paramref name="text"/> was logged (work the bot finishes after its answer).</summary>
    public async Task WaitForAsync(string text, TimeSpan? timeout = null)
    {
        using var cancellation = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(15));
        while (!_lines.Any(l => l.Contains(text, StringComparison.Ordinal)))
        {
            await Task.Delay(20, cancellation.Token).ConfigureAwait(false);
        }
    }

    /// <summary>Waits until <paramref name="count"/> lines containing <paramref name="text"/> were logged.</summary>
    public async Task WaitForCountAsync(string text, int count, TimeSpan? timeout = null)
    {
        using var cancellation = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(15));
        while (_lines.Count(l => l.Contains(text, StringComparison.Ordinal)) < count)
        {
            await Task.Delay(20, cancellation.Token).ConfigureAwait(false);
        }
    }

    public ILogger CreateLogger(string categoryName) => new ListLogger(this, categoryName);

    public void Dispose()
    {
    }

    private sealed class ListLogger(ListLoggerProvider owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
            {
                owner._lines.Enqueue($"{logLevel} {category}: {formatter(state, exception)} {exception}");
            }
        }
    }
}
