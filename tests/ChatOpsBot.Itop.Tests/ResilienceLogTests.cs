using System.Collections.Concurrent;
using ChatOpsBot.Itop.Errors;
using ChatOpsBot.Itop.Tests.Infrastructure;
using ChatOpsBot.Tickets;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Xunit;

namespace ChatOpsBot.Itop.Tests;

/// <summary>Polly reports each iTop attempt: the successful ones at Debug, an attempt that will be retried at Warning.</summary>
public sealed class ResilienceLogTests
{
    [Fact]
    public async Task A_read_retried_once_logs_the_failed_attempt_as_a_warning_and_the_successful_ones_at_debug()
    {
        var logs = new LevelLoggerProvider();
        var calls = 0;
        await using var stub = await StubItop.StartAsync(r =>
            r.Operation == "core/get" && Interlocked.Increment(ref calls) == 1 ? new StubReply(503, "") : StubReply.Ok(Corpus.Body("006")));
        await using var sp = DeskFactory.Build(stub.BaseAddress, o => o.ReadRetries = 1,
            extra: s => s.AddLogging(b => b.AddProvider(logs).SetMinimumLevel(LogLevel.Trace)));

        // The second answer is an HTTP 200 carrying an iTop error (a recorded one): Polly saw 503, then success.
        await Assert.ThrowsAsync<ItopUnauthorizedException>(() => sp.GetRequiredService<ITicketDesk>().GetTicketAsync(2, default));

        var attempts = logs.Entries.Where(e => e.Category.StartsWith("Polly", StringComparison.Ordinal) && e.Message.Contains("Execution attempt", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, attempts.Count);
        Assert.Equal([LogLevel.Warning, LogLevel.Debug], attempts.Select(a => a.Level));
        Assert.DoesNotContain(logs.Entries, e => e.Category.StartsWith("Polly", StringComparison.Ordinal) && e.Level == LogLevel.Information);
    }

    private sealed class LevelLoggerProvider : ILoggerProvider
    {
        public ConcurrentQueue<(LogLevel Level, string Category, string Message)> Entries { get; } = new();

        public ILogger CreateLogger(string categoryName) => new LevelLogger(this, categoryName);

        public void Dispose()
        {
        }

        private sealed class LevelLogger(LevelLoggerProvider owner, string category) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
                owner.Entries.Enqueue((logLevel, category, formatter(state, exception)));
        }
    }
}
