namespace ChatOpsBot.ItopSandbox.Tests;

/// <summary>A clock the tests set by hand (the recorded exchanges carry their own dates).</summary>
public sealed class ManualClock : TimeProvider
{
    public ManualClock(DateTimeOffset now) => Now = now;

    public DateTimeOffset Now { get; set; }

    public override DateTimeOffset GetUtcNow() => Now;
}
