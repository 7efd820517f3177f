using System.Globalization;
using ChatOpsBot.Bot.Actions;
using ChatOpsBot.Bot.Conversation;
using ChatOpsBot.Bot.Drafts;
using ChatOpsBot.Bot.Identity;
using ChatOpsBot.Bot.Localization;
using ChatOpsBot.Bot.Rendering;
using ChatOpsBot.Cards.Layouts;
using ChatOpsBot.Cards.Model;
using ChatOpsBot.Cards.ViewModels;
using ChatOpsBot.Protocol;
using ChatOpsBot.Tickets;
using ChatOpsBot.Tickets.Rules;
using Microsoft.Extensions.Logging;

namespace ChatOpsBot.Bot.Dialogs;

/// <summary>
/// Creates the ticket of a draft exactly once. The draft is claimed (Open/Failed → Submitting) by compare-and-swap,
/// so two clicks cannot both write; a retry first looks for a ticket an interrupted attempt may have created.
/// </summary>
public sealed class TicketCreator(
    ITicketDesk desk,
    DraftStore drafts,
    TicketPresenter presenter,
    TypingIndicator typing,
    Approvals.ApprovalStarter approvals,
    TimeProvider time,
    ILogger<TicketCreator> logger)
{
    /// <summary>A "submitting" draft older than this was interrupted (crash, restart) and may be retried.</summary>
    public static readonly TimeSpan SubmitTimeout = TimeSpan.FromMinutes(2);

    public bool IsAbandoned(TicketDraftState draft)
    {
        ArgumentNullException.ThrowIfNull(draft);
        return draft.Status == DraftStatus.Submitting && draft.SubmittedAt is { } at && time.GetUtcNow() - at > SubmitTimeout;
    }

    public async Task<CardActionResult> CreateAsync(
        TurnContext turn,
        StoredDraft stored,
        TicketDraftState draft,
        BotUser user,
        CultureInfo culture,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stored);
        ArgumentNullException.ThrowIfNull(draft);
        ArgumentNullException.ThrowIfNull(user);
        var previousAttempt = stored.Draft.Status == DraftStatus.Open ? null : stored.Draft.SubmittedAt;
        var submitting = draft with { Status = DraftStatus.Submitting, SubmittedAt = time.GetUtcNow() };
        var claim = await drafts.ReplaceAsync(submitting, stored.ETag, cancellationToken).ConfigureAwait(false);
        if (claim is null)
        {
            return CardActionResult.Show(NoticeCard.Build(new NoticeCardModel(BotText.Get("Draft_InProgress", culture)), culture));
        }

        Ticket ticket;
        try
        {
            ticket = await typing.WhileAsync(
                turn,
                async ct => await FindEarlierAttemptAsync(submitting, previousAttempt, ct).ConfigureAwait(false)
                    ?? await desk.CreateTicketAsync(DraftValidator.ToTicketDraft(submitting, culture), user.Actor, ct).ConfigureAwait(false),
                cancellationToken).ConfigureAwait(false);
        }
        catch (TicketRuleException ex)
        {
            await drafts.ReplaceAsync(submitting with { Status = DraftStatus.Open }, claim.ETag, CancellationToken.None).ConfigureAwait(false);
            return CardActionResult.Show(NoticeCard.Build(new NoticeCardModel(ex.Reason(culture)), culture));
        }
#pragma warning disable CA1031 // Whatever iTop answered, the draft is kept and Retry (which first looks for the ticket) stays possible.
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
#pragma warning restore CA1031
        {
            if (DeskFailures.IsUnavailable(ex, cancellationToken))
            {
                Log.DeskUnavailable(logger, "ticket creation", ex);
            }
            else
            {
                Log.DeskFailed(logger, "ticket creation", ex);
            }

            var failed = submitting with { Status = DraftStatus.Failed };
            await drafts.ReplaceAsync(failed, claim.ETag, CancellationToken.None).ConfigureAwait(false);
            return CardActionResult.Show(RetryCard(failed, culture));
        }

        await drafts.ReplaceAsync(submitting with { Status = DraftStatus.Created, TicketId = ticket.Id }, claim.ETag, CancellationToken.None)
            .ConfigureAwait(false);
        Log.TicketCreated(logger, ticket.Id, draft.Id);
        ticket = await approvals.StartIfNeededAsync(turn, ticket, submitting, user, culture, cancellationToken).ConfigureAwait(false);
        return await presenter.CardsAsync(ticket, user, culture, cancellationToken).ConfigureAwait(false);
    }

    public static AdaptiveCard RetryCard(TicketDraftState draft, CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(draft);
        return ErrorCard.Build(
            new NoticeCardModel(BotText.Get("Error_ItopDownDraftKept", culture))
            {
                Title = BotText.Get("Error_ItopDownTitle", culture),
                RetryDraftId = draft.Id,
            },
            culture);
    }

    /// <summary>After an interrupted attempt: the ticket iTop may have created before the answer was lost.</summary>
    private async Task<Ticket?> FindEarlierAttemptAsync(TicketDraftState draft, DateTimeOffset? previousAttempt, CancellationToken cancellationToken)
    {
        if (previousAttempt is not { } since || FormModelFactory.Parse(draft.OnBehalfOf) is not { } callerId)
        {
            return null;
        }

        var page = await desk.FindTicketsAsync(new TicketQuery { RequesterId = callerId, OrgId = draft.OrgId, PageSize = 50 }, cancellationToken)
            .ConfigureAwait(false);
        var earlier = page.Items.FirstOrDefault(t =>
            string.Equals(t.Title.Trim(), draft.Title?.Trim(), StringComparison.Ordinal)
            && t.StartDate is { } start && start >= since - TimeSpan.FromMinutes(1));
        if (earlier is not null)
        {
            Log.DraftAlreadyCreated(logger, draft.Id, earlier.Id);
        }

        return earlier;
    }
}
