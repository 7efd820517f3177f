using System.Globalization;
using ChatOpsBot.Bot.Approvals;
using ChatOpsBot.Bot.Drafts;
using ChatOpsBot.Bot.Failures;
using ChatOpsBot.Bot.Identity;
using ChatOpsBot.Bot.Localization;
using ChatOpsBot.Bot.Recovery;
using ChatOpsBot.Bot.Viewing;
using ChatOpsBot.Bot.Turns;
using ChatOpsBot.Cards.Layouts;
using ChatOpsBot.Cards.Model;
using ChatOpsBot.Cards.ViewModels;
using ChatOpsBot.Protocol;
using ChatOpsBot.Tickets;
using ChatOpsBot.Tickets.Failures;
using ChatOpsBot.Tickets.Rules;
using Microsoft.Extensions.Logging;

namespace ChatOpsBot.Bot.Dialogs;

/// <summary>
/// Creates the ticket of a draft exactly once, and sends it for approval when it needs it. The draft is claimed
/// (Open/Failed → Submitting, held by this instance) by compare-and-swap, so two clicks cannot both write; the ticket carries
/// the draft id (<see cref="TicketDraft.OriginMarker"/>), so a later attempt, or the background after a crash
/// (<see cref="DraftFinisher"/>), finds a ticket an interrupted attempt created instead of making a second one. The approval
/// request is written as an intent before the draft says "created", so it is finished whatever stops it.
/// </summary>
public sealed class TicketCreator(
    ITicketDesk desk,
    DraftStore drafts,
    UnfinishedWork unfinished,
    WorkOwnership ownership,
    TicketPresenter presenter,
    TypingIndicator typing,
    ApprovalStarter approvals,
    ApprovalStore rounds,
    TicketOpenerStore openers,
    DeskFailureReplies failures,
    TimeProvider time,
    ILogger<TicketCreator> logger)
{
    /// <summary>A draft being created whose creator is gone (dead instance, or stuck longer than Recovery:AbandonAfter): a click may finish it.</summary>
    public async Task<bool> IsAbandonedAsync(TicketDraftState draft, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(draft);
        return draft.Status == DraftStatus.Submitting && await ownership.IsFreeAsync(draft.Work, dueOnly: false, cancellationToken).ConfigureAwait(false);
    }

    /// <param name="approvalRequired">Whether the ticket must be sent for approval once created (asked in the form, or a rule on its brique or service).</param>
    public async Task<CardActionResult> CreateAsync(
        TurnContext turn,
        StoredDraft stored,
        TicketDraftState draft,
        BotUser user,
        bool approvalRequired,
        CultureInfo culture,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stored);
        ArgumentNullException.ThrowIfNull(draft);
        ArgumentNullException.ThrowIfNull(user);
        var previousAttempt = stored.Draft.Status == DraftStatus.Open ? null : stored.Draft.SubmittedAt;
        await unfinished.MarkAsync(UnfinishedWork.Drafts, draft.Id, cancellationToken).ConfigureAwait(false);
        var submitting = draft with
        {
            Status = DraftStatus.Submitting,
            SubmittedAt = time.GetUtcNow(),
            Work = ownership.Take(),
            AuthorName = user.Person.FullName,
            ApprovalRequired = approvalRequired,
        };
        var claim = await drafts.ReplaceAsync(submitting, stored.ETag, cancellationToken).ConfigureAwait(false);
        if (claim is null && await drafts.GetAsync(draft.Id, cancellationToken).ConfigureAwait(false) is { Draft.Status: DraftStatus.Open or DraftStatus.Failed } newer)
        {
            // Only bookkeeping changed since the click read the draft (the form's message id, saved just after it was sent).
            submitting = submitting with { FormActivityId = newer.Draft.FormActivityId };
            claim = await drafts.ReplaceAsync(submitting, newer.ETag, cancellationToken).ConfigureAwait(false);
        }

        if (claim is null)
        {
            return CardActionResult.Show(InProgressCard(draft, culture));
        }

        Ticket ticket;
        try
        {
            ticket = await typing.WhileAsync(
                turn,
                async ct => (previousAttempt is null ? null : await FindEarlierAttemptAsync(draft.Id, ct).ConfigureAwait(false))
                    ?? await desk.CreateTicketAsync(DraftValidator.ToTicketDraft(submitting) with { OriginMarker = draft.Id }, user.Actor, ct).ConfigureAwait(false),
                cancellationToken).ConfigureAwait(false);
        }
        catch (TicketRuleException ex)
        {
            await LetGoAsync(claim, DraftStatus.Open).ConfigureAwait(false);
            return CardActionResult.Show(NoticeCard.Build(new NoticeCardModel(ex.Reason(culture)), culture));
        }
        catch (Exception ex) when (DeskFailures.KindOf(ex, cancellationToken) is { } kind)
        {
            // Whatever iTop answered, the draft is kept and Retry (which first looks for the ticket by its marker) stays possible.
            DeskFailures.Log(logger, "ticket creation", ex, cancellationToken);
            var failed = await LetGoAsync(claim, DraftStatus.Failed, kind).ConfigureAwait(false);
            return CardActionResult.Show(RetryCard(failed, failures, culture));
        }

        var (created, approval) = await RecordCreatedAsync(claim, ticket, background: false, cancellationToken).ConfigureAwait(false);
        if (approval is { IsDone: false })
        {
            var standing = ApprovalStanding.Card(created.Ref, created.Title, draft.Id, approval, failures, culture);
            return CardActionResult.Show(standing) with { SharedCard = standing };
        }

        return await presenter.CardsAsync(created, user, culture, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// The ticket exists in iTop: the approval request (if the ticket needs one) is written as an intent, then the draft says
    /// "created", then the request is carried on. Shared by a click and by the background after a crash.
    /// </summary>
    /// <returns>The ticket as it stands, and the approval request's progress when there is one.</returns>
    public async Task<(Ticket Ticket, ApprovalProgress? Approval)> RecordCreatedAsync(StoredDraft claim, Ticket ticket, bool background, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(claim);
        ArgumentNullException.ThrowIfNull(ticket);
        var draft = claim.Draft;
        // Before the draft says "created": a crash in between is finished by the background, which records it then.
        await openers.SaveAsync(new TicketOpener(ticket.Id, draft.AuthorPersonId, draft.AuthorName ?? ticket.CallerName), CancellationToken.None).ConfigureAwait(false);
        var approval = draft.ApprovalRequired && ticket.Status == TicketStatus.New;
        var held = approval && await approvals.BeginAsync(RoundOf(draft, ticket), keepExisting: true, CancellationToken.None).ConfigureAwait(false);

        await drafts.ReplaceAsync(draft with { Status = DraftStatus.Created, TicketId = ticket.Id, TicketRef = ticket.Ref, Work = null }, claim.ETag, CancellationToken.None)
            .ConfigureAwait(false);
        await unfinished.ClearAsync(UnfinishedWork.Drafts, draft.Id, CancellationToken.None).ConfigureAwait(false);
        Log.TicketCreated(logger, ticket.Id, draft.Id);
        if (!approval)
        {
            return (ticket, null);
        }

        var progress = await approvals.ContinueAsync(ticket.Id, background, cancellationToken, held).ConfigureAwait(false);
        return (progress.Ticket ?? ticket, progress);
    }

    /// <summary>Retry on a created draft whose approval request is not finished: carried on now.</summary>
    public async Task<CardActionResult> ContinueApprovalAsync(TicketDraftState draft, BotUser user, CultureInfo culture, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(draft);
        var ticketId = draft.TicketId ?? throw new ArgumentException("The draft has no ticket.", nameof(draft));
        var progress = await approvals.ContinueAsync(ticketId, background: false, cancellationToken).ConfigureAwait(false);
        if (!progress.IsDone)
        {
            return StandingResult(draft, progress, culture);
        }

        var ticket = progress.Ticket ?? await desk.GetTicketAsync(TicketKey.FromId(ticketId), cancellationToken).ConfigureAwait(false);
        return ticket is null
            ? CardActionResult.Text(BotText.Format("Error_TicketNotFound", culture, ticketId))
            : await presenter.CardsAsync(ticket, user, culture, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The opener's card while the created ticket's approval request is not made: where it stands, and Retry.</summary>
    public CardActionResult StandingResult(TicketDraftState draft, ApprovalProgress progress, CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(draft);
        var standing = ApprovalStanding.Card(draft.TicketRef ?? "—", draft.Title ?? string.Empty, draft.Id, progress, failures, culture);
        return CardActionResult.Show(standing) with { SharedCard = standing };
    }

    /// <summary>The approval round of the draft's ticket when its request is not finished (made and delivered) yet.</summary>
    public async Task<ApprovalRecord?> UnfinishedApprovalAsync(TicketDraftState draft, CancellationToken cancellationToken) =>
        draft is { Status: DraftStatus.Created, ApprovalRequired: true, TicketId: { } ticketId }
        && await rounds.GetAsync(ticketId, cancellationToken).ConfigureAwait(false) is { Record.Phase: not ApprovalPhase.Open } stored
            ? stored.Record
            : null;

    /// <summary>The card of a draft that could not be created: what happened, and Retry.</summary>
    public static AdaptiveCard RetryCard(TicketDraftState draft, DeskFailureReplies failures, CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(draft);
        ArgumentNullException.ThrowIfNull(failures);
        var (title, message) = draft.Failure switch
        {
            null => (BotText.Get("Draft_InterruptedTitle", culture), BotText.Get("Draft_Interrupted", culture)),
            DeskFailureKind.Unavailable => (BotText.Get("Error_ItopDownTitle", culture), BotText.Get("Error_ItopDownDraftKept", culture)),
            DeskFailureKind.CredentialsRefused => (BotText.Get("Error_ItopRefusedBotTitle", culture), BotText.Format("Error_ItopRefusedBotDraftKept", culture, failures.Contact)),
            _ => (BotText.Get("Error_ItopRefusedTitle", culture), BotText.Format("Error_ItopRefusedDraftKept", culture, failures.Contact)),
        };
        return ErrorCard.Build(new NoticeCardModel(message) { Title = title, RetryDraftId = draft.Id }, culture);
    }

    /// <summary>Another click (or instance) is creating the ticket: the card says so, and its Retry checks again.</summary>
    public static AdaptiveCard InProgressCard(TicketDraftState draft, CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(draft);
        return NoticeCard.Build(new NoticeCardModel(BotText.Get("Draft_InProgress", culture)) { RetryDraftId = draft.Id }, culture);
    }

    /// <summary>After an interrupted attempt: the ticket iTop may have created before the answer was lost, found by the draft id it carries.</summary>
    public async Task<Ticket?> FindEarlierAttemptAsync(string draftId, CancellationToken cancellationToken)
    {
        var earlier = await desk.FindTicketByOriginAsync(draftId, cancellationToken).ConfigureAwait(false);
        if (earlier is not null)
        {
            Log.DraftAlreadyCreated(logger, draftId, earlier.Id);
        }

        return earlier;
    }

    private ApprovalRecord RoundOf(TicketDraftState draft, Ticket ticket) => new()
    {
        TicketId = ticket.Id,
        OrgId = ticket.OrgId,
        RequestedAt = time.GetUtcNow(),
        RequestedBy = draft.AuthorName ?? ticket.CallerName,
        RequestedById = draft.AuthorPersonId,
        OpenerConversationId = draft.ConversationId,
        OpenerServiceUrl = draft.ServiceUrl,
        OpenerActivityId = draft.FormActivityId,
        OpenerUserId = draft.TeamsUserId,
        Locale = draft.Locale,
    };

    /// <summary>The draft let go after a refusal or a failure; the index no longer lists it.</summary>
    public async Task<TicketDraftState> LetGoAsync(StoredDraft claim, DraftStatus status, DeskFailureKind? failure = null)
    {
        ArgumentNullException.ThrowIfNull(claim);
        var released = claim.Draft with { Status = status, Work = null, Failure = failure };
        await drafts.ReplaceAsync(released, claim.ETag, CancellationToken.None).ConfigureAwait(false);
        await unfinished.ClearAsync(UnfinishedWork.Drafts, claim.Draft.Id, CancellationToken.None).ConfigureAwait(false);
        return released;
    }
}
