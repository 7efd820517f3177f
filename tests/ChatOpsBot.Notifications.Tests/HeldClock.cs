namespace ChatOpsBot.Notifications.Tests;

/// <summary>The sandbox iTop's clock: the system's, except while held, when every write gets the instant it was held at (one second for all).</summary>
public sealed class HeldClock : TimeProvider
{
    private long _heldTicks; // UTC ticks; 0 when not held (read by the sandbox's request threads)

    public override DateTimeOffset GetUtcNow() =>
        Interlocked.Read(ref _heldTicks) is var held and > 0 ? new DateTimeOffset(held, TimeSpan.Zero) : System.GetUtcNow();

    public void Hold() => Interlocked.Exchange(ref _heldTicks, System.GetUtcNow().UtcTicks);

    public void Release() => Interlocked.Exchange(ref _heldTicks, 0);
}
