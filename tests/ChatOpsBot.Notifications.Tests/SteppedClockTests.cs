using ChatOpsBot.Testing;

namespace ChatOpsBot.Notifications.Tests;

/// <summary>The sandbox iTop's clock of the notification tests: a step lands in a later second, a hold keeps one instant, and it never goes back.</summary>
public sealed class SteppedClockTests
{
    [Fact]
    public void A_step_starts_the_next_second_and_the_clock_stays_ahead_of_the_system()
    {
        var clock = new SteppedClock();
        var before = clock.GetUtcNow();

        clock.NextSecond();
        var after = clock.GetUtcNow();
        clock.NextSecond();
        var later = clock.GetUtcNow();

        Assert.True(Second(after) > Second(before), $"{before:O} then {after:O}");
        Assert.True(Second(later) > Second(after), $"{after:O} then {later:O}");
        Assert.True(after - before < TimeSpan.FromSeconds(1.5), "one step is at most the rest of the second");
        Assert.True(clock.Offset > TimeSpan.Zero);
        Assert.True(clock.GetUtcNow() >= TimeProvider.System.GetUtcNow());
    }

    [Fact]
    public async Task Held_it_gives_one_instant_and_released_it_runs_on_from_beyond_it()
    {
        var clock = new SteppedClock();
        clock.Hold();
        var held = clock.GetUtcNow();
        await Task.Delay(50);
        clock.NextSecond();

        Assert.Equal(held, clock.GetUtcNow());
        clock.Release();
        Assert.True(Second(clock.GetUtcNow()) > Second(held), $"{held:O} then {clock.GetUtcNow():O}");
    }

    private static long Second(DateTimeOffset instant) => instant.ToUnixTimeSeconds();
}
