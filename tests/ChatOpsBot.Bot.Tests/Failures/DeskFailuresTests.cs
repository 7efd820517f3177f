using System.Net.Sockets;
using ChatOpsBot.Bot.Actions;
using ChatOpsBot.Bot.Failures;
using ChatOpsBot.Itop.Errors;
using ChatOpsBot.State.Sqlite;
using ChatOpsBot.Tickets.Failures;
using ChatOpsBot.Tickets.Rules;
using Microsoft.Extensions.Time.Testing;

namespace ChatOpsBot.Bot.Tests.Failures;

/// <summary>
/// Failures cross the <c>ITicketDesk</c> port as the domain exceptions it declares: the bot tells the desk's failures by
/// <see cref="TicketDeskException.Kind"/> only, never by a transport's or the adapter's own type.
/// </summary>
public sealed class DeskFailuresTests
{
    public static TheoryData<DeskFailureKind> Kinds => [.. Enum.GetValues<DeskFailureKind>()];

    [Theory]
    [MemberData(nameof(Kinds))]
    public void A_desk_failure_is_told_by_its_kind_also_when_wrapped(DeskFailureKind kind)
    {
        var failure = new TicketDeskException(kind, "the store failed");
        Assert.Equal(kind, DeskFailures.KindOf(failure, CancellationToken.None));
        Assert.Equal(kind, DeskFailures.KindOf(new InvalidOperationException("outer", failure), CancellationToken.None));
    }

    [Fact]
    public void The_adapters_exceptions_are_desk_failures_of_their_kind()
    {
        Assert.Equal(DeskFailureKind.Unavailable, DeskFailures.KindOf(new ItopUnavailableException("down"), CancellationToken.None));
        Assert.Equal(DeskFailureKind.CredentialsRefused, DeskFailures.KindOf(new ItopUnauthorizedException("no"), CancellationToken.None));
        Assert.Equal(DeskFailureKind.NotFound, DeskFailures.KindOf(new ItopObjectNotFoundException(100, "Invalid object"), CancellationToken.None));
        Assert.Equal(DeskFailureKind.Refused, DeskFailures.KindOf(new TicketDeskException("refused"), CancellationToken.None));
    }

    [Fact]
    public void Transport_failures_that_did_not_cross_the_port_are_not_told_as_the_stores()
    {
        Assert.Null(DeskFailures.KindOf(new HttpRequestException("connector"), CancellationToken.None));
        Assert.Null(DeskFailures.KindOf(new TimeoutException("slow"), CancellationToken.None));
        Assert.Null(DeskFailures.KindOf(new SocketException(), CancellationToken.None));
        Assert.Null(DeskFailures.KindOf(new InvalidOperationException("a bug"), CancellationToken.None));
    }

    [Fact]
    public void A_broken_rule_and_the_callers_cancellation_are_not_store_failures()
    {
        Assert.Null(DeskFailures.KindOf(new TicketRuleException(TicketRuleCode.TicketClosed), CancellationToken.None));
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();
        var wrapped = new TicketDeskException(DeskFailureKind.Unavailable, "cancelled", new OperationCanceledException(cancelled.Token));
        Assert.Null(DeskFailures.KindOf(new OperationCanceledException(cancelled.Token), cancelled.Token));
        Assert.Equal(DeskFailureKind.Unavailable, DeskFailures.KindOf(wrapped, cancelled.Token));
    }

    [Fact]
    public async Task The_shared_ticket_lock_given_up_is_a_desk_failure_unavailable()
    {
        var file = Path.Combine(Path.GetTempPath(), "chatopsbot-lock-" + Guid.NewGuid().ToString("N") + ".db");
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 12, 2, 10, 0, 0, TimeSpan.Zero));
        try
        {
            using var other = new SqliteLeaseManager("Data Source=" + file, time, holderId: "other-instance");
            using var mine = new SqliteLeaseManager("Data Source=" + file, time, holderId: "this-instance");
            await using var held = await new StateTicketLock(other, time).AcquireAsync(42, CancellationToken.None);

            var waiting = new StateTicketLock(mine, time).AcquireAsync(42, CancellationToken.None);
            for (var i = 0; i < 100 && !waiting.IsCompleted; i++)
            {
                await Task.Delay(5);
                time.Advance(TimeSpan.FromSeconds(1));
            }

            var refused = await Assert.ThrowsAsync<TicketDeskException>(() => waiting);
            Assert.Equal(DeskFailureKind.Unavailable, DeskFailures.KindOf(refused, CancellationToken.None));
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            foreach (var suffix in new[] { "", "-wal", "-shm" })
            {
                File.Delete(file + suffix);
            }
        }
    }
}
