using ChatOpsBot.Bot.Chats;
using ChatOpsBot.Bot.Digest;
using ChatOpsBot.Bot.Failures;
using ChatOpsBot.Bot.Localization;
using ChatOpsBot.Bot.Subscriptions;
using ChatOpsBot.Notifications;
using ChatOpsBot.Tickets;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChatOpsBot.Notifications.Digest;

/// <summary>
/// One look at the digests: when one is due (<see cref="DigestCalendar"/>), each conversation not yet served today gets
/// one iTop query and, if it has open tickets, one outbox item (key <c>digest:{day}:{conversation}</c>, so an item queued
/// twice — a crash before the day was recorded, two instances — is delivered once). The outbox's delivery posts it.
/// </summary>
public sealed class DigestRunner(
    IServiceScopeFactory scopes,
    DigestCalendar calendar,
    IOptions<DigestOptions> options,
    TimeProvider time,
    ILogger<DigestRunner> logger)
{
    /// <summary>iTop ticket queries made (tests, README figures).</summary>
    public long TicketQueries => Interlocked.Read(ref _queries);

    private long _queries;

    /// <summary>Returns the number of digests queued.</summary>
    public async Task<int> RunDueAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (calendar.DueDay(now) is not { } day)
        {
            return 0;
        }

        await using var scope = scopes.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var store = services.GetRequiredService<DigestStore>();
        var queued = 0;
        foreach (var target in await store.ListTargetsAsync(cancellationToken).ConfigureAwait(false))
        {
            if (await store.WasSentAsync(target.ConversationId, day, cancellationToken).ConfigureAwait(false))
            {
                continue;
            }

            try
            {
                queued += await RunOneAsync(services, target, day, now, cancellationToken).ConfigureAwait(false) ? 1 : 0;
                await store.MarkSentAsync(target.ConversationId, day, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (DeskFailures.KindOf(ex, cancellationToken) is { } kind)
            {
                // iTop down or refusing the bot: this conversation is tried again at the next scan (until LatestTime).
                Log.DigestFailed(logger, target.ConversationId, kind, ex);
            }
        }

        return queued;
    }

    private async Task<bool> RunOneAsync(IServiceProvider services, DigestTarget target, DateOnly day, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var reference = await services.GetRequiredService<ConversationReferenceStore>().GetAsync(target.ConversationId, cancellationToken).ConfigureAwait(false);
        if (reference is null)
        {
            return false;
        }

        var culture = BotCulture.FromLocale(reference.Locale);
        var (follow, scopeText) = await services.GetRequiredService<DigestScopes>().ResolveAsync(target, culture, cancellationToken).ConfigureAwait(false);
        if (follow.IsEmpty)
        {
            return false;
        }

        Interlocked.Increment(ref _queries);
        var open = await services.GetRequiredService<ITicketDesk>().FindOpenTicketsAsync(follow, options.Value.MaxTickets, cancellationToken).ConfigureAwait(false);
        if (DigestBuilder.Build(open, scopeText, day, now, options.Value.PendingDays) is not { } digest)
        {
            return false;
        }

        var item = new OutboxItem
        {
            IdempotencyKey = "digest:" + day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) + ":" + target.ConversationId,
            Order = now.UtcTicks,
            ConversationId = target.ConversationId,
            Target = OutboxItem.DigestTarget,
            Digest = digest,
        };
        return await services.GetRequiredService<Outbox>().EnqueueAsync(item, cancellationToken).ConfigureAwait(false);
    }
}
