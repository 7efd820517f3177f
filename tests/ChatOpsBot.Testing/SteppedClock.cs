namespace ChatOpsBot.Testing;

/// <summary>
/// A sandbox iTop's clock: the system's, moved forward by <see cref="NextSecond"/> to the start of the next whole second.
/// iTop dates to the second, so a test that needs two writes in distinct seconds steps this clock instead of sleeping
/// through the second. It runs on with real time and never goes back: the bot's first change-feed cursor (its own, system
/// clock) stays before every date iTop gives afterwards, and each cursor taken from iTop's dates stays before the next ones.
/// <see cref="Hold"/> gives every date the one instant it was held at, until <see cref="Release"/>: writes in one second of
/// iTop's clock, whatever time they take.
/// </summary>
public sealed class SteppedClock : TimeProvider
{
    private readonly Lock _step = new();
    private long _offsetTicks;
    private long _heldTicks; // UTC ticks; 0 when not held (read by the sandbox's request threads)

    /// <summary>How far ahead of the system clock the steps have put this clock.</summary>
    public TimeSpan Offset => TimeSpan.FromTicks(Interlocked.Read(ref _offsetTicks));

    public override DateTimeOffset GetUtcNow() =>
        Interlocked.Read(ref _heldTicks) is var held and > 0 ? new DateTimeOffset(held, TimeSpan.Zero) : System.GetUtcNow() + Offset;

    public void Hold() => Interlocked.Exchange(ref _heldTicks, GetUtcNow().UtcTicks);

    /// <summary>Runs on from the held instant's second and beyond: never back.</summary>
    public void Release() => Interlocked.Exchange(ref _heldTicks, 0);

    /// <summary>Jumps to the start of the next second: whatever is dated from now on falls in a later second than anything before.</summary>
    public void NextSecond()
    {
        lock (_step)
        {
            var now = GetUtcNow();
            var next = new DateTimeOffset(now.UtcTicks - (now.UtcTicks % TimeSpan.TicksPerSecond), TimeSpan.Zero).AddSeconds(1);
            Interlocked.Add(ref _offsetTicks, (next - now).Ticks);
        }
    }
}
