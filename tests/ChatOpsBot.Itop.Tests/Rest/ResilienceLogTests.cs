using ChatOpsBot.Itop.Errors;
using ChatOpsBot.Itop.Tests.Infrastructure;
using ChatOpsBot.Testing;
using ChatOpsBot.Tickets;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Xunit;

namespace ChatOpsBot.Itop.Tests.Rest;

/// <summary>Polly reports each iTop attempt: the successful ones at Debug, an attempt that will be retried at Warning.</summary>
public sealed class ResilienceLogTests
{
    [Fact]
    public async Task A_read_retried_once_logs_the_failed_attempt_as_a_warning_and_the_successful_ones_at_debug()
    {
        var logs = new CapturingLoggerProvider();
        var calls = 0;
        await using var stub = await StubItop.StartAsync(r =>
            r.Operation == "core/get" && Interlocked.Increment(ref calls) == 1 ? new StubReply(503, "") : StubReply.Ok(Corpus.Body("006")));
        await using var sp = DeskFactory.Build(stub.BaseAddress, o => o.ReadRetries = 1,
            extra: s => s.AddLogging(b => b.AddProvider(logs).SetMinimumLevel(LogLevel.Trace)));

        // The second answer is an HTTP 200 carrying iTop's refused login (code 1, recorded): Polly saw 503, then success;
        // the client sends a read refused with code 1 once more (a third attempt, also a success for Polly), then gives up.
        await Assert.ThrowsAsync<ItopUnauthorizedException>(() => sp.GetRequiredService<ITicketDesk>().GetTicketAsync(2, default));

        var attempts = logs.Entries.Where(e => e.Category.StartsWith("Polly", StringComparison.Ordinal) && e.Message.Contains("Execution attempt", StringComparison.Ordinal)).ToList();
        Assert.Equal(3, attempts.Count);
        Assert.Equal([LogLevel.Warning, LogLevel.Debug, LogLevel.Debug], attempts.Select(a => a.Level));
        Assert.DoesNotContain(logs.Entries, e => e.Category.StartsWith("Polly", StringComparison.Ordinal) && e.Level == LogLevel.Information);
    }
}
