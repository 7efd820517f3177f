using System.Globalization;
using ChatOpsBot.Bot.Chats;
using ChatOpsBot.Bot.Failures;
using ChatOpsBot.Bot.Identity;
using ChatOpsBot.Bot.Localization;
using ChatOpsBot.Bot.Turns;
using ChatOpsBot.Cards;
using ChatOpsBot.Cards.Localization;
using ChatOpsBot.Cards.ViewModels;
using ChatOpsBot.Protocol.Connector;
using ChatOpsBot.Protocol.Proactive;
using ChatOpsBot.Tickets;
using ChatOpsBot.Tickets.People;
using ChatOpsBot.Tickets.Rules;
using Microsoft.Extensions.Logging;

namespace ChatOpsBot.Bot.Approvals;

/// <summary>
/// "Hand over" from an approval card: the request goes to another approver of the school (iTop's approver_id, one
/// update with a private-log note), who is told in personal chat; every copy of the card then names the new approver.
/// The click is decided and written by <see cref="ApprovalClick"/>; like a decision, it is an intent on the round until iTop
/// holds the new approver (<see cref="ApprovalDecisions"/>).
/// </summary>
public sealed class ApprovalHandOff(
    ITicketDesk desk,
    DeskDirectory directory,
    ApprovalStarter starter,
    ApproverPolicy policy,
    ApprovalStore store,
    ApprovalDecisions decisions,
    PersonalChatFinder chats,
    IProactiveMessages proactive,
    ApprovalBroadcaster broadcaster,
    ILogger<ApprovalHandOff> logger)
{
    /// <summary>The approver the card asks to hand over to, if they are another approver of the ticket's school; else null.</summary>
    public async Task<Person?> TargetAsync(Ticket ticket, CardActionInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        ArgumentNullException.ThrowIfNull(input);
        var approvers = await policy.SchoolApproversAsync(ticket.OrgId, cancellationToken).ConfigureAwait(false);
        return int.TryParse(input.Get(CardInputIds.HandOffApprover), NumberStyles.None, CultureInfo.InvariantCulture, out var id)
            ? approvers.FirstOrDefault(p => p.Id == id && p.Id != ticket.ApproverId)
            : null;
    }

    /// <summary>After the click's iTop write (<see cref="ApprovalClick"/>): the round names the new approver, who is told; every copy is updated.</summary>
    public async Task<CardActionResult> CompleteClickAsync(Ticket updated, ApprovalIntent intent, ApprovalRecord read, string? brique, CultureInfo culture, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(intent);
        var record = await CompleteAsync(updated, intent, brique, cancellationToken).ConfigureAwait(false) ?? read;
        return CardActionResult.Show(ApprovalCards.Build(updated, record, brique, approver: true, culture, CardText.Format("Approval_HandedOff", culture, intent.TargetName)));
    }

    /// <summary>The private-log note of a hand-over, naming both approvers (French: the group's iTop language).</summary>
    public static string LogText(ApprovalIntent intent)
    {
        ArgumentNullException.ThrowIfNull(intent);
        return intent.Comment is null
            ? BotText.Format("Approval_LogHandedOff", BotCulture.French, intent.By, intent.TargetName)
            : BotText.Format("Approval_LogHandedOffWithComment", BotCulture.French, intent.By, intent.TargetName, intent.Comment);
    }

    /// <summary>
    /// Completes a hand-over left half done: written in iTop if iTop still waits on the former approver, completed if iTop
    /// already names the new one, dropped if the ticket left the approval; iTop down or refusing: tried again later.
    /// </summary>
    public async Task FinishAsync(StoredApproval stored, bool background, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stored);
        if (stored.Record.Intent is not { TargetId: { } targetId } intent
            || await decisions.TakeOverAsync(stored, background, cancellationToken).ConfigureAwait(false) is null)
        {
            return;
        }

        var ticketId = stored.Record.TicketId;
        Ticket? updated;
        try
        {
            updated = await desk.GetTicketAsync(TicketKey.FromId(ticketId), cancellationToken).ConfigureAwait(false);
            if (updated is { Status: TicketStatus.WaitingForApproval } && updated.ApproverId != targetId)
            {
                updated = await WriteAsync(ticketId, intent, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (Exception ex) when (DeskFailures.KindOf(ex, cancellationToken) is { } kind)
        {
            await decisions.LetGoAsync(ticketId, intent, kind, ex, cancellationToken).ConfigureAwait(false);
            return;
        }

        if (updated is not { Status: TicketStatus.WaitingForApproval })
        {
            Log.UnfinishedApprovalFinished(logger, ticketId, "the ticket left the approval: hand-over dropped");
            await decisions.GiveBackAsync(ticketId, intent).ConfigureAwait(false);
            return;
        }

        var brique = DeskDirectory.BriqueOf(await directory.GetCatalogAsync(cancellationToken).ConfigureAwait(false), updated.ServiceId);
        await CompleteAsync(updated, intent, brique, cancellationToken).ConfigureAwait(false);
        Log.UnfinishedApprovalFinished(logger, ticketId, "hand-over taken to iTop and completed");
    }

    /// <summary>One core/update of approver_id, with the private-log note naming both approvers.</summary>
    private Task<Ticket> WriteAsync(int ticketId, ApprovalIntent intent, CancellationToken cancellationToken) =>
        desk.HandToApproverAsync(TicketKey.FromId(ticketId), intent.TargetId!.Value, LogText(intent), new Actor(intent.ById, intent.By), cancellationToken);

    /// <summary>
    /// Once iTop names the new approver: the round says it (one hand-over more), then the new approver's chat is found, so that
    /// every copy names them among those who see the buttons; the copies already posted are updated while the new approver
    /// is told (and gets a card if they had none).
    /// </summary>
    private async Task<ApprovalRecord?> CompleteAsync(Ticket updated, ApprovalIntent intent, string? brique, CancellationToken cancellationToken)
    {
        var record = await decisions.SettleAsync(updated.Id, intent, r => r with { HandOffs = r.HandOffs + 1 }).ConfigureAwait(false);
        if (record is null)
        {
            return null;
        }

        Log.ApprovalHandedOff(logger, updated.Id, intent.ById, intent.TargetId!.Value);
        var targetId = intent.TargetId.Value;
        var (reached, chat) = await ReachAsync(record, targetId, intent.TargetName ?? string.Empty, updated.Id, cancellationToken).ConfigureAwait(false);
        record = record with { Approvers = [.. record.Approvers.Where(a => a.PersonId != targetId), reached] };
        var told = chat is null ? reached : await TellAsync(updated, record, reached, chat, intent, brique, cancellationToken).ConfigureAwait(false);
        await broadcaster.UpdateCardsAsync(updated, record, brique, cancellationToken, freshCardOf: reached.ActivityId is null ? targetId : null).ConfigureAwait(false);
        return (await store.SaveCardsAsync(updated.Id, [told], cancellationToken).ConfigureAwait(false))?.Record ?? record;
    }

    /// <summary>The new approver as the round knows them, with their personal chat when Teams offers one.</summary>
    private async Task<(ApproverRef Approver, LinkedReference? Chat)> ReachAsync(ApprovalRecord record, int targetId, string name, int ticketId, CancellationToken cancellationToken)
    {
        var known = record.Approvers.FirstOrDefault(a => a.PersonId == targetId) ?? new ApproverRef { PersonId = targetId, Name = name };
        if (await chats.FindAsync(targetId, cancellationToken).ConfigureAwait(false) is not { UserId: not null } chat)
        {
            Log.ApproverUnreachable(logger, ticketId, targetId);
            return (known, null);
        }

        return (known with { TeamsUserId = chat.UserId, ServiceUrl = chat.ServiceUrl, ConversationId = chat.ConversationId, Locale = chat.Locale }, chat);
    }

    /// <summary>The new approver gets a personal message in their language, and the card too when they had none yet.</summary>
    private async Task<ApproverRef> TellAsync(Ticket ticket, ApprovalRecord record, ApproverRef target, LinkedReference chat, ApprovalIntent intent, string? brique, CancellationToken cancellationToken)
    {
        var known = target.ActivityId is null
            ? await starter.PostCardAsync(ticket, record, target, brique, null, cancellationToken).ConfigureAwait(false)
            : target;
        var culture = BotCulture.FromLocale(chat.Locale);
        var text = intent.Comment is null
            ? MarkdownText.Format("Approval_HandedOffToYou", culture, intent.By, ticket.Ref)
            : MarkdownText.Format("Approval_HandedOffToYouWithComment", culture, intent.By, ticket.Ref, intent.Comment);
        try
        {
            // Once per hand-over, whoever finishes it (the click, or the background after a crash).
            var once = string.Create(CultureInfo.InvariantCulture, $"approval-handoff:{ticket.Id}:{record.RequestedAt.UtcTicks}:{record.HandOffs}:{target.PersonId}");
            await proactive.SendAsync(ProactiveMessage.OfText(once, chat, text, ticket.Id), cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is ConnectorException or ServiceUrlNotAllowedException or HttpRequestException)
        {
            Log.ApprovalDeliveryFailed(logger, ticket.Id, ex);
        }

        return known;
    }
}
