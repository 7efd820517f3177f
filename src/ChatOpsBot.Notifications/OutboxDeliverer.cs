using System.Net;
using ChatOpsBot.Bot.Chats;
using ChatOpsBot.Bot.Localization;
using ChatOpsBot.Bot.Rendering;
using ChatOpsBot.Bot.Subscriptions;
using ChatOpsBot.Bot.Turns;
using ChatOpsBot.Protocol.Connector;
using ChatOpsBot.Protocol.Proactive;
using ChatOpsBot.Protocol.Schema;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChatOpsBot.Notifications;

/// <summary>
/// Delivers the outbox in order, within the Teams limits (per conversation and per tenant). A channel item starts the
/// ticket's thread (the card) or replies in it and updates the card in place; a personal item is a plain message.
/// 429 and failures keep the item for later; a 403 forgets the conversation. Only one instance runs it (the lease).
/// </summary>
public sealed class OutboxDeliverer(
    IServiceScopeFactory scopes,
    IProactiveSender sender,
    IOptions<NotificationOptions> options,
    TimeProvider time,
    ILogger<OutboxDeliverer> logger)
{
    private const int Batch = 500;
    private readonly SlidingWindowLimiter _limiter = new(time);

    /// <summary>Connector calls made (benchmark, tests).</summary>
    public long ConnectorCalls { get; private set; }

    /// <summary>
    /// Delivers what it can now; returns null when the outbox is empty, else how long to wait before the next attempt.
    /// In-flight sends are not cancelled by <paramref name="cancellationToken"/>, so that a stop never leaves a message
    /// sent but not recorded.
    /// </summary>
    public async Task<TimeSpan?> DrainOnceAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var outbox = scope.ServiceProvider.GetRequiredService<Outbox>();
        var references = scope.ServiceProvider.GetRequiredService<ConversationReferenceStore>();
        var threads = scope.ServiceProvider.GetRequiredService<TicketThreadStore>();
        var cards = scope.ServiceProvider.GetRequiredService<TicketCardFactory>();
        var o = options.Value;

        var pending = await outbox.ListPendingAsync(Batch, cancellationToken).ConfigureAwait(false);
        if (pending.Count == 0)
        {
            return null;
        }

        var held = new HashSet<string>(StringComparer.Ordinal);
        TimeSpan? wait = null;
        foreach (var item in pending)
        {
            if (cancellationToken.IsCancellationRequested)
            {
                break;
            }

            if (held.Contains(item.ConversationId))
            {
                continue;
            }

            if (await outbox.IsDoneAsync(item.IdempotencyKey, cancellationToken).ConfigureAwait(false))
            {
                // Killed between the done mark and the removal from the pending list: finish the removal, send nothing.
                await outbox.RemovePendingAsync(item, CancellationToken.None).ConfigureAwait(false);
                continue;
            }

            // A card of the turns carries where it goes; a notification goes where the conversation's reference says.
            var reference = item.Message is null ? await references.GetAsync(item.ConversationId, cancellationToken).ConfigureAwait(false) : null;
            var ticket = item.Message is null && item.Digest is null ? await threads.GetSnapshotAsync(item.TicketId, cancellationToken).ConfigureAwait(false) : null;
            if (item.Message is null && (reference is null || (ticket is null && item.Digest is null)))
            {
                await outbox.CompleteAsync(item, "dropped:no-reference", CancellationToken.None).ConfigureAwait(false);
                continue;
            }

            var tenant = "tenant:" + ((item.Message?.TenantId ?? reference?.TenantId) ?? "-");
            var calls = item.Target == OutboxItem.ChannelTarget ? 2 : 1;
            var delay = Max(
                _limiter.DelayFor(item.ConversationId, (o.ConversationBurstLimit - calls + 1, o.ConversationBurstWindow), (o.ConversationLimit - calls + 1, o.ConversationWindow)),
                _limiter.DelayFor(tenant, (o.TenantLimit - calls + 1, o.TenantWindow)));
            if (delay > TimeSpan.Zero)
            {
                // Later items of this conversation wait too: order is kept per conversation.
                held.Add(item.ConversationId);
                wait = wait is { } w && w < delay ? w : delay;
                continue;
            }

            try
            {
                if (item.Message is { } message)
                {
                    await SendMessageAsync(item, message, scope.ServiceProvider.GetServices<IProactiveCardReceipt>(), tenant).ConfigureAwait(false);
                }
                else
                {
                    await SendAsync(item, reference!, ticket, cards, threads, tenant, BotCulture.FromLocale(reference!.Locale)).ConfigureAwait(false);
                }

                await outbox.CompleteAsync(item, "delivered", CancellationToken.None).ConfigureAwait(false);
            }
            catch (ConnectorException ex) when (TeamsConversation.IsGone(ex))
            {
                Log.ConversationForbidden(logger, item.ConversationId);
                await references.RemoveAsync(item.ConversationId, CancellationToken.None).ConfigureAwait(false);
                await outbox.CompleteAsync(item, "dropped:403", CancellationToken.None).ConfigureAwait(false);
            }
            catch (ConnectorException ex) when (ex.StatusCode is (int)HttpStatusCode.TooManyRequests or >= 500 or 0)
            {
                // Never sooner than the Connector's Retry-After, which outlived its own retries.
                var backoff = Max(ex.StatusCode == (int)HttpStatusCode.TooManyRequests ? o.ThrottledBackoff : o.FailureBackoff, ex.RetryDelay(time.GetUtcNow()) ?? TimeSpan.Zero);
                Log.DeliveryDeferred(logger, item.ConversationId, ex.StatusCode);
                _limiter.Block(item.ConversationId, backoff);
                held.Add(item.ConversationId);
                wait = wait is { } w && w < backoff ? w : backoff;
            }
            catch (ConnectorException ex)
            {
                Log.DeliveryFailed(logger, item.ConversationId, ex.StatusCode);
                await outbox.CompleteAsync(item, "failed:" + ex.StatusCode, CancellationToken.None).ConfigureAwait(false);
            }
            catch (ServiceUrlNotAllowedException)
            {
                // A serviceUrl outside Bot:AllowedServiceUrls never gets the bot's token: given up, like a refused post.
                Log.DeliveryFailed(logger, item.ConversationId, 0);
                await outbox.CompleteAsync(item, "failed:service-url", CancellationToken.None).ConfigureAwait(false);
            }
            catch (HttpRequestException ex)
            {
                Log.DeliveryUnreachable(logger, item.ConversationId, ex);
                _limiter.Block(item.ConversationId, o.FailureBackoff);
                held.Add(item.ConversationId);
                wait = wait is { } w && w < o.FailureBackoff ? w : o.FailureBackoff;
            }
        }

        if (held.Count > 0)
        {
            return wait ?? TimeSpan.Zero;
        }

        return pending.Count == Batch ? TimeSpan.Zero : null;
    }

    private async Task SendAsync(
        OutboxItem item,
        ConversationReference reference,
        ChatOpsBot.Tickets.Ticket? ticket,
        TicketCardFactory cards,
        TicketThreadStore threads,
        string tenant,
        System.Globalization.CultureInfo culture)
    {
        if (item.Digest is { } digest)
        {
            var post = CardMessage.Of(ChatOpsBot.Cards.Layouts.DigestCard.Build(digest, culture));
            await SendCountedAsync(item, tenant, () => sender.PostAsync(reference, post, CancellationToken.None)).ConfigureAwait(false);
            return;
        }

        var text = NotificationText.Render(item, ticket!, culture);
        if (item is { Target: OutboxItem.PersonalTarget, Recipient: OutboxItem.OpenerRecipient, Kind: TicketEventKind.Resolved } && ticket!.Status == ChatOpsBot.Tickets.TicketStatus.Resolved)
        {
            // The opener closes or reopens from the notice itself: the ticket's card with those two buttons (the click checks their
            // rights), under a banner of good news that leaves the solution to the card.
            var request = new TicketCardRequest(ticket, null)
            {
                Notice = NotificationText.ResolvedBanner(item, ticket, culture),
                NoticeTone = ChatOpsBot.Cards.ViewModels.NoticeTone.Good,
                Actions = [ChatOpsBot.Cards.ViewModels.TicketAction.Close, ChatOpsBot.Cards.ViewModels.TicketAction.Reopen],
            };
            var resolved = await cards.BuildAsync(request, culture, CancellationToken.None).ConfigureAwait(false);
            var message = CardMessage.Of(resolved);
            message.Summary = text;
            await SendCountedAsync(item, tenant, () => sender.PostAsync(reference, message, CancellationToken.None)).ConfigureAwait(false);
            return;
        }

        if (item.Target == OutboxItem.PersonalTarget)
        {
            await SendCountedAsync(item, tenant, () => sender.PostAsync(reference, TextMessage.Markdown(text), CancellationToken.None)).ConfigureAwait(false);
            return;
        }

        var thread = await threads.GetAsync(item.TicketId, item.ConversationId, CancellationToken.None).ConfigureAwait(false);
        if (thread?.StartedBy == item.IdempotencyKey)
        {
            // This item's post started the thread: the process died before the item was marked done.
            return;
        }

        var card = await cards.BuildAsync(new TicketCardRequest(ticket!, null), culture, CancellationToken.None).ConfigureAwait(false);
        if (thread is null)
        {
            var root = CardMessage.Of(card);
            root.Summary = text;
            root.Text = text;
            var posted = await SendCountedAsync(item, tenant, () => sender.PostAsync(reference, root, CancellationToken.None)).ConfigureAwait(false);
            if (posted is { Length: > 0 } rootId)
            {
                await threads.SaveAsync(new TicketThread(item.TicketId, item.ConversationId, rootId, item.IdempotencyKey), CancellationToken.None).ConfigureAwait(false);
            }

            return;
        }

        // The card update first: repeating it is harmless, so the reply, which must not be doubled, is the last call
        // before the item is marked done (a crash or a failure in between cannot make it go out twice).
        try
        {
            await SendCountedAsync(item, tenant, () => sender.UpdateAsync(reference, thread.RootActivityId, CardMessage.Of(card), CancellationToken.None)).ConfigureAwait(false);
        }
        catch (ConnectorException ex) when (!TeamsConversation.IsGone(ex))
        {
            // A stale card at the top of the thread is refreshed by the next event; the reply still goes out.
            Log.CardUpdateFailed(logger, ex);
        }

        await SendCountedAsync(item, tenant, () => sender.ReplyAsync(reference, thread.RootActivityId, TextMessage.Markdown(text), CancellationToken.None)).ConfigureAwait(false);
    }

    /// <summary>
    /// A message of the turns. A new card is not posted again if its receipt says it went out before a crash, and its receipt
    /// records where it went; a replacement goes where its receipt says the card went (nowhere if it never did). A repeated
    /// replacement is harmless; a text is the last call before the item is marked done.
    /// </summary>
    private async Task SendMessageAsync(OutboxItem item, ProactiveMessage message, IEnumerable<IProactiveCardReceipt> receipts, string tenant)
    {
        var receipt = receipts.FirstOrDefault(r => r.Purpose == message.Purpose);
        if (!message.Replaces && message.Card is not null && receipt is not null && await receipt.IsPostedAsync(message, CancellationToken.None).ConfigureAwait(false))
        {
            return;
        }

        var sent = await ProactiveDelivery.SendAsync(sender, receipt, message, () => Count(item, tenant), CancellationToken.None).ConfigureAwait(false);
        if (sent.NothingToReplace)
        {
            Log.ReplacedMessageUnknown(logger, item.ConversationId, item.TicketId);
        }
    }

    private async Task<T> SendCountedAsync<T>(OutboxItem item, string tenant, Func<Task<T>> send)
    {
        Count(item, tenant);
        return await send().ConfigureAwait(false);
    }

    private async Task SendCountedAsync(OutboxItem item, string tenant, Func<Task> send)
    {
        Count(item, tenant);
        await send().ConfigureAwait(false);
    }

    private void Count(OutboxItem item, string tenant)
    {
        _limiter.Record(item.ConversationId);
        _limiter.Record(tenant);
        ConnectorCalls++;
    }

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;
}
