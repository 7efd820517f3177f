using ChatOpsBot.Bot;
using ChatOpsBot.Testing;
using System.Reflection;
using ChatOpsBot.Bot.Chats;
using ChatOpsBot.Bot.Subscriptions;
using ChatOpsBot.Notifications;
using ChatOpsBot.Protocol.Connector;
using ChatOpsBot.Protocol.Proactive;
using ChatOpsBot.State;
using ChatOpsBot.Tickets;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace ChatOpsBot.Notifications.Tests;

/// <summary>A 429 storm from the Connector: everything is delivered, once, within the Teams limits (fake clock).</summary>
public sealed class ThrottlingTests(Xunit.Abstractions.ITestOutputHelper output) : IAsyncDisposable
{
    private const int Conversations = 3;
    private const int PerConversation = 50;
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "chatopsbot-notify-tests", Guid.NewGuid().ToString("N"));
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 2, 8, 0, 0, TimeSpan.Zero));
    private ServiceProvider? _provider;

    [Theory]
    [InlineData(null)]
    [InlineData(4)] // Retry-After longer than the configured back-off: it wins
    public async Task A_429_storm_delays_but_drops_nothing_and_the_limits_hold(int? retryAfterSeconds)
    {
        var retryAfter = retryAfterSeconds is { } seconds ? TimeSpan.FromSeconds(seconds) : (TimeSpan?)null;
        var backoff = retryAfter ?? TimeSpan.FromSeconds(1);
        var connector = new ThrottlingConnector(_time, stormLength: 40, every: 4, retryAfter: retryAfter);
        var provider = Build(connector);
        await SeedAsync(provider);
        var deliverer = provider.GetRequiredService<OutboxDeliverer>();
        var start = _time.GetUtcNow();

        for (var rounds = 0; ; rounds++)
        {
            Assert.True(rounds < 100_000, "the outbox never drained");
            var wait = await deliverer.DrainOnceAsync(CancellationToken.None);
            if (wait is null)
            {
                break;
            }

            _time.Advance(wait.Value > TimeSpan.Zero ? wait.Value : TimeSpan.FromMilliseconds(1));
        }

        var delivered = connector.Attempts.Where(a => !a.Throttled).ToList();
        var elapsed = _time.GetUtcNow() - start;
        output.WriteLine($"{delivered.Count} delivered, {connector.Attempts.Count - delivered.Count} answered 429, in {elapsed.TotalSeconds:F1} s of (fake) time: {delivered.Count / elapsed.TotalSeconds:F2} msg/s");
        Assert.Equal(Conversations * PerConversation, delivered.Count);
        Assert.Equal(delivered.Count, delivered.Select(a => (a.ConversationId, a.Text)).Distinct().Count());
        Assert.True(connector.Attempts.Count(a => a.Throttled) >= 40);

        foreach (var group in connector.Attempts.GroupBy(a => a.ConversationId))
        {
            var attempts = group.ToList();
            for (var i = 0; i < attempts.Count; i++)
            {
                var at = attempts[i].At;
                Assert.True(attempts.Count(a => a.At > at - TimeSpan.FromSeconds(1) && a.At <= at) <= 7, "7 per second exceeded at " + at);
                Assert.True(attempts.Count(a => a.At > at - TimeSpan.FromSeconds(30) && a.At <= at) <= 60, "60 per 30 s exceeded at " + at);
                if (attempts[i].Throttled && i + 1 < attempts.Count)
                {
                    Assert.True(attempts[i + 1].At - at >= backoff, "retried before the back-off after a 429");
                }
            }

            // Per conversation, the order of the changes is kept.
            var order = group.Where(a => !a.Throttled).Select(a => a.Text).ToList();
            Assert.Equal(order.OrderBy(t => t, StringComparer.Ordinal), order);
        }

        foreach (var attempt in connector.Attempts)
        {
            Assert.True(connector.Attempts.Count(a => a.At > attempt.At - TimeSpan.FromSeconds(1) && a.At <= attempt.At) <= 10, "tenant limit exceeded");
        }

        Assert.Empty(await provider.GetRequiredService<IStateStore>().ListAsync("outbox:pending:"));
    }

    [Fact]
    public async Task A_403_drops_the_conversation_reference_and_gives_the_item_up()
    {
        var connector = new ThrottlingConnector(_time, int.MaxValue, 1, 403);
        var provider = Build(connector);
        await SeedAsync(provider, conversations: 1, perConversation: 2);
        var deliverer = provider.GetRequiredService<OutboxDeliverer>();
        Assert.Null(await deliverer.DrainOnceAsync(CancellationToken.None));

        await using var scope = provider.CreateAsyncScope();
        Assert.Null(await scope.ServiceProvider.GetRequiredService<ConversationReferenceStore>().GetAsync("conv-0", CancellationToken.None));
        Assert.Null(await scope.ServiceProvider.GetRequiredService<ConversationReferenceStore>().GetPersonalByUserIdAsync("29:user-0", CancellationToken.None));
        Assert.Empty(await provider.GetRequiredService<IStateStore>().ListAsync("outbox:pending:"));
        Assert.Single(connector.Attempts); // the second item finds no reference any more

        // Given up is final too: the same change classified again is not queued again.
        var again = new OutboxItem { IdempotencyKey = "1:1:personal:conv-0", Order = 0, ConversationId = "conv-0", Target = OutboxItem.PersonalTarget, TicketId = 1, Kind = TicketEventKind.Assigned };
        Assert.False(await scope.ServiceProvider.GetRequiredService<Outbox>().EnqueueAsync(again, CancellationToken.None));
    }

    public async ValueTask DisposeAsync()
    {
        if (_provider is not null)
        {
            await _provider.DisposeAsync();
        }

        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // SQLite may still hold the file for a moment.
        }
    }

    private ServiceProvider Build(IConnectorClientFactory connector)
    {
        Directory.CreateDirectory(_directory);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["State:Provider"] = "Sqlite",
            ["State:ConnectionString"] = "Data Source=" + Path.Combine(_directory, "state.db"),
            ["Notifications:TenantLimit"] = "10",
            ["Notifications:ThrottledBackoff"] = "00:00:01",
            [SeedRoles.GroupDeskSetting.Key] = SeedRoles.GroupDeskSetting.Value,
        }).Build();
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(_time);
        services.AddLogging();
        services.AddStateStore(configuration);
        services.AddSingleton(DispatchProxy.Create<ITicketDesk, UnusedDesk>());
        services.AddChatOpsBotConversation(configuration);
        services.AddChatOpsBotNotifications(configuration);
        services.AddSingleton(connector);
        _provider = services.BuildServiceProvider();
        return _provider;
    }

    private static async Task SeedAsync(IServiceProvider provider, int conversations = Conversations, int perConversation = PerConversation)
    {
        await using var scope = provider.CreateAsyncScope();
        var references = scope.ServiceProvider.GetRequiredService<ConversationReferenceStore>();
        var threads = scope.ServiceProvider.GetRequiredService<TicketThreadStore>();
        var outbox = scope.ServiceProvider.GetRequiredService<Outbox>();
        for (var c = 0; c < conversations; c++)
        {
            await references.SaveAsync(
                new LinkedReference
                {
                    ConversationId = "conv-" + c,
                    ServiceUrl = "http://127.0.0.1:1/",
                    Scope = ConversationReference.Personal,
                    TenantId = "tenant-1",
                    UserId = "29:user-" + c,
                },
                CancellationToken.None);
            for (var i = 0; i < perConversation; i++)
            {
                var id = c * 1000 + i + 1;
                var ticket = new Ticket { Id = id, Ref = "R-" + id.ToString("000000", System.Globalization.CultureInfo.InvariantCulture), Title = "T" + i, Status = TicketStatus.Assigned, OrgId = 3 };
                await threads.SaveSnapshotAsync(ticket, CancellationToken.None);
                Assert.True(await outbox.EnqueueAsync(
                    new OutboxItem
                    {
                        IdempotencyKey = id + ":1:personal:conv-" + c,
                        Order = i,
                        ConversationId = "conv-" + c,
                        Target = OutboxItem.PersonalTarget,
                        TicketId = id,
                        Kind = TicketEventKind.Assigned,
                    },
                    CancellationToken.None));
            }
        }
    }

    /// <summary>The delivery of personal notifications never reads iTop.</summary>
    public class UnusedDesk : DispatchProxy
    {
        protected override object? Invoke(MethodInfo? targetMethod, object?[]? args) =>
            throw new NotSupportedException(targetMethod?.Name);
    }
}
