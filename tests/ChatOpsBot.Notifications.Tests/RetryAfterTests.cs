using ChatOpsBot.State;

namespace ChatOpsBot.Notifications.Tests;

/// <summary>Teams answers 429 with Retry-After over real HTTP: nothing is sent again sooner, nothing is lost or doubled.</summary>
public sealed class RetryAfterTests
{
    [Fact]
    public async Task A_429_storm_with_Retry_After_is_waited_out_and_everything_arrives_once()
    {
        await using var host = await NotificationTestHost.StartAsync(new Dictionary<string, string?>
        {
            ["Bot:ConnectorMaxRetries"] = "1", // one wait inside the Connector client, then the outbox's own back-off
            ["Notifications:ThrottledBackoff"] = "00:00:00.100", // shorter than Retry-After: Retry-After must win
        });
        await host.SubscribeAsync("OpenMoodle");
        await host.WaitForCursorAsync();

        var before = host.Teams.Sent.Count;
        host.Teams.ThrottleNext(6, TimeSpan.FromSeconds(1));
        var refs = new List<string>();
        for (var i = 0; i < 4; i++)
        {
            refs.Add((await host.ConsoleCreateTicketAsync("Tempête " + i)).Ref);
        }

        foreach (var reference in refs)
        {
            await host.Teams.WaitForAsync(s => s.TargetActivityId is null && s.CardText.Contains(reference, StringComparison.Ordinal), before, TimeSpan.FromSeconds(60));
        }

        await Task.Delay(500); // a repeat would show up now
        var throttled = host.Teams.Throttled;
        Assert.Equal(6, throttled.Count);
        var posted = host.Teams.Sent.Skip(before).Where(s => s.ConversationId == NotificationTestHost.ChannelId && s.TargetActivityId is null).ToList();
        Assert.Equal(refs.Order(StringComparer.Ordinal), posted.Select(p => refs.Single(r => p.CardText.Contains(r, StringComparison.Ordinal))).Order(StringComparer.Ordinal));

        // After each 429, the next request of that conversation came no sooner than Retry-After (timer grain allowed).
        foreach (var (at, conversation) in throttled)
        {
            var next = throttled.Select(t => t.At).Concat(host.Teams.Sent.Skip(before).Where(s => s.ConversationId == conversation).Select(s => s.At))
                .Where(t => t > at).DefaultIfEmpty(DateTimeOffset.MaxValue).Min();
            Assert.True(next - at >= TimeSpan.FromMilliseconds(950), $"sent again {(next - at).TotalMilliseconds:F0} ms after a 429 with Retry-After: 1");
        }

        Assert.Empty(await host.Service<IStateStore>().ListAsync("outbox:pending:"));
    }
}
