using System.Globalization;
using ChatOpsBot.Bot.Chats;
using ChatOpsBot.Bot.Failures;
using ChatOpsBot.Bot.Identity;
using ChatOpsBot.Bot.Localization;
using ChatOpsBot.Protocol.Connector;
using ChatOpsBot.Tickets;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChatOpsBot.Bot.Approvals;

/// <summary>
/// Every <see cref="ApprovalsOptions.ReminderScanInterval"/> (on the injected <see cref="TimeProvider"/>), recalls once the
/// requests still waiting after <see cref="ApprovalsOptions.ReminderDelay"/> to their approvers, in their personal chat —
/// including an approver who could not be reached when the approval was asked, if Teams offers a chat with them now.
/// </summary>
public sealed class ApprovalReminderService(
    IServiceScopeFactory scopes,
    IOptions<ApprovalsOptions> options,
    TimeProvider time,
    ILogger<ApprovalReminderService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.ReminderScanInterval, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
            {
                try
                {
                    await RemindDueAsync(stoppingToken).ConfigureAwait(false);
                }
#pragma warning disable CA1031 // One failed scan (iTop, state store) must not stop the next ones.
                catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
#pragma warning restore CA1031
                {
                    Log.ApprovalReminderFailed(logger, ex);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping, also when the host never started (a port in use): the host would report a cancelled
            // service it did not stop as a failed one, with a critical line.
        }
    }

    /// <summary>Sends the due reminders; returns how many requests were recalled.</summary>
    public async Task<int> RemindDueAsync(CancellationToken cancellationToken)
    {
        using var scope = scopes.CreateScope();
        var store = scope.ServiceProvider.GetRequiredService<ApprovalStore>();
        var desk = scope.ServiceProvider.GetRequiredService<ITicketDesk>();
        var directory = scope.ServiceProvider.GetRequiredService<DeskDirectory>();
        var starter = scope.ServiceProvider.GetRequiredService<ApprovalStarter>();
        var chats = scope.ServiceProvider.GetRequiredService<PersonalChatFinder>();
        var now = time.GetUtcNow();
        var count = 0;
        foreach (var stored in await store.ListAsync(cancellationToken).ConfigureAwait(false))
        {
            var record = stored.Record;
            // A request not delivered yet, or a click under way, is the unfinished-work service's to finish first.
            if (!record.IsIdle || record.RemindedAt is not null || now - record.RequestedAt < options.Value.ReminderDelay)
            {
                continue;
            }

            // Claimed first: two bot instances do not both remind.
            var claim = await store.PutAsync(record with { RemindedAt = now }, stored.ETag, cancellationToken).ConfigureAwait(false);
            if (claim is null)
            {
                continue;
            }

            Ticket? ticket;
            string? brique;
            try
            {
                ticket = await desk.GetTicketAsync(TicketKey.FromId(record.TicketId), cancellationToken).ConfigureAwait(false);
                brique = DeskDirectory.BriqueOf(await directory.GetCatalogAsync(cancellationToken).ConfigureAwait(false), ticket?.ServiceId);
            }
            catch (Exception ex) when (DeskFailures.IsDeskFailure(ex, cancellationToken))
            {
                // iTop down or refusing the bot's account: the claim is given back, the next scan reminds; the other rounds go on.
                DeskFailures.Log(logger, "approval reminder", ex, cancellationToken);
                await store.UpdateAsync(record.TicketId, r => r.RemindedAt == now ? r with { RemindedAt = null } : null, CancellationToken.None).ConfigureAwait(false);
                continue;
            }

            if (ticket is null || ticket.Status != TicketStatus.WaitingForApproval)
            {
                continue;
            }

            var reached = await ReachAsync(claim!.Record, chats, cancellationToken).ConfigureAwait(false);
            var approvers = new List<ApproverRef>();
            foreach (var approver in reached.Approvers)
            {
                approvers.Add(await starter.PostCardAsync(ticket, reached, approver, brique, c => BotText.Format("Approval_Reminder", c, ticket.Ref), cancellationToken,
                    "reminder:" + now.UtcTicks.ToString(CultureInfo.InvariantCulture))
                    .ConfigureAwait(false));
            }

            // Where the newly reached approvers' cards are, so that the decision updates them too.
            await store.SaveCardsAsync(ticket.Id, approvers, cancellationToken).ConfigureAwait(false);
            Log.ApprovalReminded(logger, ticket.Id);
            count++;
        }

        return count;
    }

    /// <summary>The round, with a chat for each approver who had none when it was asked (they may be reachable now).</summary>
    private static async Task<ApprovalRecord> ReachAsync(ApprovalRecord record, PersonalChatFinder chats, CancellationToken cancellationToken)
    {
        var approvers = new List<ApproverRef>();
        foreach (var approver in record.Approvers)
        {
            approvers.Add(approver.ConversationId is null && await chats.FindAsync(approver.PersonId, cancellationToken).ConfigureAwait(false) is { UserId: not null } chat
                ? approver with { TeamsUserId = chat.UserId, ServiceUrl = chat.ServiceUrl, ConversationId = chat.ConversationId, Locale = chat.Locale }
                : approver);
        }

        return record with { Approvers = approvers };
    }
}
