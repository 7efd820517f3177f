using ChatOpsBot.Bot.Tests.Infrastructure;
using ChatOpsBot.Bot.Turns;
using ChatOpsBot.Protocol;
using ChatOpsBot.Protocol.Schema;
using Microsoft.Extensions.Time.Testing;

namespace ChatOpsBot.Bot.Tests.Turns;

/// <summary>The typing indicator goes through the real Connector client to the loopback Teams.</summary>
public sealed class TypingIndicatorTests
{
    [Fact]
    public async Task Typing_is_shown_only_while_a_slow_call_runs()
    {
        await using var host = await BotTestHost.StartAsync();
        var time = new FakeTimeProvider();
        var indicator = new TypingIndicator(time);
        var turn = new TurnContext(
            new Activity
            {
                Type = ActivityTypes.Message,
                Id = "a1",
                ServiceUrl = host.Teams.BaseAddress.ToString(),
                Conversation = new ConversationAccount { Id = "conv-typing" },
                From = new ChannelAccount { Id = "29:hamid" },
                Recipient = new ChannelAccount { Id = TeamsActivity.BotId },
            },
            host.CreateConnector());

        // A fast call: no typing at all.
        Assert.Equal(1, await indicator.WhileAsync(turn, _ => Task.FromResult(1), CancellationToken.None));

        var release = new TaskCompletionSource<int>();
        var slow = indicator.WhileAsync(turn, _ => release.Task, CancellationToken.None);
        await Task.Delay(100);
        Assert.DoesNotContain(host.Teams.Sent, s => s.Type == "typing");
        await AdvanceUntilTypingAsync(host, time, after: 0);
        await AdvanceUntilTypingAsync(host, time, after: host.Teams.Sent.Count);
        release.SetResult(2);
        Assert.Equal(2, await slow);
        var count = host.Teams.Sent.Count(s => s.Type == "typing");
        time.Advance(TypingIndicator.Interval * 3);
        await Task.Delay(200);
        Assert.Equal(count, host.Teams.Sent.Count(s => s.Type == "typing"));
        Assert.True(count >= 2);
    }

    // The indicator re-arms its timer only after the previous typing activity was sent: advance in small steps.
    private static async Task AdvanceUntilTypingAsync(BotTestHost host, FakeTimeProvider time, int after)
    {
        for (var i = 0; i < 400 && !host.Teams.Sent.Skip(after).Any(s => s.Type == "typing"); i++)
        {
            time.Advance(TimeSpan.FromMilliseconds(250));
            await Task.Delay(10);
        }

        Assert.Contains(host.Teams.Sent.Skip(after), s => s.Type == "typing");
    }
}
