using ChatOpsBot.Bot.Recovery;
using ChatOpsBot.State.Sqlite;
using ChatOpsBot.Tickets.Failures;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace ChatOpsBot.Bot.Tests.Recovery;

/// <summary>
/// Two bot instances on one SQLite state file: work held by a live instance is left alone; work of an instance that stopped
/// or died (its heartbeat expired), or stuck too long, or released and due, is free to take over.
/// </summary>
public sealed class WorkOwnershipTests : IAsyncDisposable
{
    private static readonly RecoveryOptions Options = new() { HeartbeatTimeout = TimeSpan.FromSeconds(15), AbandonAfter = TimeSpan.FromMinutes(2), RetryDelay = TimeSpan.FromSeconds(10), MaxRetryDelay = TimeSpan.FromSeconds(60) };
    private readonly string _file = Path.Combine(Path.GetTempPath(), "chatopsbot-work-" + Guid.NewGuid().ToString("N") + ".db");
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 28, 10, 0, 0, TimeSpan.Zero));
    private readonly SqliteStateStore _state;
    private readonly InstanceHeartbeat _first;
    private readonly InstanceHeartbeat _second;

    public WorkOwnershipTests()
    {
        _state = new SqliteStateStore("Data Source=" + _file, _time);
        _first = new InstanceHeartbeat(_state, Microsoft.Extensions.Options.Options.Create(Options), _time, NullLogger<InstanceHeartbeat>.Instance);
        _second = new InstanceHeartbeat(_state, Microsoft.Extensions.Options.Options.Create(Options), _time, NullLogger<InstanceHeartbeat>.Instance);
    }

    [Fact]
    public async Task Work_of_a_live_instance_is_left_alone_and_taken_over_once_its_heartbeat_expired()
    {
        await _first.StartAsync(CancellationToken.None);
        await _second.StartAsync(CancellationToken.None);
        var held = Ownership(_first).Take();

        Assert.True(Ownership(_first).IsMine(held));
        Assert.False(await Ownership(_first).IsFreeAsync(held, dueOnly: false, CancellationToken.None));
        Assert.False(await Ownership(_second).IsFreeAsync(held, dueOnly: false, CancellationToken.None));

        // The first instance is killed: nobody renews its heartbeat (nor deletes it), which expires.
        _first.Dispose();
        _time.Advance(Options.HeartbeatTimeout + TimeSpan.FromSeconds(1));
        Assert.True(await Ownership(_second).IsFreeAsync(held, dueOnly: true, CancellationToken.None));
        Assert.False(await _second.IsAliveAsync(_first.InstanceId, CancellationToken.None));
        Assert.True(await _second.IsAliveAsync(_second.InstanceId, CancellationToken.None));
    }

    [Fact]
    public async Task Work_of_an_instance_that_stopped_is_free_at_once()
    {
        await _first.StartAsync(CancellationToken.None);
        var held = Ownership(_first).Take();
        Assert.False(await Ownership(_second).IsFreeAsync(held, dueOnly: true, CancellationToken.None));

        await _first.StopAsync(CancellationToken.None);

        Assert.True(await Ownership(_second).IsFreeAsync(held, dueOnly: true, CancellationToken.None));
    }

    [Fact]
    public async Task Work_held_longer_than_AbandonAfter_is_free_even_from_a_live_instance()
    {
        var longBeat = Microsoft.Extensions.Options.Options.Create(new RecoveryOptions { HeartbeatTimeout = TimeSpan.FromMinutes(10), AbandonAfter = Options.AbandonAfter });
        using var live = new InstanceHeartbeat(_state, longBeat, _time, NullLogger<InstanceHeartbeat>.Instance);
        await live.StartAsync(CancellationToken.None);
        var held = Ownership(live).Take();
        _time.Advance(Options.AbandonAfter + TimeSpan.FromSeconds(1));

        Assert.True(await _second.IsAliveAsync(live.InstanceId, CancellationToken.None));
        Assert.True(await Ownership(_second).IsFreeAsync(held, dueOnly: true, CancellationToken.None));
        Assert.True(await Ownership(live).IsFreeAsync(held, dueOnly: true, CancellationToken.None));
        live.Dispose();
    }

    [Fact]
    public async Task Released_work_is_due_after_a_delay_that_doubles_but_a_click_may_take_it_at_once()
    {
        var ownership = Ownership(_second);
        var first = ownership.Release(Ownership(_first).Take(), DeskFailureKind.CredentialsRefused);
        Assert.Equal((null, 1, DeskFailureKind.CredentialsRefused), (first.Owner, first.Attempts, first.LastFailure));
        Assert.Equal(_time.GetUtcNow() + Options.RetryDelay, first.RetryAt);
        Assert.True(await ownership.IsFreeAsync(first, dueOnly: false, CancellationToken.None));
        Assert.False(await ownership.IsFreeAsync(first, dueOnly: true, CancellationToken.None));

        _time.Advance(Options.RetryDelay);
        Assert.True(await ownership.IsFreeAsync(first, dueOnly: true, CancellationToken.None));

        var retaken = ownership.Take(first);
        Assert.Equal((1, DeskFailureKind.CredentialsRefused), (retaken.Attempts, retaken.LastFailure));
        Assert.Equal(_time.GetUtcNow() + 2 * Options.RetryDelay, ownership.Release(retaken, DeskFailureKind.Unavailable).RetryAt);
        var many = retaken with { Attempts = 30 };
        Assert.Equal(_time.GetUtcNow() + Options.MaxRetryDelay, ownership.Release(many, DeskFailureKind.Unavailable).RetryAt);
    }

    public async ValueTask DisposeAsync()
    {
        _first.Dispose();
        _second.Dispose();
        _state.Dispose();
        await Task.Yield();
        File.Delete(_file);
    }

    private WorkOwnership Ownership(InstanceHeartbeat heartbeat) => new(heartbeat, Microsoft.Extensions.Options.Options.Create(Options), _time);
}
